// A code-server instance plus a fresh chromium profile looking at it: one person at one editor.
import { chromium, type BrowserContext } from 'playwright-core';
import { join } from 'node:path';
import { CodeServer } from './code-server';
import { Workbench } from './workbench';

export const CHROMIUM = process.env.INFRACOACH_E2E_CHROMIUM ?? '/usr/bin/chromium';

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  // Nothing in the scenario may depend on, or reach for, anything outside this machine.
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
};

/** Trust off: no Restricted Mode dialog, the extension runs as in a trusted folder. */
export const TRUSTED_SETTINGS: Record<string, unknown> = { ...QUIET_SETTINGS, 'security.workspace.trust.enabled': false };
/** Trust on and a folder never trusted before: VS Code asks, and the scenario answers "No". */
export const RESTRICTED_SETTINGS: Record<string, unknown> = { ...QUIET_SETTINGS, 'security.workspace.trust.enabled': true };

export interface Session {
  server: CodeServer;
  context: BrowserContext;
  workbench: Workbench;
}

export interface SessionOptions {
  codeServerEntry: string;
  home: string;
  workspace: string;
  settings: Record<string, unknown>;
  timeoutMs: number;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const server = await CodeServer.start({
    entry: options.codeServerEntry,
    home: options.home,
    workspace: options.workspace,
    settings: options.settings,
    startTimeoutMs: options.timeoutMs,
  });
  try {
    const context = await chromium.launchPersistentContext(join(options.home, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      timeout: options.timeoutMs,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(options.timeoutMs);
    return { server, context, workbench: new Workbench(page, options.timeoutMs) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export async function closeSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  await session.context.close().catch(() => undefined);
  await session.server.stop();
}
