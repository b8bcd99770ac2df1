/**
 * The Terraform rules against 475 real files (../shared/corpus/terraform, read at test time, never copied):
 * no crash, every range inside its file, and every quick fix leaves HCL that parses and no longer triggers
 * the finding it was offered for. Per-rule counts are printed for the false-positive review.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, applyEdits } from '../../../server/src/engine/text';
import type { Finding, Range } from '../../../server/src/engine/types';
import { memoryWorkspace, syntaxErrors, testEngine } from '../../helpers/engine';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/terraform');

/**
 * The corpus flattens each repository (`modules__vpc__main.tf`); unflattening the names restores the module
 * folders, so that `var.x` and `local.x` resolve within the module they belong to.
 */
function loadCorpus(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const repository of readdirSync(CORPUS).sort()) {
    const folder = join(CORPUS, repository);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.tf')).sort()) {
      files[`/corpus/${repository}/${name.split('__').join('/')}`] = readFileSync(join(folder, name), 'utf8');
    }
  }
  return files;
}

function inside(text: string, range: Range): boolean {
  const lines = new LineIndex(text);
  const { start, end } = range;
  const valid = (position: Range['start']) => position.line >= 0 && position.line < lines.lineCount && position.character >= 0
    && position.character <= lines.lineText(position.line).length;
  return valid(start) && valid(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
}

describe('Terraform rules on the real-world corpus', { skip: existsSync(CORPUS) ? false : `corpus not found at ${CORPUS}` }, () => {
  it('lints every file without crashing, ranges inside the file, and every fix repairs its finding', async () => {
    const engine = await testEngine();
    const files = loadCorpus();
    const workspace = memoryWorkspace(files);
    const started = Date.now();
    const counts: Record<string, number> = {};
    const problems: string[] = [];
    let fixesApplied = 0;
    for (const [path, text] of Object.entries(files)) {
      const result = engine.lint({ path, text, workspace });
      for (const failure of result.ruleErrors) problems.push(`${path}: ${failure.ruleId} threw ${String(failure.error)}`);
      const own = result.findings.filter((finding) => finding.ruleId.startsWith('terraform/'));
      for (const finding of own) {
        counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
        if (!inside(text, finding.range)) problems.push(`${path}: ${finding.ruleId} range ${JSON.stringify(finding.range)} outside the file`);
      }
      for (const finding of own) {
        const fix = engine.fix({ path, text, workspace }, finding);
        if (!fix) continue;
        fixesApplied++;
        const output = applyEdits(text, fix.edits);
        const errors = await syntaxErrors(path, output);
        if (errors.length > 0) problems.push(`${path}: fix for ${finding.ruleId} at line ${finding.range.start.line + 1} breaks the syntax`);
        const sameRule = (findings: Finding[]) => findings.filter((other) => other.ruleId === finding.ruleId).length;
        const after = engine.lint({ path, text: output, workspace }).findings;
        if (sameRule(after) >= sameRule(own)) problems.push(`${path}: fix for ${finding.ruleId} at line ${finding.range.start.line + 1} does not remove it`);
      }
    }
    const elapsed = Date.now() - started;
    const summary = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `  ${rule}: ${count}`).join('\n');
    console.log(`Terraform corpus: ${Object.keys(files).length} files in ${elapsed} ms, ${fixesApplied} fixes applied and re-checked\n${summary}`);
    assert.deepEqual(problems, []);
    assert.ok(Object.keys(files).length > 400, 'the corpus is all there');
  });
});
