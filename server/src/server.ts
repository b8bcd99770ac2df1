import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InfraCoachService } from './lsp/service';
import { STATUS_REQUEST } from './lsp/status';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams } from './lsp/workspace-check';

// Wiring only: every behaviour lives in InfraCoachService.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new InfraCoachService(connection, documents);

connection.onInitialize((params) => service.initialize(params));
connection.onInitialized(() => service.initialized());
connection.onDidChangeConfiguration((params) => service.updateSettings(params.settings));
connection.onDidChangeWatchedFiles((params) => service.watchedFilesChanged(params));
connection.onCodeAction((params) => service.codeActions(params));
connection.onHover((params) => service.hover(params));
connection.onRequest('infracoach/catalog', () => service.catalog());
connection.onRequest(CHECK_WORKSPACE_REQUEST, (params: CheckWorkspaceParams | undefined, token) => service.checkWorkspace(token, connection.window.attachWorkDoneProgress(params?.workDoneToken)));
connection.onRequest(STATUS_REQUEST, (params: { uri: string }) => service.status(params));
documents.onDidOpen((event) => service.documentChanged(event.document));
documents.onDidChangeContent((event) => service.documentChanged(event.document));
documents.onDidClose((event) => service.documentClosed(event.document));

documents.listen(connection);
connection.listen();
