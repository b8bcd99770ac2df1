// Starts a throw-away code-server (VS Code's server and web workbench) on a loopback port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CodeServerOptions {
  /** `out/node/entry.js` of the code-server installed by scripts/e2e/setup.sh. */
  entry: string;
  /** Root of this instance's private folders (user data, extensions, config). */
  home: string;
  workspace: string;
  /** Written to the user's settings.json before start. */
  settings: Record<string, unknown>;
  startTimeoutMs: number;
}

/** Servers still running; killed if the test process exits early (deadline, crash, Ctrl+C) so none outlives it. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

/** code-server runs in its own process group: its file watcher and extension hosts go with it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export class CodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly userSettingsPath: string,
    private readonly output: string[],
  ) {}

  /** The last lines code-server printed, for failure messages. */
  log(lines = 40): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  static folders(home: string): { userData: string; extensions: string; config: string } {
    return { userData: join(home, 'user-data'), extensions: join(home, 'extensions'), config: join(home, 'config.yaml') };
  }

  /** Installs a .vsix into this instance's extensions folder and checks code-server lists it. */
  static installExtension(entry: string, home: string, vsix: string, expectedId: string): string {
    const { userData, extensions, config } = CodeServer.folders(home);
    const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
    const install = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix], { encoding: 'utf8', env: codeServerEnv(home) });
    if (install.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
    const list = spawnSync(process.execPath, [entry, ...common, '--list-extensions', '--show-versions'], { encoding: 'utf8', env: codeServerEnv(home) });
    const installed = list.stdout.split('\n').find((line) => line.toLowerCase().startsWith(`${expectedId.toLowerCase()}@`));
    if (!installed) throw new Error(`after installing ${vsix}, code-server lists no ${expectedId}:\n${list.stdout}\n${list.stderr}`);
    return installed.trim();
  }

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const { userData, extensions, config } = CodeServer.folders(options.home);
    const userSettingsPath = join(userData, 'User', 'settings.json');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(userSettingsPath, JSON.stringify(options.settings, null, 2));
    // Port 0: the kernel picks a free port and code-server prints it, so two runs never race for one.
    const args = [
      options.entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
      '--disable-getting-started-override', '--ignore-last-opened', '--config', config,
      '--user-data-dir', userData, '--extensions-dir', extensions, options.workspace,
    ];
    const child = spawn(process.execPath, args, { env: codeServerEnv(options.home), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    child.once('exit', () => running.delete(child));
    const output: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => fail(`code-server printed no listening address within ${options.startTimeoutMs} ms`), options.startTimeoutMs);
      const fail = (reason: string): void => {
        clearTimeout(timer);
        killGroup(child, 'SIGKILL');
        reject(new Error(`${reason}\n${output.join('')}`));
      };
      const onData = (chunk: Buffer): void => {
        output.push(chunk.toString());
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output.join(''));
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => fail(`code-server exited before listening (code ${code}, signal ${signal})`));
      child.once('error', (error) => fail(`code-server could not be spawned: ${error.message}`));
    });
    return new CodeServer(child, url, userSettingsPath, output);
  }

  /** The workbench URL for the workspace folder given at start. */
  workbenchUrl(workspace: string): string {
    return `${this.url}/?folder=${encodeURIComponent(workspace)}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    // Helpers that outlive the server for a moment (its file watcher) go with it.
    killGroup(this.child, 'SIGKILL');
  }
}

/** Nothing listens on the discard port: the gallery fails at once, on loopback, instead of reaching out. */
const OFFLINE_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/resource/{publisher}/{name}/{version}/{path}',
});

/** Keeps code-server's own state (config, logs, machine id) out of the user's home folders, and it offline. */
function codeServerEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'xdg-config'),
    XDG_DATA_HOME: join(home, 'xdg-data'),
    XDG_CACHE_HOME: join(home, 'xdg-cache'),
    EXTENSIONS_GALLERY: OFFLINE_GALLERY,
  };
}
