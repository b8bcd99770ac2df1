/**
 * Every Dockerfile rule over the real-world corpus in ../shared/corpus/dockerfile: no rule throws, every
 * finding lies inside its file, and every fix yields a file that dockerfile-ast parses and that has fewer
 * findings of that rule. The corpus is read at test time and never copied into the repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { dockerfileRules } from '../../../rules/dockerfile';
import { Engine, type LintInput } from '../../../server/src/engine/engine';
import { applyEdits, LineIndex } from '../../../server/src/engine/text';
import type { Finding } from '../../../server/src/engine/types';
import { memoryWorkspace } from '../../helpers/engine';

const CORPUS = resolve(__dirname, '../../..', '../shared/corpus/dockerfile');

function corpusFiles(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return name.endsWith('.md') ? [] : [path];
  });
}

/** Each corpus file as the only file of its own folder, so workspace rules (.dockerignore) see a real context. */
function inputFor(file: string, text: string, extraFiles: Record<string, string> = {}): LintInput {
  const path = `/corpus/${file.slice(CORPUS.length + 1).replace(/\//g, '_')}/Dockerfile`;
  return { path, text, languageId: 'dockerfile', workspace: memoryWorkspace({ [path]: text, ...extraFiles }) };
}

function insideFile(finding: Finding, lines: LineIndex): boolean {
  const { start, end } = finding.range;
  const fits = (position: Finding['range']['start']) =>
    position.line >= 0 && position.line < lines.lineCount && position.character >= 0 && position.character <= lines.lineText(position.line).length;
  return fits(start) && fits(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
}

describe('Dockerfile rules on the real-world corpus', { skip: existsSync(CORPUS) ? false : `corpus not found at ${CORPUS}` }, () => {
  let engine: Engine;
  const files = existsSync(CORPUS) ? corpusFiles(CORPUS) : [];
  before(async () => {
    engine = await Engine.create({ rules: dockerfileRules });
  });

  it('holds the expected corpus', () => {
    assert.ok(files.length >= 300, `expected the 327-file corpus, found ${files.length} files`);
  });

  it('lints every file without a rule error, with every range inside the file', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const result = engine.lint(inputFor(file, text));
      assert.deepEqual(result.ruleErrors.map((error) => `${error.ruleId}: ${String(error.error)}`), [], file);
      const lines = new LineIndex(text);
      for (const finding of result.findings) assert.ok(insideFile(finding, lines), `${file}: ${finding.ruleId} at ${JSON.stringify(finding.range)} is outside the file`);
    }
  });

  it('applies every fix: the result parses and has fewer findings of that rule', () => {
    let applied = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const input = inputFor(file, text);
      const findings = engine.lint(input).findings;
      for (const finding of findings) {
        const fix = engine.fix(input, finding);
        if (!fix) continue;
        applied++;
        const fixedText = applyEdits(text, fix.edits);
        const created = Object.fromEntries((fix.createFiles ?? []).map((file) => [file.path, file.text]));
        assert.doesNotThrow(() => DockerfileParser.parse(fixedText), `${file}: the ${finding.ruleId} fix leaves a file dockerfile-ast parses`);
        assert.ok(DockerfileParser.parse(fixedText).getInstructions().length >= DockerfileParser.parse(text).getInstructions().length, `${file}: the ${finding.ruleId} fix keeps every instruction`);
        const after = engine.lint({ ...inputFor(file, fixedText, created) }).findings.filter((candidate) => candidate.ruleId === finding.ruleId);
        const before = findings.filter((candidate) => candidate.ruleId === finding.ruleId);
        assert.ok(after.length < before.length, `${file}: the ${finding.ruleId} fix at line ${finding.range.start.line + 1} removes a finding (before ${before.length}, after ${after.length})`);
      }
    }
    assert.ok(applied > 100, `expected many fixable findings on the corpus, applied ${applied}`);
  });
});
