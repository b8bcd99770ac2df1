import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import noMultiStage from '../../rules/dockerfile/no-multi-stage';
import rootUser from '../../rules/dockerfile/root-user';
import missingLimits from '../../rules/kubernetes/missing-resource-limits';
import openSecurityGroup from '../../rules/terraform/open-security-group';
import { Engine, type LintSettings } from '../../server/src/engine/engine';
import type { AnyRule } from '../../server/src/engine/rule';
import { removeSuppressionEdit, suppressionEdit, SUPPRESSION_REASON_ID, UNUSED_SUPPRESSION_ID } from '../../server/src/engine/suppression';
import { scopesForText } from '../../server/src/engine/suppression-scopes';
import { applyEdits, LineIndex } from '../../server/src/engine/text';
import type { Finding, Language } from '../../server/src/engine/types';
import { rangeText } from '../helpers/engine';

// Only the four headline rules, so other rules' findings never blur what a suppression did.
const RULES = [noMultiStage, rootUser, missingLimits, openSecurityGroup] as AnyRule[];
let engine: Engine;
before(async () => {
  engine = await Engine.create({ rules: RULES });
});

function lint(path: string, text: string, settings: LintSettings = {}): Finding[] {
  return engine.lint({ path, text }, settings).findings;
}

function summary(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${rangeText(finding)}`);
}

const BUILD = 'FROM golang:1.22\nRUN go build \\\n    -o /app .\nCMD ["/app"]\n';
const DEPLOYMENT = [
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
  '',
].join('\n');
const SECURITY_GROUP = [
  'resource "aws_security_group" "ssh" {',
  '  ingress {',
  '    from_port   = 22',
  '    to_port     = 22',
  '    protocol    = "tcp"',
  '    cidr_blocks = [',
  '      "0.0.0.0/0",',
  '    ]',
  '  }',
  '}',
  '',
].join('\n');

describe('infracoach-disable comments', () => {
  it('the findings without suppression, for reference', () => {
    assert.deepEqual(summary(lint('/w/Dockerfile', BUILD)), ['dockerfile/root-user 0:0-0:16', 'dockerfile/no-multi-stage 1:4-1:12']);
    assert.deepEqual(summary(lint('/w/k8s.yaml', DEPLOYMENT)), ['kubernetes/missing-resource-limits 8:10-8:19']);
    assert.deepEqual(summary(lint('/w/main.tf', SECURITY_GROUP)), ['terraform/open-security-group 6:6-6:17']);
  });

  it('Dockerfile: next-line covers the next instruction with its continuation lines, and only the named rule', () => {
    const text = BUILD.replace('RUN go build', '# infracoach-disable-next-line dockerfile/no-multi-stage -- the CI image is thrown away\nRUN go build');
    assert.deepEqual(summary(lint('/w/Dockerfile', text)), ['dockerfile/root-user 0:0-0:16']);
  });

  it('a finding on a continuation line is silenced by the comment above its instruction', () => {
    const plain = 'FROM alpine:3.20\nUSER \\\n  root\n';
    assert.deepEqual(summary(lint('/w/Dockerfile', plain)), ['dockerfile/root-user 2:2-2:6'], 'reported on the continuation line');
    const text = 'FROM alpine:3.20\n# infracoach-disable-next-line dockerfile/root-user\nUSER \\\n  root\n';
    assert.deepEqual(summary(lint('/w/Dockerfile', text)), []);
  });

  it('several ids, each checked on its own; comments and blank lines may stand between', () => {
    const text = '# infracoach-disable-next-line dockerfile/no-multi-stage,dockerfile/root-user\nFROM golang:1.22\nRUN go build -o /app .\n';
    assert.deepEqual(summary(lint('/w/Dockerfile', text)), [`${UNUSED_SUPPRESSION_ID} 0:31-0:56`, 'dockerfile/no-multi-stage 2:4-2:12']);
    const stacked = 'FROM golang:1.22\n# infracoach-disable-next-line dockerfile/no-multi-stage\n# a note in between\n\nRUN go build -o /app .\n';
    assert.deepEqual(summary(lint('/w/Dockerfile', stacked)), ['dockerfile/root-user 0:0-0:16']);
  });

  it('disable-file silences a rule anywhere in the file', () => {
    const text = `${BUILD}# infracoach-disable-file dockerfile/root-user -- base image sets the user\n`;
    assert.deepEqual(summary(lint('/w/Dockerfile', text)), ['dockerfile/no-multi-stage 1:4-1:12']);
  });

  it('Terraform: # and // comments; a multi-line attribute counts as one line', () => {
    for (const marker of ['#', '//']) {
      const text = SECURITY_GROUP.replace('    cidr_blocks', `    ${marker} infracoach-disable-next-line terraform/open-security-group -- bastion\n    cidr_blocks`);
      assert.deepEqual(summary(lint('/w/main.tf', text)), [], marker);
    }
  });

  it('Kubernetes: the comment above the container item, in its indentation', () => {
    const text = DEPLOYMENT.replace('        - name: web', '        # infracoach-disable-next-line kubernetes/missing-resource-limits -- sized by VPA\n        - name: web');
    assert.deepEqual(summary(lint('/w/k8s.yaml', text)), []);
  });

  it('a # inside a string is not a comment', () => {
    const text = SECURITY_GROUP.replace('    protocol    = "tcp"', '    description = "# infracoach-disable-file terraform/open-security-group"\n    protocol    = "tcp"');
    assert.equal(lint('/w/main.tf', text).filter((finding) => finding.ruleId === 'terraform/open-security-group').length, 1);
  });
});

describe('suppressions that silence nothing, and reasons', () => {
  it('an unused id is a hint on that id', () => {
    const text = '# infracoach-disable-next-line dockerfile/no-multi-stage\nFROM alpine:3.20\nUSER 1000\n';
    const findings = lint('/w/Dockerfile', text);
    assert.deepEqual(summary(findings), [`${UNUSED_SUPPRESSION_ID} 0:31-0:56`]);
    assert.equal(findings[0].severity, 'hint');
    assert.match(findings[0].message, /dockerfile\/no-multi-stage reports nothing here/);
  });

  it('unknown ids get a suggestion; ids of another language say so; a comment without ids says how to write one', () => {
    const text = '# infracoach-disable-next-line dockerfile/rot-user, terraform/open-security-group\nFROM alpine:3.20\nUSER 1000\n# infracoach-disable-file\n';
    const messages = lint('/w/Dockerfile', text, { locale: 'en' }).map((finding) => `${rangeText(finding)} ${finding.message}`);
    assert.equal(messages.length, 3);
    assert.match(messages[0], /^0:31-0:50 There is no rule "dockerfile\/rot-user" \(did you mean "dockerfile\/root-user"\?\)/);
    assert.match(messages[1], /^0:52-0:81 terraform\/open-security-group checks Terraform files, not this file/);
    assert.match(messages[2], /^3:0-3:25 This suppression names no rule/);
    const japanese = lint('/w/Dockerfile', text, { locale: 'ja' });
    assert.ok(japanese.every((finding) => /[\u3040-\u30ff]/.test(finding.message)), 'messages follow the locale');
  });

  it('a rule turned off by configuration does not make its suppression "unused"', () => {
    const text = '# infracoach-disable-next-line dockerfile/no-multi-stage\nFROM alpine:3.20\nUSER 1000\n';
    assert.deepEqual(lint('/w/Dockerfile', text, { rules: { 'dockerfile/no-multi-stage': 'off' } }), []);
  });

  it('reportUnused: false turns the hints off', () => {
    const text = '# infracoach-disable-next-line dockerfile/no-multi-stage\nFROM alpine:3.20\nUSER 1000\n';
    assert.deepEqual(lint('/w/Dockerfile', text, { suppressions: { reportUnused: false } }), []);
  });

  it('requireReason reports a missing reason and the untouched placeholder', () => {
    const text = [
      'FROM golang:1.22',
      '# infracoach-disable-next-line dockerfile/no-multi-stage',
      'RUN go build -o /app .',
      '  # infracoach-disable-next-line dockerfile/root-user -- <reason>',
      'USER root',
      '# infracoach-disable-file dockerfile/root-user -- ベースイメージが設定済み',
      '',
    ].join('\n');
    assert.deepEqual(summary(lint('/w/Dockerfile', text)), [], 'reasons are optional by default');
    const findings = lint('/w/Dockerfile', text, { suppressions: { requireReason: true } });
    assert.deepEqual(summary(findings), [`${SUPPRESSION_REASON_ID} 1:0-1:56`, `${SUPPRESSION_REASON_ID} 3:2-3:65`]);
    assert.equal(findings[0].severity, 'warning');
  });
});

describe('peer tools\' ignore comments (rules opt in with peerIds)', () => {
  it('hadolint ignore= covers the next instruction; global ignore= the file', () => {
    assert.deepEqual(summary(lint('/w/Dockerfile', 'FROM alpine:3.20\n# hadolint ignore=DL3008,DL3002\nUSER root\n')), []);
    assert.deepEqual(summary(lint('/w/Dockerfile', '# hadolint global ignore=dl3002\nFROM alpine:3.20\nUSER root\n')), []);
    assert.equal(lint('/w/Dockerfile', '# hadolint ignore=DL3002\nFROM alpine:3.20\nRUN true\nUSER root\n').length, 1, 'only the next instruction');
  });

  it('checkov:skip inside a resource covers that resource', () => {
    const text = SECURITY_GROUP.replace('  ingress {', '  #checkov:skip=CKV_AWS_24:bastion host\n  ingress {');
    assert.deepEqual(summary(lint('/w/main.tf', text)), []);
    const outside = `#checkov:skip=CKV_AWS_24:elsewhere\n${SECURITY_GROUP}`;
    assert.equal(lint('/w/main.tf', outside).length, 1, 'a comment outside the resource covers nothing');
  });

  it('tfsec and trivy: on the line, above the attribute, or above the block', () => {
    const trailing = SECURITY_GROUP.replace('      "0.0.0.0/0",', '      "0.0.0.0/0", #tfsec:ignore:aws-ec2-no-public-ingress-sgr');
    assert.deepEqual(summary(lint('/w/main.tf', trailing)), []);
    const aboveAttribute = SECURITY_GROUP.replace('    cidr_blocks', '    #trivy:ignore:AVD-AWS-0107\n    cidr_blocks');
    assert.deepEqual(summary(lint('/w/main.tf', aboveAttribute)), []);
    const aboveBlock = `// tfsec:ignore:aws-ec2-no-public-ingress-sgr:exp:2999-01-01\n${SECURITY_GROUP}`;
    assert.deepEqual(summary(lint('/w/main.tf', aboveBlock)), []);
    const expired = `#tfsec:ignore:aws-ec2-no-public-ingress-sgr:exp:2000-01-01\n${SECURITY_GROUP}`;
    assert.equal(lint('/w/main.tf', expired).length, 1, 'an expired ignore no longer applies');
    const otherCheck = `#tfsec:ignore:aws-s3-enable-bucket-encryption\n${SECURITY_GROUP}`;
    assert.equal(lint('/w/main.tf', otherCheck).length, 1, 'an ignore of another check changes nothing');
  });

  it('kube-linter and checkov annotations cover their own object only', () => {
    const annotated = DEPLOYMENT.replace('  name: web', '  name: web\n  annotations:\n    ignore-check.kube-linter.io/unset-memory-requirements: "sized by VPA"');
    assert.deepEqual(summary(lint('/w/k8s.yaml', annotated)), []);
    const twoObjects = `${annotated}---\n${DEPLOYMENT}`;
    assert.equal(lint('/w/k8s.yaml', twoObjects).length, 1, 'the second Deployment is still checked');
    const checkov = DEPLOYMENT.replace('  name: web', '  name: web\n  annotations:\n    checkov.io/skip1: unset-memory-requirements=handled');
    assert.deepEqual(summary(lint('/w/k8s.yaml', checkov)), []);
  });

  it('peer comments are never reported as unused', () => {
    assert.deepEqual(lint('/w/Dockerfile', '# hadolint ignore=DL3008\nFROM alpine:3.20\nUSER 1000\n'), []);
  });
});

describe('"Suppress <rule-id> on this line" edit', () => {
  function suppress(language: Language, path: string, text: string, ruleId: string): { text: string; placeholder?: string } {
    const finding = lint(path, text).find((candidate) => candidate.ruleId === ruleId);
    assert.ok(finding, `${ruleId} fires`);
    const { edit, placeholder } = suppressionEdit(language, new LineIndex(text), scopesForText(language, path, text), finding);
    const result = applyEdits(text, [edit]);
    return { text: result, placeholder: placeholder && new LineIndex(result).text.slice(new LineIndex(result).offsetAt(placeholder.start), new LineIndex(result).offsetAt(placeholder.end)) };
  }

  it('goes above the instruction start, selects the placeholder and silences exactly that finding', () => {
    const text = 'FROM golang:1.22\nRUN echo start && \\\n    go build -o /app .\nCMD ["/app"]\n';
    const finding = lint('/w/Dockerfile', text).find((candidate) => candidate.ruleId === 'dockerfile/no-multi-stage');
    assert.equal(finding?.range.start.line, 2, 'reported on the continuation line');
    const result = suppress('dockerfile', '/w/Dockerfile', text, 'dockerfile/no-multi-stage');
    assert.equal(result.text, 'FROM golang:1.22\n# infracoach-disable-next-line dockerfile/no-multi-stage -- <reason>\nRUN echo start && \\\n    go build -o /app .\nCMD ["/app"]\n');
    assert.equal(result.placeholder, '<reason>');
    assert.deepEqual(summary(lint('/w/Dockerfile', result.text)), ['dockerfile/root-user 0:0-0:16']);
  });

  it('uses the line\'s indentation (YAML) and keeps CRLF', () => {
    const result = suppress('kubernetes', '/w/k8s.yaml', DEPLOYMENT.replace(/\n/g, '\r\n'), 'kubernetes/missing-resource-limits');
    assert.ok(result.text.includes('\r\n        # infracoach-disable-next-line kubernetes/missing-resource-limits -- <reason>\r\n        - name: web\r\n'));
    assert.deepEqual(lint('/w/k8s.yaml', result.text), []);
  });

  it('a Terraform finding inside a multi-line attribute gets the comment above the attribute', () => {
    const result = suppress('terraform', '/w/main.tf', SECURITY_GROUP, 'terraform/open-security-group');
    assert.ok(result.text.includes('    # infracoach-disable-next-line terraform/open-security-group -- <reason>\n    cidr_blocks = [\n'));
    assert.deepEqual(lint('/w/main.tf', result.text), []);
  });

  it('adds the id to a suppression comment already above the line', () => {
    const text = 'FROM golang:1.22\n# infracoach-disable-next-line dockerfile/root-user -- reviewed\nRUN go build -o /app .\nUSER root\n';
    const result = suppress('dockerfile', '/w/Dockerfile', text, 'dockerfile/no-multi-stage');
    assert.equal(result.placeholder, undefined);
    assert.ok(result.text.includes('# infracoach-disable-next-line dockerfile/root-user, dockerfile/no-multi-stage -- reviewed\n'));
  });
});

describe('"Remove unused suppression" edit', () => {
  function removeUnused(text: string): string {
    const unused = lint('/w/Dockerfile', text).find((finding) => finding.ruleId === UNUSED_SUPPRESSION_ID);
    assert.ok(unused?.data, 'an unused suppression is reported with its line');
    const lines = new LineIndex(text);
    const edit = removeSuppressionEdit('dockerfile', lines, scopesForText('dockerfile', '/w/Dockerfile', text), unused.data.line as number, unused.data.ruleId as string | undefined);
    assert.ok(edit);
    return applyEdits(text, [edit]);
  }

  it('removes the whole comment when it names only that rule', () => {
    assert.equal(removeUnused('# infracoach-disable-next-line dockerfile/no-multi-stage -- x\nFROM alpine:3.20\nUSER 1000\n'), 'FROM alpine:3.20\nUSER 1000\n');
    assert.equal(removeUnused('FROM alpine:3.20\nUSER 1000\n# infracoach-disable-file'), 'FROM alpine:3.20\nUSER 1000\n');
  });

  it('removes only the unused id, with its comma, and the rest keeps working', () => {
    const first = removeUnused('# infracoach-disable-next-line dockerfile/no-multi-stage, dockerfile/root-user -- demo\nFROM alpine:3.20\n');
    assert.equal(first, '# infracoach-disable-next-line dockerfile/root-user -- demo\nFROM alpine:3.20\n');
    const last = removeUnused('# infracoach-disable-next-line dockerfile/root-user,dockerfile/no-multi-stage\nFROM alpine:3.20\n');
    assert.equal(last, '# infracoach-disable-next-line dockerfile/root-user\nFROM alpine:3.20\n');
    assert.deepEqual(lint('/w/Dockerfile', last), []);
  });
});
