import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ruleHelpMarkdown } from '../../../server/src/cli/sarif';
import { docsPaths } from '../../../server/src/engine/rule';
import { runCli, tempRepository } from './run-cli';

const REPO = resolve(__dirname, '../../..');
const SCHEMA = resolve(REPO, '../shared/schemas/sarif-schema-2.1.0.json');
const CORPUS = resolve(REPO, '../shared/corpus');

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  partialFingerprints: Record<string, string>;
}

interface Sarif {
  version: string;
  runs: { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[]; originalUriBaseIds: Record<string, { uri: string }> }[];
}

function sarif(args: string[], cwd: string): Sarif {
  const run = runCli(['check', '--format', 'sarif', ...args], cwd);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Sarif;
}

/** The schema's string formats; ajv-formats is not a dependency, and these are all the schema uses. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
}

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('SARIF output', () => {
  it('is valid SARIF 2.1.0 for the whole shared corpus, with complete rules and results', { skip: !existsSync(SCHEMA) || !existsSync(CORPUS) ? `needs ${SCHEMA} and ${CORPUS} (the shared folder beside the repository)` : false }, () => {
    const log = sarif([CORPUS, '--sarif-root', CORPUS], REPO);
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const [run] = log.runs;
    const rules = run.tool.driver.rules;
    for (const rule of rules) {
      assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text && rule.help.markdown && rule.helpUri, `${rule.id} is fully described`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      if (!rule.id.startsWith('infracoach/')) assert.ok(rule.properties.tags.some((tag) => tag.startsWith('skill:')), `${rule.id} is tagged with its skill`);
    }
    assert.ok(run.results.length > 100, `the corpus has findings (${run.results.length})`);
    const fingerprints = new Set<string>();
    for (const result of run.results) {
      assert.equal(rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at the rule');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!artifactLocation.uri.startsWith('/') && !artifactLocation.uri.startsWith('..'), `relative to --sarif-root: ${artifactLocation.uri}`);
      assert.ok(existsSync(join(CORPUS, decodeURIComponent(artifactLocation.uri))), `${artifactLocation.uri} exists`);
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine, '1-based region');
      const fingerprint = Object.values(result.partialFingerprints)[0];
      assert.ok(fingerprint && !fingerprints.has(`${artifactLocation.uri} ${fingerprint}`), 'fingerprints are unique');
      fingerprints.add(`${artifactLocation.uri} ${fingerprint}`);
    }
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${CORPUS}/`);
  });

  it('fingerprints stay the same when lines are added above a finding', () => {
    const text = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';
    const root = tempRepository({ 'app/Dockerfile': text });
    roots.push(root);
    const print = (log: Sarif) => log.runs[0].results.map((result) => `${result.ruleId} ${Object.values(result.partialFingerprints)[0]}`).sort();
    const first = sarif([], root);
    writeFileSync(join(root, 'app/Dockerfile'), `# syntax=docker/dockerfile:1\n\n# Build and run the app.\n${text}`);
    const shifted = sarif([], root);
    assert.ok(first.runs[0].results.length >= 2);
    assert.deepEqual(print(shifted), print(first));
    assert.notDeepEqual(shifted.runs[0].results.map((result) => result.locations[0].physicalLocation.region.startLine), first.runs[0].results.map((result) => result.locations[0].physicalLocation.region.startLine));
    assert.equal(first.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'app/Dockerfile', 'relative to the working folder by default');
  });

  it('help.markdown is the rule\'s explanation page when it exists, with links made absolute', () => {
    const root = tempRepository({ Dockerfile: 'FROM alpine:3.20\n' });
    roots.push(root);
    const log = sarif(['--sarif-root', root], REPO);
    for (const rule of log.runs[0].tool.driver.rules) {
      const page = resolve(REPO, docsPaths(rule.id).en);
      if (!existsSync(page)) continue;
      assert.ok(rule.help.markdown.startsWith(`# ${rule.id}`), `${rule.id}: help is its docs page`);
      assert.doesNotMatch(rule.help.markdown, /\]\(\.\.?\//, `${rule.id}: no relative links left`);
    }
  });

  it('reads a docs page and resolves its relative links against the docs site', () => {
    const root = mkdtempSync(join(tmpdir(), 'infracoach-docs-'));
    roots.push(root);
    mkdirSync(join(root, 'rules/docs/dockerfile'), { recursive: true });
    writeFileSync(join(root, 'rules/docs/dockerfile/example.en.md'), '# dockerfile/example\n\nSee [the skill](../../../skills/4.1.1.en.md#multi-stage-builds), [above](#why) and [docs](https://docs.docker.com/).\n');
    assert.equal(ruleHelpMarkdown('dockerfile/example', root),
      '# dockerfile/example\n\nSee [the skill](https://infracoach.dev/skills/4.1.1.en.md#multi-stage-builds), [above](#why) and [docs](https://docs.docker.com/).\n');
    assert.equal(ruleHelpMarkdown('dockerfile/missing', root), undefined);
  });
});
