import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { LspTestClient } from '../helpers/lsp-client';

interface CheckWorkspaceResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

const FOLDERS = 100;
const DOCKERFILE = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';
const TERRAFORM = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';
const deployment = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: ${name}\n          image: nginx:1.27\n`;

describe('language server: "Check workspace" can be cancelled', () => {
  let root: string;
  let client: LspTestClient;
  /** Every file the check looks at, as the URIs its diagnostics are published under. */
  const uris: string[] = [];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'infracoach-lsp-cancel-'));
    mkdirSync(join(root, '.git'));
    for (let index = 0; index < FOLDERS; index++) {
      const folder = join(root, `service-${String(index).padStart(3, '0')}`);
      mkdirSync(join(folder, 'k8s'), { recursive: true });
      const files: [string, string][] = [
        ['Dockerfile', DOCKERFILE],
        ['main.tf', TERRAFORM],
        ['k8s/deployment.yaml', deployment(`web-${index}`)],
        ['k8s/worker.yaml', deployment(`worker-${index}`)],
      ];
      for (const [name, text] of files) {
        writeFileSync(join(folder, name), text);
        uris.push(pathToFileURL(join(folder, name)).href);
      }
    }
    client = await LspTestClient.start({ rootPath: root });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  // The timeout only turns a regression (a publish that never comes) into a failure instead of a hang.
  it('stops at the cancellation, answers cancelled: true, and a second run covers every file', { timeout: 60_000 }, async () => {
    const published = new Set<string>();
    const firstPublish = Promise.race(uris.map((uri) => client.diagnostics(uri).then(() => uri)));
    for (const uri of uris) void client.diagnostics(uri).then(() => published.add(uri));

    const cancellation = new CancellationTokenSource();
    const request = client.connection.sendRequest<CheckWorkspaceResult>('infracoach/checkWorkspace', {}, cancellation.token);
    // Cancel the moment the first file's diagnostics arrive, as a user pressing Cancel on the progress notification.
    const first = await firstPublish;
    cancellation.cancel();
    // The server does not turn the cancellation into a RequestCancelled error: it stops and answers with what it did.
    const cancelled = await request;
    // Diagnostics go out before the answer on the same stream, so every publish of this run has been counted.
    const publishedBeforeAnswer = published.size;

    assert.equal(cancelled.cancelled, true, JSON.stringify(cancelled));
    assert.ok(published.has(first));
    assert.ok(cancelled.files >= 1, JSON.stringify(cancelled));
    assert.ok(cancelled.files < uris.length, `stopped early: ${cancelled.files} of ${uris.length} files`);
    assert.equal(publishedBeforeAnswer, cancelled.files, 'one publish per file checked, none after the answer');
    assert.equal(client.stderr.join('').includes('Error'), false, client.stderr.join(''));

    const complete = await client.connection.sendRequest<CheckWorkspaceResult>('infracoach/checkWorkspace', {});
    assert.equal(complete.cancelled, false);
    assert.equal(complete.files, uris.length, JSON.stringify(complete));
    // Each file has a Dockerfile, Terraform or Kubernetes finding: root user, no bucket encryption, no limits, and so on.
    assert.ok(complete.findings >= uris.length, JSON.stringify(complete));
    assert.equal(published.size, uris.length, 'every file got its diagnostics');
  });
});
