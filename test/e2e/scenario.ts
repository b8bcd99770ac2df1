// The eight steps of issue 8, run once against a fresh workspace, fresh code-servers and fresh browser profiles.
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { CodeServer } from './code-server';
import { expectedFindings, explanationTitles, findingsOf, lineOf, type ExpectedFinding } from './expectations';
import { closeSession, openSession, RESTRICTED_SETTINGS, TRUSTED_SETTINGS, type Session } from './session';
import { StepRunner, type StepResult } from './steps';
import { describeProblem, JAPANESE_TEXT, type Problem, type Workbench } from './workbench';

export const EXTENSION_ID = 'infracoach.infracoach';
export const EXPLAIN_COMMAND_TITLE = 'Infra Coach: Explain this skill';

const DOCKERFILE = 'dockerfile/Dockerfile';
const DEPLOYMENT = 'kubernetes/deployment.yaml';
const TERRAFORM = 'terraform/main.tf';

export interface AttemptOptions {
  /** Private folder of this attempt: workspace copy, code-server homes. */
  root: string;
  screenshots: string;
  codeServerEntry: string;
  vsix: string;
  cliPath: string;
  examples: string;
  timeoutMs: number;
}

export async function runScenario(options: AttemptOptions): Promise<StepResult[]> {
  mkdirSync(options.screenshots, { recursive: true });
  const workspace = join(options.root, 'workspace');
  cpSync(options.examples, workspace, { recursive: true });
  const mainHome = join(options.root, 'main');
  const restrictedHome = join(options.root, 'restricted');
  const runner = new StepRunner(options.screenshots);
  let main: Session | undefined;
  let restricted: Session | undefined;
  const mainWorkbench = (): Workbench | undefined => main?.workbench;
  const sessionOptions = { codeServerEntry: options.codeServerEntry, workspace, timeoutMs: options.timeoutMs };

  try {
    let expected: ExpectedFinding[] = [];
    await runner.step(1, 'extension-installed', 'Package the .vsix, install it into a fresh code-server, see it in the Extensions view', mainWorkbench, async () => {
      expected = expectedFindings(options.cliPath, workspace);
      for (const home of [mainHome, restrictedHome]) CodeServer.installExtension(options.codeServerEntry, home, options.vsix, EXTENSION_ID);
      main = await openSession({ ...sessionOptions, home: mainHome, settings: TRUSTED_SETTINGS });
      await main.workbench.load(main.server.workbenchUrl(workspace), 'dockerfile');
      await main.workbench.showEnabledExtensions();
      await main.workbench.page.locator('.extensions-viewlet .extension-list-item').filter({ hasText: 'Infra Coach' }).first().waitFor();
    });

    await runner.step(2, 'dockerfile-problems', 'Dockerfile: root-user and no-multi-stage in the Problems panel at the right lines', mainWorkbench, async () => {
      const workbench = active(main).workbench;
      await workbench.openFile(DOCKERFILE);
      for (const [ruleId, instruction] of [['dockerfile/root-user', /^\s*(FROM|USER)\b/i], ['dockerfile/no-multi-stage', /^\s*RUN\b/i]] as const) {
        const wanted = findingsOf(expected, DOCKERFILE, ruleId);
        const shown = await workbench.waitForProblems(ruleId, wanted.length);
        assertSamePlaces(ruleId, wanted, shown);
        for (const finding of wanted) {
          const text = lineOf(workspace, DOCKERFILE, finding.line);
          if (!instruction.test(text)) throw new Error(`${ruleId} is reported at line ${finding.line} ("${text}"), which is not a ${instruction.source} line`);
        }
      }
    });

    await runner.step(3, 'deployment-quick-fix', 'Deployment: missing-resource-limits, quick fix through Ctrl+. adds resources, finding gone', mainWorkbench, async () => {
      const workbench = active(main).workbench;
      const ruleId = 'kubernetes/missing-resource-limits';
      await workbench.openFile(DEPLOYMENT);
      const wanted = findingsOf(expected, DEPLOYMENT, ruleId);
      assertSamePlaces(ruleId, wanted, await workbench.waitForProblems(ruleId, wanted.length));
      await workbench.goTo(wanted[0].line, wanted[0].column);
      // The fix, not the "Learn: Resource requests and limits" action beside it.
      await workbench.applyQuickFix(/^Add\b.*\blimits\b/i);
      // The block goes at the end of the container, which is the end of this file: bring it into view.
      await workbench.page.keyboard.press('Control+End');
      for (const key of ['resources:', 'requests:', 'limits:', 'memory:']) await workbench.waitForEditorLine(key);
      await workbench.waitForProblemCount(ruleId, wanted.length - 1);
      await workbench.save('deployment.yaml');
      await waitForFile(join(workspace, DEPLOYMENT), (saved) => /^\s+limits:\s*$/m.test(saved), options.timeoutMs, 'the saved deployment.yaml to have a limits block');
    });

    await runner.step(4, 'terraform-error', 'Terraform: open-security-group shown as an error', mainWorkbench, async () => {
      const workbench = active(main).workbench;
      const ruleId = 'terraform/open-security-group';
      await workbench.openFile(TERRAFORM);
      const wanted = findingsOf(expected, TERRAFORM, ruleId).filter((finding) => finding.severity === 'error');
      if (wanted.length === 0) throw new Error(`the CLI reports ${ruleId} in ${TERRAFORM} but not as an error: the example must open port 22`);
      const shown = await workbench.waitForProblems(ruleId, wanted.length);
      const errors = shown.filter((problem) => problem.severity === 'Error');
      assertSamePlaces(ruleId, wanted, errors);
    });

    await runner.step(5, 'explain-skill', `F1 → "${EXPLAIN_COMMAND_TITLE}" on a finding opens the explanation with its skill's title`, mainWorkbench, async () => {
      const workbench = active(main).workbench;
      const [finding] = findingsOf(expected, TERRAFORM, 'terraform/open-security-group');
      await workbench.openFile(TERRAFORM);
      await workbench.goTo(finding.line, finding.column);
      await workbench.runCommand(EXPLAIN_COMMAND_TITLE);
      const titles = explanationTitles(finding.skill);
      if (titles.length === 0) throw new Error(`no skill or topic title is known for ${finding.skill}`);
      await workbench.waitForExplanation(titles);
    });

    await runner.step(6, 'japanese-messages', 'infracoach.language = ja: the finding in the Problems panel is in Japanese', mainWorkbench, async () => {
      const workbench = active(main).workbench;
      const ruleId = 'terraform/open-security-group';
      // A tidy screen for the screenshot; skipped when an earlier failure left an unsaved editor (closing would ask).
      if ((await workbench.page.locator('.tabs-container .tab.dirty').count()) === 0) await workbench.runCommand('View: Close All Editor Groups');
      await workbench.openFile(TERRAFORM);
      // Through the Settings editor: code-server does not notice settings.json being rewritten behind its back.
      await workbench.chooseSetting('infracoach.language', 'ja');
      const [shown] = await workbench.waitForProblems(ruleId, 1, JAPANESE_TEXT);
      const english = findingsOf(expected, TERRAFORM, ruleId)[0].message;
      if (shown.message === english) throw new Error(`the message is still the English one: "${english}"`);
    });

    await closeSession(main);
    main = undefined;

    await runner.step(7, 'restricted-mode', 'Restricted Mode (workspace not trusted): findings are still reported', () => restricted?.workbench, async () => {
      restricted = await openSession({ ...sessionOptions, home: restrictedHome, settings: RESTRICTED_SETTINGS });
      const workbench = restricted.workbench;
      await workbench.page.goto(restricted.server.workbenchUrl(workspace));
      await workbench.declineWorkspaceTrust();
      await workbench.openFile(DOCKERFILE);
      const wanted = findingsOf(expected, DOCKERFILE, 'dockerfile/root-user');
      assertSamePlaces('dockerfile/root-user', wanted, await workbench.waitForProblems('dockerfile/root-user', wanted.length));
    });

    await runner.step(8, 'screenshots', 'A screenshot for every step under test-results/', () => undefined, async () => {
      const missing = runner.results
        .filter((result) => !result.screenshot || !existsSync(result.screenshot) || statSync(result.screenshot).size === 0)
        .map((result) => `step ${result.id}`);
      if (missing.length > 0) throw new Error(`no screenshot for ${missing.join(', ')}`);
    });
  } finally {
    await closeSession(main);
    await closeSession(restricted);
  }
  return runner.results;
}

function active(session: Session | undefined): Session {
  if (!session) throw new Error('not run: the workbench did not open (see step 1)');
  return session;
}

/** Resolves when the file's content passes the test: checked on file-system events, never on a timer. */
function waitForFile(path: string, test: (content: string) => boolean, timeoutMs: number, awaited: string): Promise<void> {
  const read = (): string => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const check = (): void => {
      if (test(read())) finish();
    };
    // Watch first, then look: a write between the two cannot be missed.
    const watcher = watch(dirname(path), check);
    const timer = setTimeout(() => finish(new Error(`waited ${timeoutMs} ms for ${awaited}; it reads:\n${read()}`)), timeoutMs);
    check();
  });
}

/** The panel must show each expected finding at its exact line and column. */
function assertSamePlaces(ruleId: string, wanted: ExpectedFinding[], shown: Problem[]): void {
  const places = (items: { line: number; column: number }[]): string => items.map((item) => `${item.line}:${item.column}`).sort().join(', ');
  if (places(wanted) !== places(shown.filter((problem) => problem.code === ruleId))) {
    throw new Error(`${ruleId}: expected at ${places(wanted)} (as the CLI reports), the Problems panel shows ${shown.map(describeProblem).join(' | ') || 'nothing'}`);
  }
}
