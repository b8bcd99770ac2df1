import assert from 'node:assert/strict';
import type { LintSettings } from '../../../../server/src/engine/engine';
import type { WorkspaceView } from '../../../../server/src/engine/types';
import { fixed, lint, rangeText, syntaxErrors } from '../../../helpers/engine';

const PATH = '/work/manifest.yaml';

/**
 * Applies the fix of the rule's finding at `range` (ruleTester only fixes the first finding; anchors and
 * merge keys put the interesting case second), and checks the result parses and loses that finding.
 */
export async function fixAt(ruleId: string, code: string, range: string, settings?: LintSettings, workspace?: WorkspaceView): Promise<string | undefined> {
  const findings = (await lint(PATH, code, settings, workspace)).filter((finding) => finding.ruleId === ruleId);
  const finding = findings.find((candidate) => rangeText(candidate) === range);
  assert.ok(finding, `a ${ruleId} finding at ${range} (found ${findings.map(rangeText).join(', ')})`);
  const output = await fixed(PATH, code, finding, settings, workspace);
  if (output === undefined) return undefined;
  assert.deepEqual(await syntaxErrors(PATH, output), [], 'the fixed file parses');
  const after = (await lint(PATH, output, settings, workspace)).filter((other) => other.ruleId === ruleId && other.message === finding.message);
  const before = findings.filter((other) => other.message === finding.message);
  assert.ok(after.length < before.length, 'the fix removes the finding');
  return output;
}
