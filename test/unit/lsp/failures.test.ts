import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '../../../rules';
import { Engine } from '../../../server/src/engine/engine';
import { defineRule, type AnyRule } from '../../../server/src/engine/rule';
import { codeActionsFor } from '../../../server/src/lsp/code-actions';
import { toDiagnostic } from '../../../server/src/lsp/diagnostics';
import { describeFailure, noticeDiagnostic, RuleFailureLog } from '../../../server/src/lsp/failures';

const DOCKERFILE = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';

/** A rule whose check works and whose fix throws: the fix must cost only its own action. */
const brokenFix = defineRule({
  id: 'dockerfile/broken-fix',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#multi-stage-builds',
  title: { en: 'Broken fix', ja: 'Broken fix' },
  messages: { found: { en: 'found', ja: 'found' } },
  fixable: 'quickfix',
  check: (context) => context.report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, messageId: 'found' }),
  fix: () => {
    throw new Error('fix exploded');
  },
}) as AnyRule;

describe('rule failures in the server', () => {
  it('are logged once per rule per file, again after the file is closed', () => {
    const log = new RuleFailureLog();
    assert.equal(log.firstFailure('file:///a', 'dockerfile/x'), true);
    assert.equal(log.firstFailure('file:///a', 'dockerfile/x'), false);
    assert.equal(log.firstFailure('file:///a', 'dockerfile/y'), true);
    assert.equal(log.firstFailure('file:///b', 'dockerfile/x'), true);
    log.forget('file:///a');
    assert.equal(log.firstFailure('file:///a', 'dockerfile/x'), true);
  });

  it('the log line names the rule, the file and the stack', () => {
    const line = describeFailure('file:///a/Dockerfile', 'dockerfile/x', new Error('boom'));
    assert.match(line, /^Rule dockerfile\/x failed on file:\/\/\/a\/Dockerfile/);
    assert.match(line, /Error: boom\n\s+at /);
  });

  it('a throwing fix loses only its own action: other fixes and Learn actions remain', async () => {
    const engine = await Engine.create({ rules: [brokenFix, ...allRules] });
    const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, DOCKERFILE);
    const input = { path: '/w/Dockerfile', text: DOCKERFILE, languageId: 'dockerfile', version: 1 };
    const diagnostics = engine.lint(input).findings.map((finding) => toDiagnostic(finding));
    const failures: string[] = [];
    const actions = codeActionsFor(engine, input, document, diagnostics, {}, (ruleId) => failures.push(ruleId));
    assert.deepEqual(failures, ['dockerfile/broken-fix']);
    const brokenActions = actions.filter((action) => action.diagnostics?.[0].code === 'dockerfile/broken-fix');
    assert.deepEqual(brokenActions.map((action) => action.command?.command), ['infracoach.explainSkill']);
    assert.ok(actions.some((action) => action.diagnostics?.[0].code === 'dockerfile/root-user' && action.edit), 'root-user still offers its fix');
    engine.dispose();
  });

  it('notices become information diagnostics without skill data, so no Learn or fix action is built for them', async () => {
    const notice = { code: 'infracoach/file-too-large' as const, message: 'skipped', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    const diagnostic = noticeDiagnostic(notice);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Information);
    assert.equal(diagnostic.source, 'infracoach');
    assert.equal(diagnostic.data, undefined);
    const engine = await Engine.create({ rules: allRules });
    const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, DOCKERFILE);
    assert.deepEqual(codeActionsFor(engine, { path: '/w/Dockerfile', text: DOCKERFILE, version: 1 }, document, [diagnostic], {}), []);
    engine.dispose();
  });
});
