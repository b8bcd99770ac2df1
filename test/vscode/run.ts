// `npm run test:vscode`: the extension-host suite (mocha inside VS Code desktop), for machines that have
// VS Code or can download it. Where neither is possible it says why and exits 0 as skipped; our CI runs
// the code-server end-to-end test (npm run test:e2e) instead.
//
// Environment:
//   VSCODE_EXECUTABLE  a VS Code (or VS Code Insiders / Code - OSS) binary to use instead of downloading one
//   VSCODE_VERSION     the version @vscode/test-electron downloads (default: stable)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const REPO = resolve(__dirname, '../..');
const SUITE_OUT = join(REPO, 'out', 'vscode-test');
const INSTALL_HINT = 'npm install --save-dev @vscode/test-electron mocha';

/** The one function of @vscode/test-electron used here; it is optional, so typed locally. */
interface TestElectron {
  downloadAndUnzipVSCode(version?: string): Promise<string>;
}

function skip(reason: string): never {
  console.log(`test:vscode skipped: ${reason}`);
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(0);
}

function installed(name: string): boolean {
  try {
    require.resolve(name, { paths: [REPO] });
    return true;
  } catch {
    return false;
  }
}

async function vscodeExecutable(): Promise<string> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    if (!existsSync(given)) throw new Error(`VSCODE_EXECUTABLE=${given} does not exist`);
    return given;
  }
  if (!installed('@vscode/test-electron')) {
    skip(`VSCODE_EXECUTABLE is not set and @vscode/test-electron is not installed, so there is no VS Code to run in (${INSTALL_HINT}, or set VSCODE_EXECUTABLE)`);
  }
  const testElectron = require(require.resolve('@vscode/test-electron', { paths: [REPO] })) as TestElectron;
  try {
    return await testElectron.downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable');
  } catch (error) {
    skip(`VS Code could not be downloaded (${error instanceof Error ? error.message : String(error)}); set VSCODE_EXECUTABLE to a local VS Code to run the suite offline`);
  }
}

/** VS Code desktop needs a display: use xvfb-run when there is none and it is available. */
function withDisplay(command: string, args: string[]): [string, string[]] {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return [command, args];
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
  if (!xvfb) skip('no display and no xvfb-run (apt-get install xvfb), so VS Code desktop cannot start');
  return [xvfb, ['-a', command, ...args]];
}

async function main(): Promise<number> {
  if (!installed('mocha')) skip(`mocha is not installed (${INSTALL_HINT})`);
  const executable = await vscodeExecutable();

  console.log('test:vscode: building the extension and the suite');
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('node build.mjs failed');
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await build({
    entryPoints: { index: join(REPO, 'test/vscode/suite/index.ts') },
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  const scratch = mkdtempSync(join(tmpdir(), 'infracoach-vscode-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  const args = [
    workspace,
    `--extensionDevelopmentPath=${REPO}`,
    `--extensionTestsPath=${join(SUITE_OUT, 'index.js')}`,
    `--user-data-dir=${join(scratch, 'user-data')}`,
    `--extensions-dir=${join(scratch, 'extensions')}`,
    '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu', '--no-sandbox',
  ];
  const [command, commandArgs] = withDisplay(executable, args);
  console.log(`test:vscode: ${executable}`);
  // VS Code refuses to start as an app when this is inherited from a Node-mode parent.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const code = await new Promise<number>((done) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', env });
    child.once('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      done(1);
    });
    child.once('exit', (exitCode) => done(exitCode ?? 1));
  });
  rmSync(scratch, { recursive: true, force: true });
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:vscode failed: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
