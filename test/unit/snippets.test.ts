/**
 * The snippets teach by example, so each one, expanded with its default placeholders, must be clean under
 * every registered rule. Dockerfile and Terraform snippets are linted alone, each in its own folder (a
 * Terraform folder is a module). The Kubernetes snippets are a set meant to be used together (Deployment,
 * Service, default-deny NetworkPolicy, PodDisruptionBudget), so they are linted side by side in one folder:
 * the Service must select the Deployment, and the namespace must have its NetworkPolicy.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { lint, memoryWorkspace, rangeText, syntaxErrors } from '../helpers/engine';
import { expandSnippet } from '../helpers/snippets';

const ROOT = resolve(__dirname, '../..');

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

function readSnippets(file: string): [string, Snippet][] {
  return Object.entries(JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>);
}

function bodyText(snippet: Snippet): string {
  return (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body) + '\n';
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe('snippet expansion', () => {
  it('takes defaults, mirrors, first choices and escapes as VS Code does', () => {
    assert.equal(expandSnippet('FROM node:${1:20}-slim AS build\nFROM node:$1-slim\nFROM node:${1}'), 'FROM node:20-slim AS build\nFROM node:20-slim\nFROM node:20');
    assert.equal(expandSnippet('name: $1\nid: ${1:app}'), 'name: app\nid: app');
    assert.equal(expandSnippet('mode = "${2|Active,PassThrough|}"$0'), 'mode = "Active"');
    assert.equal(expandSnippet('PATH="/opt/venv/bin:\\$PATH" ${1:a ${2:b\\}}}'), 'PATH="/opt/venv/bin:$PATH" a b}');
    assert.throws(() => expandSnippet('PATH=$PATH'), /unescaped/);
    assert.throws(() => expandSnippet('${1:open'), /unterminated/);
  });
});

const EXPECTED_PREFIXES: Record<string, string[]> = {
  'dockerfile.json': ['docker-node', 'docker-go', 'docker-python', 'docker-java'],
  'kubernetes.json': ['k8s-deployment', 'k8s-service', 'k8s-networkpolicy-default-deny', 'k8s-pdb'],
  'terraform.json': ['tf-security-group', 'tf-s3-bucket', 'tf-lambda'],
};

describe('snippet files', () => {
  for (const [file, prefixes] of Object.entries(EXPECTED_PREFIXES)) {
    it(`${file} has the snippets the coaching issue lists, each well-formed`, () => {
      const snippets = readSnippets(file);
      const all = snippets.flatMap(([, snippet]) => [snippet.prefix].flat());
      for (const prefix of prefixes) assert.ok(all.includes(prefix), `a snippet with prefix "${prefix}"`);
      for (const [name, snippet] of snippets) {
        assert.ok(snippet.description.trim().length > 20, `${name}: a description that says what the snippet gives`);
        assert.ok(bodyText(snippet).trim().length > 0, `${name}: a body`);
        assert.doesNotThrow(() => expandSnippet(bodyText(snippet)), `${name}: expands`);
      }
    });
  }
});

async function assertClean(path: string, text: string, files: Record<string, string>): Promise<void> {
  assert.deepEqual(await syntaxErrors(path, text), [], 'the expanded snippet parses');
  const findings = await lint(path, text, {}, memoryWorkspace(files));
  assert.deepEqual(findings.map((finding) => `${rangeText(finding)} ${finding.ruleId}: ${finding.message}`), [], `expanded:\n${text}`);
}

describe('snippets expanded with their defaults give no findings', () => {
  for (const [name, snippet] of readSnippets('dockerfile.json')) {
    it(`Dockerfile: ${name}`, async () => {
      const path = `/work/snippets/${slug(name)}/Dockerfile`;
      const text = expandSnippet(bodyText(snippet));
      await assertClean(path, text, { [path]: text });
    });
  }

  for (const [name, snippet] of readSnippets('terraform.json')) {
    it(`Terraform: ${name}`, async () => {
      const path = `/work/snippets/${slug(name)}/main.tf`;
      const text = expandSnippet(bodyText(snippet));
      await assertClean(path, text, { [path]: text });
    });
  }

  const kubernetes = readSnippets('kubernetes.json').map(([name, snippet]) => ({
    name,
    path: `/work/snippets/kubernetes/${slug(name)}.yaml`,
    text: expandSnippet(bodyText(snippet)),
  }));
  const manifests = Object.fromEntries(kubernetes.map((file) => [file.path, file.text]));
  for (const file of kubernetes) {
    it(`Kubernetes: ${file.name} (beside the other Kubernetes snippets)`, async () => {
      await assertClean(file.path, file.text, manifests);
    });
  }
});
