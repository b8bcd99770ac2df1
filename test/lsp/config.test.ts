import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type CodeAction, type Diagnostic, type PublishDiagnosticsParams, type TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/text';
import { LspTestClient } from '../helpers/lsp-client';

const DOCKERFILE = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
const has = (ruleId: string) => (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => diagnostic.code === ruleId);
const lacks = (ruleId: string) => (params: PublishDiagnosticsParams) => !has(ruleId)(params);

describe('language server: configuration, suppression and the workspace', () => {
  let root: string;
  let client: LspTestClient;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).href;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const watched = (path: string, type: FileChangeType) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type }] });

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'infracoach-lsp-config-'));
    mkdirSync(join(root, '.git'));
    client = await LspTestClient.start({ rootPath: root });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('a settings change over workspace/didChangeConfiguration re-publishes open documents without reopening them', async () => {
    const uri = uriOf('settings/Dockerfile');
    assert.ok((await client.open(uri, 'dockerfile', DOCKERFILE)).some((diagnostic) => diagnostic.code === 'dockerfile/root-user'));

    await client.changeSettings({ rules: { 'dockerfile/root-user': 'off' } });
    const off = await client.diagnostics(uri, lacks('dockerfile/root-user'));
    assert.ok(has('dockerfile/no-multi-stage')(off), 'other rules still run');

    await client.changeSettings({ rules: { 'dockerfile/root-user': 'error' } });
    const graded = await client.diagnostics(uri, has('dockerfile/root-user'));
    assert.equal(graded.diagnostics.find((diagnostic) => diagnostic.code === 'dockerfile/root-user')?.severity, DiagnosticSeverity.Error);

    await client.changeSettings({ exclude: ['settings/**'] });
    await client.diagnostics(uri, (params) => params.diagnostics.length === 0);
    assert.equal((await client.connection.sendRequest<{ state: string; detail: string }>('infracoach/status', { uri })).state, 'excluded');

    await client.changeSettings({ enable: false });
    await client.changeSettings({});
    await client.diagnostics(uri, has('dockerfile/root-user'));
    await client.close(uri);
  });

  it('invalid settings are ignored entry by entry and shown to the user', async () => {
    const shown: string[] = [];
    client.connection.onNotification('window/showMessage', (params: { message: string }) => shown.push(params.message));
    const uri = uriOf('bad-settings/Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await client.changeSettings({ rules: { 'dockerfile/root-user': 'loud', 'dockerfile/no-multi-stage': 'off' } });
    const params = await client.diagnostics(uri, lacks('dockerfile/no-multi-stage'));
    assert.ok(has('dockerfile/root-user')(params), 'the invalid entry falls back to the default');
    // The warning is sent before the re-check, so it has arrived by now.
    assert.ok(shown.some((message) => message.includes('infracoach.rules.dockerfile/root-user')), shown.join('\n'));
    await client.changeSettings({});
    await client.close(uri);
  });

  it('"Suppress <rule-id> on this line" inserts a comment that silences exactly that finding', async () => {
    const uri = uriOf('suppress/Dockerfile');
    const diagnostics = await client.open(uri, 'dockerfile', DOCKERFILE);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'dockerfile/no-multi-stage')!;
    const actions = await client.codeActions(uri, target);
    const suppress = actions.find((action) => action.title === 'Suppress dockerfile/no-multi-stage on this line');
    assert.ok(suppress, actions.map((action) => action.title).join(', '));
    assert.equal(suppress.command?.command, 'infracoach.selectRange', 'the reason placeholder gets selected');
    const { text, diagnostics: after } = await client.apply(uri, suppress);
    assert.equal(text, 'FROM golang:1.22\n# infracoach-disable-next-line dockerfile/no-multi-stage -- <reason>\nRUN go build -o /app .\nCMD ["/app"]\n');
    const selected = (suppress.command!.arguments![0] as { range: { start: { line: number; character: number } } }).range;
    assert.deepEqual(selected.start, { line: 1, character: 60 });
    assert.deepEqual(codes(after), codes(diagnostics.filter((diagnostic) => diagnostic !== target)), 'only that finding is gone, and no "unused" hint appears');
    await client.close(uri);
  });

  it('"Turn off <rule-id> in this repository" creates .infracoach.yaml, which applies as soon as it is written', async () => {
    const uri = uriOf('turn-off/Dockerfile');
    const diagnostics = await client.open(uri, 'dockerfile', DOCKERFILE);
    const actions = await client.codeActions(uri, diagnostics.find((diagnostic) => diagnostic.code === 'dockerfile/root-user')!);
    const turnOff = actions.find((action) => action.title === 'Turn off dockerfile/root-user in this repository') as CodeAction;
    const [create, edit] = turnOff.edit!.documentChanges!;
    const configUri = uriOf('.infracoach.yaml');
    assert.deepEqual(create, { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    assert.ok('edits' in edit && edit.textDocument.uri === configUri);
    // Do what the editor does: create the file with the edit, then the file watcher reports it.
    write('.infracoach.yaml', applyEdits('', (edit as { edits: TextEdit[] }).edits));
    await watched('.infracoach.yaml', FileChangeType.Created);
    await client.diagnostics(uri, lacks('dockerfile/root-user'));

    // With the file in place the same action edits it instead.
    const next = await client.codeActions(uri, (await client.currentDiagnostics(uri)).find((diagnostic) => diagnostic.code === 'dockerfile/no-multi-stage')!);
    const editExisting = next.find((action) => action.title === 'Turn off dockerfile/no-multi-stage in this repository')!;
    const change = editExisting.edit!.documentChanges![0] as { textDocument: { uri: string; version: number | null }; edits: TextEdit[] };
    assert.equal(change.textDocument.uri, configUri);
    assert.equal(applyEdits(readFileSync(join(root, '.infracoach.yaml'), 'utf8'), change.edits).split('\n').filter((line) => line.includes(': off')).length, 2);

    rmSync(join(root, '.infracoach.yaml'));
    await watched('.infracoach.yaml', FileChangeType.Deleted);
    await client.diagnostics(uri, has('dockerfile/root-user'));
    await client.close(uri);
  });

  it('a bad .infracoach.yaml gets a diagnostic at the offending key, and fixing it clears it and re-checks', async () => {
    write('bad/.infracoach.yaml', 'rules:\n  dockerfile/root-user: off\n  dockerfile/rot-user: off\n');
    const configUri = uriOf('bad/.infracoach.yaml');
    const uri = uriOf('bad/Dockerfile');
    const diagnostics = await client.open(uri, 'dockerfile', DOCKERFILE);
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'dockerfile/root-user'), 'the valid entries apply');
    const config = await client.diagnostics(configUri, (params) => params.diagnostics.length > 0);
    assert.equal(config.diagnostics.length, 1);
    assert.deepEqual(config.diagnostics[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 21 } });
    assert.equal(config.diagnostics[0].code, 'infracoach/config');
    assert.equal(config.diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.match(config.diagnostics[0].message, /Did you mean "dockerfile\/root-user"\?/);

    write('bad/.infracoach.yaml', 'rules:\n  dockerfile/no-multi-stage: off\n');
    await watched('bad/.infracoach.yaml', FileChangeType.Changed);
    await client.diagnostics(configUri, (params) => params.diagnostics.length === 0);
    const rechecked = await client.diagnostics(uri, lacks('dockerfile/no-multi-stage'));
    assert.ok(has('dockerfile/root-user')(rechecked));
    await client.close(uri);
  });

  it('editing an open .infracoach.yaml applies before it is saved', async () => {
    write('typing/.infracoach.yaml', 'rules: {}\n');
    const configUri = uriOf('typing/.infracoach.yaml');
    const uri = uriOf('typing/Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await client.open(configUri, 'yaml', 'rules: {}\n');
    await client.replace(configUri, 'rules:\n  dockerfile/root-user: off\n');
    await client.diagnostics(uri, lacks('dockerfile/root-user'));
    await client.replace(configUri, 'rules:\n  dockerfile/root-user: of\n');
    await client.diagnostics(uri, has('dockerfile/root-user'));
    await client.diagnostics(configUri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'infracoach/config'));
    // Closing without saving: the file on disk applies again.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });
    await client.diagnostics(configUri, (params) => params.diagnostics.length === 0);
    await client.close(uri);
  });

  it('"Check workspace" publishes findings for closed files; the status item explains each file', async () => {
    write('ws/app/Dockerfile', DOCKERFILE);
    write('ws/k8s/compose.yaml', 'services:\n  web:\n    image: nginx\n');
    write('ws/vendor/.infracoach.yaml', 'exclude: ["**"]\n');
    write('ws/vendor/Dockerfile', DOCKERFILE);
    const closed = uriOf('ws/app/Dockerfile');
    const published = client.diagnostics(closed, has('dockerfile/root-user'));
    const result = await client.connection.sendRequest<{ files: number; findings: number; cancelled: boolean }>('infracoach/checkWorkspace', {});
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 2 && result.findings >= 2, JSON.stringify(result));
    await published;
    assert.equal(client.stderr.join('').includes('Error'), false);

    const status = (uri: string) => client.connection.sendRequest<{ state: string; text: string }>('infracoach/status', { uri });
    await client.open(closed, 'dockerfile', DOCKERFILE);
    const active = await status(closed);
    assert.equal(active.state, 'active');
    assert.match(active.text, /Infra Coach: \d+ findings?/);
    const compose = uriOf('ws/k8s/compose.yaml');
    await client.open(compose, 'yaml', 'services:\n  web:\n    image: nginx\n');
    assert.equal((await status(compose)).state, 'not-kubernetes');
    const vendored = uriOf('ws/vendor/Dockerfile');
    await client.open(vendored, 'dockerfile', DOCKERFILE);
    assert.equal((await status(vendored)).state, 'excluded');
    for (const uri of [compose, vendored]) await client.close(uri);
    // Closing a file the workspace check covered keeps its findings in the Problems panel.
    const kept = client.diagnostics(closed, (params) => params.version === undefined && has('dockerfile/root-user')(params));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
    await kept;
  });
});
