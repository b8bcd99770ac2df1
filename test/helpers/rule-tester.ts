import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintSettings } from '../../server/src/engine/engine';
import type { Severity, WorkspaceView } from '../../server/src/engine/types';
import { fixed, lint, rangeText, syntaxErrors } from './engine';

export interface ValidCase {
  name: string;
  code: string;
  /** File name; defaults to the language's usual one. */
  path?: string;
  settings?: LintSettings;
  workspace?: WorkspaceView;
}

export interface InvalidCase extends ValidCase {
  /** Expected findings of this rule, in order: ranges as `line:char-line:char` (0-based). */
  errors: { range: string; severity?: Severity; messageIncludes?: string; data?: Record<string, unknown> }[];
  /** Text after applying the fix of the first finding; `null` asserts that no fix is offered. Omit to skip. */
  output?: string | null;
}

const DEFAULT_PATHS: Record<string, string> = {
  dockerfile: '/work/Dockerfile',
  kubernetes: '/work/manifest.yaml',
  terraform: '/work/main.tf',
};

/**
 * ESLint-style table of cases for one rule: valid code gives no finding of it; invalid code gives exactly
 * the listed ranges, and the fix output (when given) parses and no longer triggers the rule.
 */
export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const language = ruleId.split('/')[0];
  const pathOf = (test: ValidCase) => test.path ?? DEFAULT_PATHS[language];
  describe(ruleId, () => {
    for (const test of cases.valid) {
      it(`valid: ${test.name}`, async () => {
        const findings = (await lint(pathOf(test), test.code, test.settings, test.workspace)).filter((finding) => finding.ruleId === ruleId);
        assert.deepEqual(findings.map((finding) => `${rangeText(finding)} ${finding.message}`), []);
      });
    }
    for (const test of cases.invalid) {
      it(`invalid: ${test.name}`, async () => {
        const path = pathOf(test);
        const findings = (await lint(path, test.code, test.settings, test.workspace)).filter((finding) => finding.ruleId === ruleId);
        assert.deepEqual(findings.map(rangeText), test.errors.map((error) => error.range), 'finding ranges');
        test.errors.forEach((error, index) => {
          const finding = findings[index];
          if (error.severity) assert.equal(finding.severity, error.severity, `severity of finding ${index}`);
          if (error.messageIncludes) assert.ok(finding.message.includes(error.messageIncludes), `message "${finding.message}" should include "${error.messageIncludes}"`);
          if (error.data) for (const [key, value] of Object.entries(error.data)) assert.deepEqual(finding.data?.[key], value, `data.${key}`);
          assert.equal(finding.skill.split('#')[0].split('.').length, 3, 'skill is a chapter section');
          assert.ok(finding.docsUrl.endsWith(ruleId), 'docs link is derived from the rule id');
        });
        if (test.output === undefined) return;
        const output = await fixed(path, test.code, findings[0], test.settings, test.workspace);
        if (test.output === null) {
          assert.equal(output, undefined, 'no fix is offered');
          return;
        }
        assert.equal(output, test.output);
        assert.deepEqual(await syntaxErrors(path, output!), [], 'the fixed file parses');
        const after = (await lint(path, output!, test.settings, test.workspace)).filter((finding) => finding.ruleId === ruleId);
        assert.ok(after.length < findings.length, `the fix removes the finding (before ${findings.length}, after ${after.length})`);
      });
    }
  });
}
