import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';

const DOCKERFILE = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';

function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 10; level++) lines.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nspec: {containers: [{name: web, image: nginx, args: *l10}]}\n`;
}

describe('language server: size, type and hostile-input limits', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('a file over the default 2 MB is skipped with one information diagnostic and no actions', async () => {
    const uri = 'file:///tmp/infracoach-limits/big/Dockerfile';
    const text = DOCKERFILE + `# ${'x'.repeat(1_000)}\n`.repeat(2_200);
    const diagnostics = await client.open(uri, 'dockerfile', text);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['infracoach/file-too-large', DiagnosticSeverity.Information]]);
    assert.match(diagnostics[0].message, /2 MB/);
    assert.deepEqual(await client.codeActions(uri, diagnostics[0]), [], 'no fix, Learn or suppression for a notice');
    await client.close(uri);
  });

  it('infracoach.maxFileSize changes the limit', async () => {
    const uri = 'file:///tmp/infracoach-limits/setting/Dockerfile';
    assert.ok((await client.open(uri, 'dockerfile', DOCKERFILE)).some((diagnostic) => diagnostic.code === 'dockerfile/root-user'));
    const skipped = client.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'infracoach/file-too-large'));
    await client.changeSettings({ maxFileSize: 20 });
    assert.equal((await skipped).diagnostics.length, 1);
    const checked = client.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'dockerfile/root-user'));
    await client.changeSettings({});
    await checked;
    await client.close(uri);
  });

  it('a binary file is skipped silently', async () => {
    const uri = 'file:///tmp/infracoach-limits/binary/Dockerfile';
    assert.deepEqual(await client.open(uri, 'dockerfile', `${DOCKERFILE}\0\0\x01`), []);
    await client.close(uri);
  });

  it('an alias bomb gives one diagnostic saying the document was not analysed, and the server stays responsive', async () => {
    const uri = 'file:///tmp/infracoach-limits/bomb/pod.yaml';
    const diagnostics = await client.open(uri, 'yaml', aliasBomb());
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['infracoach/not-analysed']);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    const hover = await client.hover(uri, { line: 0, character: 1 });
    assert.equal(hover, null);
    await client.close(uri);
  });
});
