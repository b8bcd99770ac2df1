import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { constructLanguage, CONSTRUCTS, topicAt, topicForLine } from '../../../client/src/constructs';
import { explainArguments } from '../../../client/src/explain-arguments';
import { TOPICS } from '../../../server/src/engine/skills';

describe('construct → topic table', () => {
  it('every topic is one of the engine\'s TOPICS', () => {
    const known = new Set(TOPICS.map((topic) => topic.id));
    for (const construct of CONSTRUCTS) assert.ok(known.has(construct.topic), `${construct.pattern} → ${construct.topic}`);
  });

  it('every example is recognised as its own topic (no earlier row shadows it)', () => {
    for (const construct of CONSTRUCTS) assert.equal(topicForLine(construct.language, construct.example), construct.topic, construct.example);
  });

  const cases: [Parameters<typeof topicForLine>[0], string, string | undefined][] = [
    ['dockerfile', 'USER node', '4.4.1#least-privilege'],
    ['dockerfile', 'user 0', '4.4.1#least-privilege'],
    ['dockerfile', 'FROM python:3.12-slim', '4.1.1#image-pinning'],
    ['dockerfile', 'FROM golang:1.22 AS build', '4.1.1#multi-stage-builds'],
    ['dockerfile', 'HEALTHCHECK --interval=30s CMD wget -qO- localhost:8080/healthz', '4.1.1#health-probes'],
    ['dockerfile', 'ENV DATABASE_PASSWORD=x', '4.4.1#secrets-management'],
    ['dockerfile', 'WORKDIR /app', undefined],
    ['yaml', '          resources:', '4.1.1#requests-and-limits'],
    ['yaml', '        securityContext:', '4.4.1#container-isolation'],
    ['yaml', '          livenessProbe:', '4.1.1#health-probes'],
    ['yaml', '  - image: nginx:latest', '4.1.1#image-pinning'],
    ['yaml', 'metadata:', undefined],
    ['terraform', '  ingress {', '4.4.1#network-exposure'],
    ['terraform', '    cidr_blocks = ["0.0.0.0/0"]', '4.4.1#network-exposure'],
    ['terraform', '  storage_encrypted = false', '4.4.1#encryption'],
    ['terraform', 'resource "aws_lambda_function" "f" {', '4.1.2#function-configuration'],
    ['terraform', '  name = "web"', undefined],
  ];
  for (const [language, line, topic] of cases) {
    it(`${language}: ${line.trim()} → ${topic ?? 'nothing'}`, () => assert.equal(topicForLine(language, line), topic));
  }

  it('a line inside a construct belongs to it: Dockerfile continuations, YAML keys, HCL blocks', () => {
    const dockerfile = ['FROM alpine:3.20', 'RUN apk add --no-cache \\', '      curl \\', '      jq'];
    assert.equal(topicAt('dockerfile', dockerfile, 3), '4.1.1#layer-hygiene');
    const yaml = ['spec:', '  containers:', '    - name: web', '      securityContext:', '        runAsUser: 1000', '        seLinuxOptions:', '          level: "s0:c123"'];
    assert.equal(topicAt('yaml', yaml, 4), '4.4.1#least-privilege');
    assert.equal(topicAt('yaml', yaml, 6), '4.4.1#container-isolation');
    assert.equal(topicAt('yaml', yaml, 2), undefined);
    const hcl = ['resource "aws_security_group" "web" {', '  name = "web"', '  ingress {', '    protocol = "tcp"', '  }', '}'];
    assert.equal(topicAt('terraform', hcl, 3), '4.4.1#network-exposure');
    assert.equal(topicAt('terraform', hcl, 1), '4.4.1#network-exposure');
  });

  it('knows the languages by id and by file name', () => {
    assert.equal(constructLanguage('plaintext', '/x/api.Dockerfile'), 'dockerfile');
    assert.equal(constructLanguage('plaintext', '/x/Containerfile'), 'dockerfile');
    assert.equal(constructLanguage('yaml', '/x/a.txt'), 'yaml');
    assert.equal(constructLanguage('plaintext', '/x/main.tf'), 'terraform');
    assert.equal(constructLanguage('markdown', '/x/README.md'), undefined);
  });
});

describe('explain command arguments', () => {
  it('accepts the Learn action, link and skill map shapes', () => {
    assert.deepEqual(explainArguments({ skill: '4.4.1#least-privilege', ruleId: 'dockerfile/root-user' }), { skill: '4.4.1#least-privilege', ruleId: 'dockerfile/root-user' });
    assert.deepEqual(explainArguments({ ruleId: 'kubernetes/missing-resource-limits' }), { ruleId: 'kubernetes/missing-resource-limits' });
    assert.deepEqual(explainArguments({ skill: '4.7.2' }), { skill: '4.7.2' });
    assert.deepEqual(explainArguments('terraform/open-security-group'), { ruleId: 'terraform/open-security-group' });
    assert.deepEqual(explainArguments('4.1.1#multi-stage-builds'), { skill: '4.1.1#multi-stage-builds' });
  });

  it('drops anything else', () => {
    for (const value of [undefined, null, 42, [], ['dockerfile/root-user'], { skill: '../../x' }, { ruleId: 'dockerfile/../x' }, { ruleId: 'shell/x' }, '4.1.1#"><x', { skill: 4 }]) {
      assert.deepEqual(explainArguments(value), {}, JSON.stringify(value));
    }
  });
});
