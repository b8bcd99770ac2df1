import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';

const DOCKERFILE = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '',
].join('\n');
const TERRAFORM = 'resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';

function byRule(diagnostics: Diagnostic[], ruleId: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === ruleId);
  assert.ok(found, `expected a ${ruleId} diagnostic, got ${diagnostics.map((diagnostic) => diagnostic.code).join(', ') || 'none'}`);
  return found;
}

describe('language server over JSON-RPC: the four headline rules', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  const cases = [
    { rule: 'dockerfile/root-user', uri: 'file:///tmp/infracoach-lsp/app/Dockerfile', languageId: 'dockerfile', text: DOCKERFILE, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } }, fixKind: 'quickfix' },
    { rule: 'dockerfile/no-multi-stage', uri: 'file:///tmp/infracoach-lsp/app2/Dockerfile', languageId: 'dockerfile', text: DOCKERFILE, range: { start: { line: 3, character: 4 }, end: { line: 3, character: 12 } }, fixKind: 'refactor.rewrite' },
    { rule: 'kubernetes/missing-resource-limits', uri: 'file:///tmp/infracoach-lsp/k8s/deployment.yaml', languageId: 'yaml', text: DEPLOYMENT, range: { start: { line: 12, character: 10 }, end: { line: 12, character: 19 } }, fixKind: 'quickfix' },
    { rule: 'terraform/open-security-group', uri: 'file:///tmp/infracoach-lsp/tf/main.tf', languageId: 'terraform', text: TERRAFORM, range: { start: { line: 5, character: 19 }, end: { line: 5, character: 30 } }, fixKind: 'quickfix' },
  ];

  for (const test of cases) {
    it(`${test.rule}: diagnostic, fix, learn action, re-check`, async () => {
      const diagnostics = await client.open(test.uri, test.languageId, test.text);
      const diagnostic = byRule(diagnostics, test.rule);
      assert.deepEqual(diagnostic.range, test.range);
      assert.equal(diagnostic.source, 'infracoach');
      assert.ok(diagnostic.codeDescription?.href.endsWith(test.rule), 'codeDescription links the rule explanation');
      assert.equal(typeof (diagnostic.data as { skill?: unknown }).skill, 'string');

      const actions = await client.codeActions(test.uri, diagnostic);
      const learn = actions.find((action) => action.command?.command === 'infracoach.explainSkill');
      assert.ok(learn, 'a Learn action opens the explanation');
      assert.match(learn.title, /^Learn: /);
      const fix = actions.find((action) => action.edit);
      assert.ok(fix, 'a fix is offered');
      assert.equal(fix.kind, test.fixKind);

      const { diagnostics: afterFix } = await client.apply(test.uri, fix);
      assert.equal(afterFix.filter((candidate) => candidate.code === test.rule).length, 0, `${test.rule} is gone after its fix`);
      await client.close(test.uri);
    });
  }

  it('grades the open security group by port: SSH is an error', async () => {
    const uri = 'file:///tmp/infracoach-lsp/tf2/main.tf';
    const diagnostic = byRule(await client.open(uri, 'terraform', TERRAFORM), 'terraform/open-security-group');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    const web = await client.replace(uri, TERRAFORM.replace(/= 22/g, '= 443'));
    assert.equal(byRule(web, 'terraform/open-security-group').severity, DiagnosticSeverity.Warning);
    await client.close(uri);
  });

  it('hover on a finding explains the rule and links its skill', async () => {
    const uri = 'file:///tmp/infracoach-lsp/hover/deployment.yaml';
    await client.open(uri, 'yaml', DEPLOYMENT);
    const hover = await client.hover(uri, { line: 12, character: 14 });
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(value, /memory limit/);
    assert.match(value, /kubernetes\/missing-resource-limits/);
    assert.equal(await client.hover(uri, { line: 0, character: 2 }), null);
    await client.close(uri);
  });

  it('re-checks on every change and clears on close', async () => {
    const uri = 'file:///tmp/infracoach-lsp/change/Dockerfile';
    assert.ok((await client.open(uri, 'dockerfile', DOCKERFILE)).length > 0);
    const clean = await client.replace(uri, 'FROM alpine:3.20\nUSER 10001\n');
    assert.deepEqual(clean, []);
    const cleared = await client.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('non-Kubernetes YAML and Helm templates get nothing, and nothing crashes', async () => {
    const compose = await client.open('file:///tmp/infracoach-lsp/compose.yaml', 'yaml', 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual(compose, []);
    const helm = await client.open('file:///tmp/infracoach-lsp/chart/templates/deploy.yaml', 'yaml', DEPLOYMENT.replace('name: web\n', 'name: {{ .Release.Name }}\n'));
    assert.deepEqual(helm, []);
  });
});

describe('language server in Japanese', () => {
  it('uses the locale sent in initialize, and the infracoach.language setting overrides it', async () => {
    const client = await LspTestClient.start({ locale: 'ja' });
    try {
      const uri = 'file:///tmp/infracoach-lsp/ja/Dockerfile';
      const [first] = await client.open(uri, 'dockerfile', 'FROM alpine:3.20\n# 日本語のコメント\nUSER root\n');
      assert.match(first.message, /root/);
      assert.match(first.message, /ユーザー/);
      assert.deepEqual(first.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } });
      const actions = await client.codeActions(uri, first);
      assert.ok(actions.some((action) => action.title.startsWith('学ぶ: ')));
      const english = client.diagnostics(uri, (params) => params.diagnostics.length > 0 && !/ユーザー/.test(params.diagnostics[0].message));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { infracoach: { language: 'en' } } });
      assert.match((await english).diagnostics[0].message, /switches to root/);
    } finally {
      await client.stop();
    }
  });
});
