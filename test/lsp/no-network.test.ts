import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';

const PRELOAD = resolve(__dirname, '../helpers/no-network.cjs');
const VIOLATION = 'INFRACOACH-NO-NETWORK-VIOLATION';

const DOCKERFILE = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
const TERRAFORM = 'resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.open]\n  }\n}\n';
const VARIABLES = 'variable "open" {\n  default = "0.0.0.0/0"\n}\n';

function has(diagnostics: Diagnostic[], ruleId: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === ruleId);
  assert.ok(found, `expected ${ruleId}, got ${diagnostics.map((diagnostic) => diagnostic.code).join(', ') || 'nothing'}`);
  return found;
}

describe('security: the server works with the network and process modules stubbed to throw', () => {
  let root: string;
  let client: LspTestClient;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).href;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'infracoach-no-network-'));
    mkdirSync(join(root, '.git'));
    write('infra/variables.tf', VARIABLES);
    write('closed/Dockerfile', DOCKERFILE);
    client = await LspTestClient.start({ rootPath: root, nodeArgs: ['--require', PRELOAD] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the guard is really in place: it blocks a request and a spawn in a plain node process', () => {
    for (const script of ["require('node:https').get('https://example.invalid')", "require('child_process').spawnSync('true')", "require('dns').lookup('example.invalid', () => {})", 'fetch("https://example.invalid")']) {
      const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], { encoding: 'utf8' });
      assert.notEqual(run.status, 0, script);
      assert.match(run.stderr, new RegExp(VIOLATION), script);
    }
    assert.match(client.stderr.join(''), /INFRACOACH-NO-NETWORK-GUARD active/, 'the server was started with the guard');
  });

  it('diagnostics, fixes, Learn actions and hovers work for all three languages', async () => {
    const cases = [
      { path: 'app/Dockerfile', languageId: 'dockerfile', text: DOCKERFILE, rule: 'dockerfile/root-user' },
      { path: 'k8s/deployment.yaml', languageId: 'yaml', text: DEPLOYMENT, rule: 'kubernetes/missing-resource-limits' },
      // The open range comes from a variable default in a sibling file: reading the workspace is allowed.
      { path: 'infra/main.tf', languageId: 'terraform', text: TERRAFORM, rule: 'terraform/open-security-group' },
    ];
    for (const test of cases) {
      const uri = uriOf(test.path);
      const diagnostic = has(await client.open(uri, test.languageId, test.text), test.rule);
      const hover = await client.hover(uri, diagnostic.range.start);
      assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', new RegExp(test.rule.replace('/', '\\/')));
      const actions = await client.codeActions(uri, diagnostic);
      assert.ok(actions.some((action) => action.command?.command === 'infracoach.explainSkill'), 'Learn action');
      const fix = actions.find((action) => action.edit && action.diagnostics?.[0]?.code === test.rule && !action.title.toLowerCase().includes('suppress') && !action.title.toLowerCase().includes('turn off'));
      if (fix) {
        const { diagnostics } = await client.apply(uri, fix);
        assert.equal(diagnostics.some((candidate) => candidate.code === test.rule), false, `${test.rule} fixed`);
      }
      await client.close(uri);
    }
  });

  it('the catalog, the status item, configuration files and the workspace check work', async () => {
    const catalog = await client.connection.sendRequest<{ skills: unknown[]; rules: unknown[] }>('infracoach/catalog');
    assert.ok(catalog.skills.length > 0 && catalog.rules.length > 0);

    write('configured/.infracoach.yaml', 'rules:\n  dockerfile/root-user: off\n');
    const configured = uriOf('configured/Dockerfile');
    const diagnostics = await client.open(configured, 'dockerfile', DOCKERFILE);
    assert.equal(diagnostics.some((diagnostic) => diagnostic.code === 'dockerfile/root-user'), false, 'the repository configuration applies');
    const status = await client.connection.sendRequest<{ state: string }>('infracoach/status', { uri: configured });
    assert.equal(status.state, 'active');
    await client.close(configured);

    const closed = uriOf('closed/Dockerfile');
    const published = client.diagnostics(closed, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'dockerfile/root-user'));
    const result = await client.connection.sendRequest<{ files: number; cancelled: boolean }>('infracoach/checkWorkspace', {});
    assert.equal(result.cancelled, false);
    await published;
  });

  it('nothing tried to reach the network or start a program', () => {
    const stderr = client.stderr.join('');
    assert.equal(stderr.includes(VIOLATION), false, stderr);
  });
});
