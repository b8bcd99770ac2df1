import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';

const OPEN_DOCUMENTS = [
  { uri: 'file:///tmp/infracoach-lifecycle/app/Dockerfile', languageId: 'dockerfile', text: 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n' },
  { uri: 'file:///tmp/infracoach-lifecycle/k8s/pod.yaml', languageId: 'yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n' },
  { uri: 'file:///tmp/infracoach-lifecycle/tf/main.tf', languageId: 'terraform', text: 'resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
];

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`).sort();

describe('server lifecycle: a killed server is replaced and the open documents are checked again', () => {
  const clients: LspTestClient[] = [];
  after(async () => {
    for (const client of clients) await client.stop();
  });

  it('a fresh server re-publishes the same diagnostics for the re-opened documents', async () => {
    const first = await LspTestClient.start();
    clients.push(first);
    const before = new Map<string, string[]>();
    for (const document of OPEN_DOCUMENTS) before.set(document.uri, summary(await first.open(document.uri, document.languageId, document.text)));
    for (const [uri, codes] of before) assert.ok(codes.length > 0, `${uri} has findings`);

    // A crash: no shutdown, no exit notification. The client learns of it from the closed connection.
    const exited = once(first.process, 'exit');
    const closed = new Promise<void>((resolveClosed) => first.connection.onClose(() => resolveClosed()));
    first.process.kill('SIGKILL');
    const [code, signal] = await exited;
    assert.equal(code, null);
    assert.equal(signal, 'SIGKILL');
    await closed;

    // What vscode-languageclient does after the restart policy says "restart": start a server, re-send every open document.
    const second = await LspTestClient.start();
    clients.push(second);
    for (const document of OPEN_DOCUMENTS) {
      assert.deepEqual(summary(await second.open(document.uri, document.languageId, document.text)), before.get(document.uri), document.uri);
    }
  });

  it('a server whose client goes away exits on its own instead of lingering', async () => {
    const client = await LspTestClient.start();
    clients.push(client);
    const exited = once(client.process, 'exit');
    // The editor died: its end of the pipes closes without shutdown/exit.
    client.process.stdin!.end();
    const [code] = await exited;
    assert.notEqual(code, null, 'the server exited by itself');
  });
});
