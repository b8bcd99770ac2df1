import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { onlyRules, runCli, tempRepository } from './run-cli';

const DOCKERFILE = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';
const TERRAFORM = 'resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
const HEADLINE = ['dockerfile/root-user', 'dockerfile/no-multi-stage', 'kubernetes/missing-resource-limits', 'terraform/open-security-group'];

interface JsonReport {
  findings: { file: string; ruleId: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
  errors: { file: string; message: string }[];
}

const roots: string[] = [];
function repository(files: Record<string, string>): string {
  const root = tempRepository(files);
  roots.push(root);
  return root;
}
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function json(root: string, ...args: string[]): JsonReport {
  const run = runCli(['check', '--format', 'json', ...args], root);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

describe('infracoach check: configuration, exit codes and text output', () => {
  it('text output: path:line:col  severity  message  rule-id  (skill), grouped by file, a summary, no colour off a TTY', () => {
    const root = repository({ '.infracoach.yaml': onlyRules(HEADLINE), 'app/Dockerfile': DOCKERFILE });
    const run = runCli(['check'], root);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'app/Dockerfile');
    assert.match(lines[1], /^ {2}app\/Dockerfile:1:1 {2}warning {2}.+ {2}dockerfile\/root-user {2}\(4\.4\.1 .+\)$/);
    assert.match(lines[2], /^ {2}app\/Dockerfile:2:5 {2}warning {2}.+ {2}dockerfile\/no-multi-stage {2}\(4\.1\.1 .+\)$/);
    assert.match(lines.at(-1)!, /^1 file checked: 2 findings \(0 error, 2 warning, 0 info, 0 hint\)$/);
    assert.ok(!run.stdout.includes('\x1b['), 'no ANSI colour when stdout is not a terminal');
  });

  it('--fail-on decides the exit status; the default is warning', () => {
    const root = repository({ '.infracoach.yaml': onlyRules(HEADLINE), Dockerfile: DOCKERFILE });
    assert.equal(runCli(['check'], root).status, 1);
    assert.equal(runCli(['check', '--fail-on', 'error'], root).status, 0, 'warnings only');
    assert.equal(runCli(['check', '--fail-on=info'], root).status, 1);
    const withError = repository({ '.infracoach.yaml': onlyRules(HEADLINE), 'main.tf': TERRAFORM });
    assert.equal(runCli(['check', '--fail-on', 'error'], withError).status, 1, 'port 22 open to the world is an error');
    const clean = repository({ '.infracoach.yaml': onlyRules(HEADLINE), Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    assert.equal(runCli(['check', '--fail-on', 'info'], clean).status, 0);
  });

  it('--quiet prints only findings at or above --fail-on, without the summary', () => {
    const root = repository({ '.infracoach.yaml': onlyRules(HEADLINE), Dockerfile: DOCKERFILE, 'main.tf': TERRAFORM });
    const run = runCli(['check', '--quiet', '--fail-on', 'error'], root);
    assert.equal(run.status, 1);
    assert.deepEqual(run.stdout.trimEnd().split('\n').map((line) => line.trim().split(/\s{2,}/)[0]), ['main.tf', 'main.tf:6:20']);
    const nothing = runCli(['check', '--quiet', '--fail-on', 'error'], repository({ '.infracoach.yaml': onlyRules(HEADLINE), Dockerfile: DOCKERFILE }));
    assert.equal(nothing.status, 0);
    assert.equal(nothing.stdout, '');
  });

  it('.infracoach.yaml: the nearest file applies, rules can be turned off or re-graded, and exclude skips files', () => {
    const root = repository({
      '.infracoach.yaml': onlyRules(HEADLINE, 'exclude:\n  - vendor/**\n'),
      'svc/.infracoach.yaml': onlyRules(['dockerfile/root-user']).replace('rules:\n', 'rules:\n  dockerfile/root-user: error\n'),
      'svc/Dockerfile': DOCKERFILE,
      'Dockerfile': DOCKERFILE,
      'vendor/lib/Dockerfile': DOCKERFILE,
    });
    const report = json(root);
    const byFile = (file: string) => report.findings.filter((finding) => finding.file === file).map((finding) => `${finding.ruleId}:${finding.severity}`);
    assert.deepEqual(byFile('Dockerfile'), ['dockerfile/root-user:warning', 'dockerfile/no-multi-stage:warning']);
    assert.deepEqual(byFile('svc/Dockerfile'), ['dockerfile/root-user:error'], 'the nearest file wins outright');
    assert.deepEqual(byFile('vendor/lib/Dockerfile'), []);
  });

  it('--config uses one file for everything; a missing one is a usage error', () => {
    const root = repository({
      '.infracoach.yaml': onlyRules(HEADLINE),
      'ci.yaml': onlyRules(['dockerfile/root-user']),
      Dockerfile: DOCKERFILE,
    });
    assert.deepEqual(json(root, '--config', 'ci.yaml').findings.map((finding) => finding.ruleId), ['dockerfile/root-user']);
    const missing = runCli(['check', '--config', 'nope.yaml'], root);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--config: no such file/);
  });

  it('an invalid configuration is reported on the config file at the offending key, and the rest still applies', () => {
    const root = repository({
      '.infracoach.yaml': onlyRules(HEADLINE).replace('rules:\n', 'rules:\n  dockerfile/no-such-rule: off\n  dockerfile/no-multi-stage: loud\n'),
      Dockerfile: DOCKERFILE,
    });
    const report = json(root);
    const config = report.findings.filter((finding) => finding.ruleId === 'infracoach/config');
    assert.deepEqual(config.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.character}:${finding.severity}`), [
      '.infracoach.yaml:1:2:error',
      '.infracoach.yaml:2:29:error',
    ]);
    assert.match(config[0].message, /no rule "dockerfile\/no-such-rule"/);
    assert.deepEqual(report.findings.filter((finding) => finding.file === 'Dockerfile').map((finding) => finding.ruleId), ['dockerfile/root-user', 'dockerfile/no-multi-stage'], 'the broken entry falls back to the default');
    assert.equal(runCli(['check', '--fail-on', 'error'], root).status, 1, 'a broken configuration fails CI');
  });

  it('inline suppressions apply in the CLI too', () => {
    const root = repository({ '.infracoach.yaml': onlyRules(HEADLINE), Dockerfile: `# infracoach-disable-file dockerfile/root-user -- base image sets it\n${DOCKERFILE}` });
    assert.deepEqual(json(root).findings.map((finding) => finding.ruleId), ['dockerfile/no-multi-stage']);
  });

  it('--lang ja translates messages and the summary', () => {
    const root = repository({ '.infracoach.yaml': onlyRules(HEADLINE), Dockerfile: DOCKERFILE });
    const run = runCli(['check', '--lang', 'ja'], root);
    assert.match(run.stdout, /1 ファイルを検査: 2 件の指摘/);
  });

  it('usage errors exit 2', () => {
    const root = repository({ Dockerfile: DOCKERFILE });
    for (const args of [['check', '--fail-on', 'hint'], ['check', '--bogus'], ['check', '--quiet=yes'], ['check', '--sarif-root', '.'], ['lint']]) {
      const run = runCli(args, root);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^infracoach: /);
    }
    assert.equal(runCli(['check', join(root, 'missing-file')], root).status, 0, 'a missing path is reported, not a crash');
  });
});
