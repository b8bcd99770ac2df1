import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CLI_PATH = resolve(__dirname, '../../../dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as CI would; `npm test` builds it first (`node build.mjs`). */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`node build.mjs\` first`);
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary repository (it has a `.git` folder, so configuration lookups stop there) holding the given files. */
export function tempRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'infracoach-cli-'));
  mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

let ruleIds: string[] | undefined;

/** `.infracoach.yaml` text that turns off every rule except `keep`, so a test sees only the rules it is about. */
export function onlyRules(keep: string[], extra = ''): string {
  ruleIds ??= (JSON.parse(runCli(['rules', '--format', 'json'], tmpdir()).stdout) as { id: string }[]).map((rule) => rule.id);
  const lines = ['rules:', ...ruleIds.filter((id) => !keep.includes(id)).map((id) => `  ${id}: off`)];
  return `${lines.join('\n')}\n${extra}`;
}
