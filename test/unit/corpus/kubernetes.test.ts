import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { kubernetesRules } from '../../../rules/kubernetes';
import type { LintSettings } from '../../../server/src/engine/engine';
import { LineIndex, applyEdits } from '../../../server/src/engine/text';
import type { Finding, WorkspaceView } from '../../../server/src/engine/types';
import { testEngine } from '../../helpers/engine';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = resolve(REPO_ROOT, '../shared/corpus/kubernetes');

/** A read-only view of the real corpus folders, cached: every file is linted with its whole folder as workspace. */
function corpusWorkspace(): WorkspaceView {
  const listings = new Map<string, string[]>();
  const texts = new Map<string, string | undefined>();
  return {
    listFolder(folder) {
      let entries = listings.get(folder);
      if (!entries) {
        entries = existsSync(folder) && statSync(folder).isDirectory() ? readdirSync(folder).map((name) => `${folder}/${name}`) : [];
        listings.set(folder, entries);
      }
      return entries;
    },
    readFile(path) {
      if (!texts.has(path)) texts.set(path, existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined);
      return texts.get(path);
    },
  };
}

function corpusFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return corpusFiles(path);
    return /\.ya?ml$/i.test(entry.name) ? [path] : [];
  }).sort();
}

function parseErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((document) => ('errors' in document ? document.errors.map((error) => error.message) : []));
}

/** Settings that run only one rule: re-checking a fix does not need the other twenty-five. */
function only(ruleId: string): LintSettings {
  return { rules: Object.fromEntries(kubernetesRules.map((rule) => [rule.id, rule.id === ruleId ? 'warning' : 'off'])) };
}

function assertInside(finding: Finding, lines: LineIndex, file: string): void {
  const { start, end } = finding.range;
  const where = `${file} ${finding.ruleId} ${start.line}:${start.character}-${end.line}:${end.character}`;
  assert.ok(start.line >= 0 && end.line < lines.lineCount, `range lines inside the file: ${where}`);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `range is ordered: ${where}`);
  assert.ok(start.character <= lines.lineText(start.line).length && end.character <= lines.lineText(end.line).length, `range columns inside their lines: ${where}`);
}

describe('kubernetes corpus', { skip: existsSync(CORPUS) ? false : `corpus folder ${CORPUS} is absent` }, () => {
  it('lints every manifest without errors, with ranges inside the file and fixes that parse and remove their finding', async () => {
    const engine = await testEngine();
    const workspace = corpusWorkspace();
    const files = corpusFiles(CORPUS);
    assert.ok(files.length > 0, 'the corpus has manifests');
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = new LineIndex(text);
      // A version makes the engine parse the original once for the lint and all of its fixes.
      const input = { path: file, text, workspace, version: 1 };
      const result = engine.lint(input);
      assert.deepEqual(result.ruleErrors.map((error) => `${error.ruleId}: ${String(error.error)}`), [], `no rule throws on ${file}`);
      const findings = result.findings.filter((finding) => finding.ruleId.startsWith('kubernetes/'));
      for (const finding of findings) assertInside(finding, lines, file);
      const originallyBroken = parseErrors(text).length > 0;
      for (const finding of findings) {
        const fix = engine.fix(input, finding);
        if (!fix) continue;
        const output = applyEdits(text, fix.edits);
        const label = `${file.slice(CORPUS.length + 1)} ${finding.ruleId} at ${finding.range.start.line + 1}`;
        if (!originallyBroken && parseErrors(output).length > 0) problems.push(`${label}: fixed file does not parse: ${parseErrors(output)[0]}`);
        const count = (findingsOf: Finding[]) => findingsOf.filter((other) => other.ruleId === finding.ruleId && other.message === finding.message).length;
        const after = engine.lint({ path: file, text: output, workspace }, only(finding.ruleId)).findings;
        if (count(after) >= count(findings)) problems.push(`${label}: the fix leaves the finding in place`);
      }
      engine.forget(file);
    }
    assert.deepEqual(problems, []);
  });
});
