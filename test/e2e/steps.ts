// Runs numbered steps, screenshots the workbench after each one, and keeps going after a failure
// so that one run reports every step (later steps open their own files and do not depend on earlier ones).
import { join, relative } from 'node:path';
import type { Workbench } from './workbench';

export interface StepResult {
  id: number;
  name: string;
  ok: boolean;
  /** The failure, with what was awaited; empty when the step passed. */
  detail: string;
  screenshot?: string;
  durationMs: number;
}

export class StepRunner {
  readonly results: StepResult[] = [];

  constructor(private readonly screenshots: string) {}

  async step(id: number, slug: string, name: string, workbench: () => Workbench | undefined, body: () => Promise<void>): Promise<void> {
    const started = Date.now();
    let error: unknown;
    try {
      await body();
    } catch (caught) {
      error = caught;
    }
    const screenshot = await this.capture(workbench(), `${String(id).padStart(2, '0')}-${slug}${error ? '-FAILED' : ''}.png`);
    const result: StepResult = { id, name, ok: error === undefined, detail: '', screenshot, durationMs: Date.now() - started };
    if (error !== undefined) {
      const message = error instanceof Error ? error.message : String(error);
      result.detail = `${message}\n    last screenshot: ${screenshot ? relative(process.cwd(), screenshot) : '(none: no workbench was open)'}`;
      // Leave no menu or palette open for the next step.
      await workbench()?.closeWidgets().catch(() => undefined);
    }
    this.results.push(result);
    const mark = result.ok ? 'ok  ' : 'FAIL';
    console.log(`  ${mark} ${id}. ${name} (${(result.durationMs / 1000).toFixed(1)} s)${result.ok ? '' : `\n    ${result.detail}`}`);
  }

  private async capture(workbench: Workbench | undefined, fileName: string): Promise<string | undefined> {
    if (!workbench) return undefined;
    const path = join(this.screenshots, fileName);
    try {
      await workbench.screenshot(path);
      return path;
    } catch {
      return undefined;
    }
  }
}
