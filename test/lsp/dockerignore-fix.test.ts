import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type CreateFile, type PublishDiagnosticsParams, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/text';
import { LspTestClient } from '../helpers/lsp-client';

const RULE = 'dockerfile/missing-dockerignore';
// `COPY . .` sends the whole build context, which is what the rule is about.
const DOCKERFILE = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "server.js"]\n';
const lacksRule = (params: PublishDiagnosticsParams) => !params.diagnostics.some((diagnostic) => diagnostic.code === RULE);

describe('language server: the "Create a .dockerignore" fix, applied as an editor would', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'infracoach-lsp-dockerignore-'));
    mkdirSync(join(root, '.git'));
    // As the extension starts it: the file watcher's reports, not the cache's age, make the server see a new file.
    client = await LspTestClient.start({ rootPath: root, initializationOptions: { watchesNeighbourFiles: true } });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  // The timeout only turns a regression (no re-lint ever published) into a failure instead of a hang.
  it('creates the file with a CreateFile operation, and the finding clears once the file watcher reports it', { timeout: 30_000 }, async () => {
    const folder = join(root, 'service');
    mkdirSync(folder);
    const dockerfilePath = join(folder, 'Dockerfile');
    writeFileSync(dockerfilePath, DOCKERFILE);
    const uri = pathToFileURL(dockerfilePath).href;
    const ignorePath = join(folder, '.dockerignore');
    const ignoreUri = pathToFileURL(ignorePath).href;

    const diagnostics = await client.open(uri, 'dockerfile', DOCKERFILE);
    const finding = diagnostics.find((diagnostic) => diagnostic.code === RULE);
    assert.ok(finding, `expected ${RULE}, got ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
    assert.deepEqual(finding.range.start, { line: 2, character: 0 }, 'reported on the COPY that sends the whole context');

    const actions = await client.codeActions(uri, finding);
    const fix = actions.find((action) => action.edit && action.diagnostics?.some((diagnostic) => diagnostic.code === RULE));
    assert.ok(fix, actions.map((action) => action.title).join(', '));
    assert.equal(fix.title, 'Create a .dockerignore with common entries');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.edit?.changes, undefined, 'resource operations need documentChanges');

    // Exactly: create the file (never replacing one the user already has), then insert the contents at its start.
    // The Dockerfile itself is not edited, so there is no versioned edit for it.
    const documentChanges = fix.edit!.documentChanges!;
    assert.equal(documentChanges.length, 2, JSON.stringify(documentChanges));
    const [create, insert] = documentChanges as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: ignoreUri, options: { ignoreIfExists: true } });
    assert.deepEqual(insert.textDocument, { uri: ignoreUri, version: null });
    assert.equal(insert.edits.length, 1);
    assert.deepEqual(insert.edits[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

    const contents = applyEdits('', insert.edits);
    const entries = contents.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    for (const expected of ['.git', '.env', '**/node_modules']) assert.ok(entries.includes(expected), `${expected} is ignored:\n${contents}`);
    assert.ok(!entries.some((entry) => ['.', '*', '**'].includes(entry)), 'nothing that would empty the build context');
    assert.ok(contents.endsWith('\n'));

    // Apply it as the editor does: the file appears on disk, then the file watcher reports it.
    // Only a fresh publish can satisfy the wait: the current diagnostics still have the finding.
    const cleared = client.diagnostics(uri, lacksRule);
    assert.equal(existsSync(ignorePath), false);
    writeFileSync(ignorePath, contents);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: FileChangeType.Created }] });
    const after = await cleared;
    assert.equal(after.version, 1, 'the re-check of the unchanged document, not a didChange, published this');
    assert.deepEqual(
      after.diagnostics.map((diagnostic) => diagnostic.code).sort(),
      diagnostics.filter((diagnostic) => diagnostic !== finding).map((diagnostic) => diagnostic.code).sort(),
      'only that finding is gone',
    );
    assert.equal(readFileSync(ignorePath, 'utf8'), contents);

    // Deleting it brings the finding back, again on the watcher's word alone.
    const returned = client.diagnostics(uri, (params) => !lacksRule(params));
    rmSync(ignorePath);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: FileChangeType.Deleted }] });
    await returned;
    await client.close(uri);
  });

  it('a closed Dockerfile the workspace check covered is checked again when a .dockerignore appears beside it', { timeout: 30_000 }, async () => {
    const folder = join(root, 'worker');
    mkdirSync(folder);
    const dockerfilePath = join(folder, 'Dockerfile');
    writeFileSync(dockerfilePath, DOCKERFILE);
    const uri = pathToFileURL(dockerfilePath).href;
    const covered = client.diagnostics(uri, (params) => !lacksRule(params));
    await client.connection.sendRequest('infracoach/checkWorkspace', {});
    await covered;

    const cleared = client.diagnostics(uri, lacksRule);
    const ignorePath = join(folder, '.dockerignore');
    writeFileSync(ignorePath, '.git\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(ignorePath).href, type: FileChangeType.Created }] });
    const after = await cleared;
    assert.ok(after.diagnostics.length > 0, 'the other findings of the closed file stay listed');
  });
});
