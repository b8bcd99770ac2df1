import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InfraCoachService } from './lsp/service';

// Wiring only: every behaviour lives in InfraCoachService.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new InfraCoachService(connection, documents);

connection.onInitialize((params) => service.initialize(params));
connection.onDidChangeConfiguration((params) => service.updateSettings(params.settings));
connection.onCodeAction((params) => service.codeActions(params));
connection.onHover((params) => service.hover(params));
connection.onRequest('infracoach/catalog', () => service.catalog());
documents.onDidOpen((event) => service.documentChanged(event.document));
documents.onDidChangeContent((event) => service.documentChanged(event.document));
documents.onDidClose((event) => service.documentClosed(event.document));

documents.listen(connection);
connection.listen();
