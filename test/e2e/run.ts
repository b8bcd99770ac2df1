// `npm run test:e2e`: installs code-server once (scripts/e2e/setup.sh), packages the extension from a
// clean copy of the repo, then runs the scenario in a real VS Code workbench in Debian's chromium.
// The whole scenario is retried once at most; the last line is `N passed, N failed` for CI.
//
// Environment:
//   INFRACOACH_E2E_CODE_SERVER  code-server's out/node/entry.js (skips scripts/e2e/setup.sh)
//   INFRACOACH_E2E_CHROMIUM     chromium executable (default /usr/bin/chromium)
//   INFRACOACH_E2E_TIMEOUT_MS   longest wait for any one thing on the page (default 60000)
//   INFRACOACH_E2E_KEEP=1       keep the temporary workspace and code-server logs even when all passed
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runScenario } from './scenario';
import { CHROMIUM } from './session';
import type { StepResult } from './steps';

const REPO = resolve(__dirname, '../..');
const RESULTS = join(REPO, 'test-results', 'e2e');
const STEP_COUNT = 8;
const MAX_ATTEMPTS = 2;
const TIMEOUT_MS = Number(process.env.INFRACOACH_E2E_TIMEOUT_MS ?? 60_000);
/** Far above a normal run (about two minutes): only a hang gets here. */
const WHOLE_RUN_DEADLINE_MS = 30 * 60_000;
/** Not part of the package, or rebuilt by the packaging itself. */
const NOT_COPIED = new Set(['node_modules', '.git', 'dist', 'test-results', '.vscode-test']);

interface Build {
  vsix: string;
  cliPath: string;
}

function codeServerEntry(): string {
  const given = process.env.INFRACOACH_E2E_CODE_SERVER;
  if (given) return given;
  console.log('e2e: scripts/e2e/setup.sh (installs chromium and code-server on first use)');
  const setup = spawnSync('bash', [join(REPO, 'scripts/e2e/setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const entry = setup.stdout.trim().split('\n').at(-1) ?? '';
  if (setup.status !== 0 || !existsSync(entry)) throw new Error(`scripts/e2e/setup.sh failed (exit ${setup.status}); see its output above`);
  return entry;
}

/** `npm run package` in a copy of the working tree, so the test never rewrites the developer's dist/. */
function packageExtension(): Build {
  const staging = mkdtempSync(join(tmpdir(), 'infracoach-e2e-package-'));
  cpSync(REPO, staging, { recursive: true, filter: (source) => !NOT_COPIED.has(relative(REPO, source).split(/[\\/]/)[0]) });
  symlinkSync(join(REPO, 'node_modules'), join(staging, 'node_modules'), 'dir');
  const packaging = spawnSync('npm', ['run', 'package'], { cwd: staging, encoding: 'utf8' });
  const vsix = join(staging, 'dist', 'infracoach.vsix');
  if (packaging.status !== 0 || !existsSync(vsix)) {
    throw new Error(`npm run package failed (exit ${packaging.status}):\n${packaging.stdout.slice(-3000)}\n${packaging.stderr.slice(-3000)}`);
  }
  return { vsix, cliPath: join(staging, 'dist', 'cli.js') };
}

function notRun(reason: string): StepResult[] {
  return Array.from({ length: STEP_COUNT }, (_, index) => ({ id: index + 1, name: `step ${index + 1}`, ok: false, detail: reason, durationMs: 0 }));
}

async function main(): Promise<number> {
  rmSync(RESULTS, { recursive: true, force: true });
  let results: StepResult[];
  try {
    const entry = codeServerEntry();
    // Checked after the setup script, which installs Debian's chromium on a fresh machine.
    if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: run scripts/e2e/setup.sh or set INFRACOACH_E2E_CHROMIUM`);
    console.log('e2e: npm run package (in a copy of the working tree)');
    const build = packageExtension();
    results = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const root = mkdtempSync(join(tmpdir(), 'infracoach-e2e-'));
      console.log(`e2e: attempt ${attempt} of ${MAX_ATTEMPTS} (workspace and code-server state in ${root})`);
      results = await runScenario({
        root,
        screenshots: join(RESULTS, `attempt-${attempt}`),
        codeServerEntry: entry,
        vsix: build.vsix,
        cliPath: build.cliPath,
        examples: join(REPO, 'examples'),
        timeoutMs: TIMEOUT_MS,
      });
      const passed = results.every((result) => result.ok);
      if (passed && process.env.INFRACOACH_E2E_KEEP !== '1') rmSync(root, { recursive: true, force: true });
      else console.log(`e2e: code-server logs of attempt ${attempt}: ${join(root, 'main', 'user-data', 'logs')} and ${join(root, 'restricted', 'user-data', 'logs')}`);
      if (passed) break;
      if (attempt < MAX_ATTEMPTS) console.log('e2e: a step failed; running the whole scenario once more');
    }
    rmSync(join(build.vsix, '..', '..'), { recursive: true, force: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`e2e: could not run the scenario: ${message}`);
    results = notRun(message.split('\n')[0]);
  }
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0) {
    console.log('\nFailed steps:');
    for (const result of failed) console.log(`  ${result.id}. ${result.name}\n    ${result.detail}`);
  }
  console.log(`\nScreenshots: ${relative(process.cwd(), RESULTS)}/`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

const deadline = setTimeout(() => {
  console.error(`e2e: the run did not finish within ${WHOLE_RUN_DEADLINE_MS / 60_000} minutes`);
  console.log(`0 passed, ${STEP_COUNT} failed`);
  process.exit(1);
}, WHOLE_RUN_DEADLINE_MS);
deadline.unref();

main().then((code) => process.exit(code));
