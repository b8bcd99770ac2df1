import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lint, syntaxErrors, testEngine } from '../../helpers/engine';
import { runCli, tempRepository } from './run-cli';

// Files that trigger many fixable rules at once, several of them on the same lines and blocks.
const DOCKERFILE = [
  'FROM python:3.12',
  'ADD requirements.txt /app/',
  'RUN apt-get update && apt-get install -y curl',
  'RUN pip install -r /app/requirements.txt',
  'ADD . /app',
  'ENTRYPOINT python /app/main.py',
  '',
].join('\n');
const MANIFESTS = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          env:',
  '            - name: DB_PASSWORD',
  '              value: hunter2',
  '          securityContext:',
  '            privileged: true',
  '        - name: sidecar',
  '          image: busybox:1.36',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  containers:',
  '    - {name: a, image: "nginx:1.27"}',
  '',
].join('\n');
const TERRAFORM = [
  'terraform {',
  '  required_providers {',
  '    aws = { source = "hashicorp/aws" }',
  '  }',
  '}',
  'resource "aws_security_group" "ssh" {',
  '  ingress {',
  '    from_port   = 22',
  '    to_port     = 22',
  '    protocol    = "tcp"',
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
  'resource "aws_db_instance" "db" {',
  '  engine              = "postgres"',
  '  publicly_accessible = true',
  '  storage_encrypted   = false',
  '  password            = "hunter2hunter2"',
  '}',
  'resource "aws_instance" "i" {',
  '  ami           = "ami-123"',
  '  instance_type = "t3.micro"',
  '}',
  'resource "aws_kms_key" "k" {}',
  '',
].join('\n');

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('infracoach check --fix', () => {
  it('applies many fixes per file without overlap: every file still parses, and nothing safe is left to fix', async () => {
    const files = { Dockerfile: DOCKERFILE, 'k8s/app.yaml': MANIFESTS, 'tf/main.tf': TERRAFORM };
    const root = tempRepository(files);
    roots.push(root);
    chmodSync(join(root, 'tf/main.tf'), 0o640);
    const before = runCli(['check', '--format', 'json'], root);
    const fixedRun = runCli(['check', '--fix'], root);
    assert.equal(fixedRun.status, 1, 'findings without a safe fix remain');
    const fixedCount = Number(/Fixed (\d+) findings in 3 files\./.exec(fixedRun.stdout)?.[1]);
    assert.ok(fixedCount >= 15, `many fixes applied (${fixedRun.stdout.split('\n').at(-2)})`);
    const engine = await testEngine();
    for (const path of Object.keys(files)) {
      const absolute = join(root, path);
      const text = readFileSync(absolute, 'utf8');
      assert.notEqual(text, files[path as keyof typeof files], `${path} changed`);
      assert.deepEqual(await syntaxErrors(absolute, text), [], `${path} still parses`);
      for (const finding of await lint(absolute, text)) {
        const fix = engine.fix({ path: absolute, text }, finding);
        assert.ok(!(fix && fix.kind === 'quickfix' && fix.isPreferred && fix.edits.length > 0), `${path}: ${finding.ruleId} still has a safe fix`);
      }
    }
    assert.ok(JSON.parse(before.stdout).findings.length > JSON.parse(runCli(['check', '--format', 'json'], root).stdout).findings.length);
    assert.equal(statSync(join(root, 'tf/main.tf')).mode & 0o777, 0o640, 'the file keeps its permissions');
    const leftovers = (readdirSync(root, { recursive: true }) as string[]).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'no temporary files are left behind');

    const snapshot = Object.keys(files).map((path) => readFileSync(join(root, path), 'utf8'));
    const again = runCli(['check', '--fix'], root);
    assert.doesNotMatch(again.stdout, /^Fixed /m, 'a second run has nothing left to fix');
    assert.deepEqual(Object.keys(files).map((path) => readFileSync(join(root, path), 'utf8')), snapshot);
  });

  it('never touches a file that does not parse, and says so', () => {
    const broken = `${MANIFESTS}---\nkind: [unclosed\n`;
    const root = tempRepository({ 'app.yaml': broken });
    roots.push(root);
    const run = runCli(['check', '--fix', '--format', 'json'], root);
    assert.equal(readFileSync(join(root, 'app.yaml'), 'utf8'), broken);
    assert.ok((JSON.parse(run.stdout) as { errors: { message: string }[] }).errors.some((error) => /not fixed: the file has syntax errors/.test(error.message)));
  });

  it('honours configuration: a rule turned off is not fixed', () => {
    const root = tempRepository({ '.infracoach.yaml': 'rules:\n  dockerfile/root-user: off\n', Dockerfile: 'FROM alpine:3.20\nCMD ["sh"]\n' });
    roots.push(root);
    runCli(['check', '--fix'], root);
    assert.ok(!readFileSync(join(root, 'Dockerfile'), 'utf8').includes('USER'));
  });
});
