// Drives VS Code's web workbench the way a person does: explorer clicks, keyboard shortcuts, the F1 palette.
// Every wait is on a selector or a state of the page, with a timeout that names what was awaited.
import type { Locator, Page } from 'playwright-core';

export type Severity = 'Error' | 'Warning' | 'Info';

/** One row of the Problems panel, as shown to the user. */
export interface Problem {
  /** The file group the row belongs to, e.g. `Dockerfile`. */
  file: string;
  severity: Severity | 'unknown';
  message: string;
  source: string;
  code: string;
  /** 1-based, as the panel shows it. */
  line: number;
  column: number;
}

/** How long one opening of the F1 palette may take to list a command before it is closed and opened again. */
const PALETTE_REOPEN_MS = 5_000;

export const JAPANESE_TEXT = /[\u3040-\u30ff\u4e00-\u9fff]/;

export class Workbench {
  constructor(readonly page: Page, private readonly timeoutMs: number) {}

  /** Loads the workbench and waits until the explorer shows the workspace's top-level folders. */
  async load(url: string, firstFolder: string): Promise<void> {
    await this.page.goto(url, { timeout: this.timeoutMs });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: this.timeoutMs });
    await this.explorerItem(firstFolder).waitFor({ timeout: this.timeoutMs });
  }

  explorerItem(name: string): Locator {
    return this.page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true });
  }

  /** Opens `folder/…/file` by clicking through the explorer tree, then waits for its editor tab to be active. */
  async openFile(relativePath: string): Promise<void> {
    const segments = relativePath.split('/');
    const fileName = segments.pop()!;
    await this.showExplorer();
    for (const folder of segments) {
      const item = this.explorerItem(folder);
      await item.waitFor({ timeout: this.timeoutMs });
      if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
      await this.page.locator(`.explorer-folders-view [role="treeitem"][aria-expanded="true"][aria-label="${folder}"]`).waitFor({ timeout: this.timeoutMs });
    }
    const file = this.explorerItem(fileName);
    await file.click({ timeout: this.timeoutMs });
    await this.activeTab(fileName).waitFor({ timeout: this.timeoutMs });
    await this.editor().waitFor({ timeout: this.timeoutMs });
  }

  async showExplorer(): Promise<void> {
    const explorer = this.page.locator('.explorer-folders-view');
    if (!(await explorer.isVisible())) await this.page.keyboard.press('Control+Shift+E');
    await explorer.waitFor({ timeout: this.timeoutMs });
  }

  /** The active tab of the active editor group (a preview beside it has a group, and an active tab, of its own). */
  activeTab(label: string): Locator {
    return this.page.locator('.editor-group-container.active .tabs-container .tab.active').filter({ hasText: label });
  }

  editor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  async closeWidgets(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  /** Puts the cursor at a 1-based position with Go to Line (Ctrl+G) and waits for the status bar to confirm it. */
  async goTo(line: number, column: number): Promise<void> {
    await this.editor().locator('.view-lines').click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: this.timeoutMs });
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.page.locator('[id="status.editor.selection"]').filter({ hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: this.timeoutMs });
  }

  /**
   * Runs a command from the F1 palette by its full title, clicking the row that carries exactly that title.
   * The palette lists the commands whose conditions hold when it opens and does not refresh while open; some
   * (the Extensions ones wait for the extension management servers) appear later in startup, so a palette
   * that lacks the command is closed and opened again until the timeout.
   */
  async runCommand(title: string): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    const widget = this.page.locator('.quick-input-widget');
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    let listed: string[] = [];
    for (;;) {
      await this.page.keyboard.press('F1');
      const input = widget.locator('input');
      await input.waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      await input.fill(`>${title}`);
      const row = rows.filter({ hasText: title }).first();
      const remaining = deadline - Date.now();
      const found = await row.waitFor({ timeout: Math.max(1, Math.min(PALETTE_REOPEN_MS, remaining)) }).then(
        () => true,
        () => false,
      );
      if (found) {
        await row.click();
        await widget.waitFor({ state: 'hidden', timeout: this.timeoutMs });
        return;
      }
      listed = await rows.allInnerTexts();
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: this.timeoutMs });
      if (Date.now() >= deadline) break;
    }
    throw new Error(`the F1 palette shows no command "${title}"; for that text it lists: ${listed.join(' | ') || 'nothing'}`);
  }

  /**
   * Shows the enabled extensions in the Extensions view, from the palette command; when the palette never offers it,
   * through the activity bar's Extensions icon and the view's search box ("@enabled"), the other way a person gets there.
   */
  async showEnabledExtensions(): Promise<void> {
    try {
      await this.runCommand('Extensions: Show Enabled Extensions');
      return;
    } catch (paletteError) {
      console.log(`  note: ${(paletteError as Error).message}; using the Extensions view's search box instead`);
    }
    const search = this.page.locator('.extensions-viewlet .suggest-input-container');
    await this.page.locator('.activitybar').getByRole('tab', { name: /^Extensions/ }).first().click({ timeout: this.timeoutMs });
    await search.waitFor({ timeout: this.timeoutMs });
    await search.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type('@enabled ');
  }

  /** Opens the quick fix menu (Ctrl+.) at the cursor and applies the action with the given title. */
  async applyQuickFix(title: string | RegExp): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget');
    await menu.waitFor({ timeout: this.timeoutMs }).catch(() => {
      throw new Error('Ctrl+. opened no quick fix menu');
    });
    const actions = menu.locator('.monaco-list-row.action');
    await actions.filter({ hasText: title }).first().waitFor({ timeout: this.timeoutMs }).catch(async () => {
      const offered = await actions.allInnerTexts();
      throw new Error(`the quick fix menu has no action ${String(title)}; it offers: ${offered.join(' | ') || 'nothing'}`);
    });
    // The menu lays a pointer block over the page, so a person (and this test) picks with the arrow keys and Enter.
    const focusedTarget = menu.locator('.monaco-list-row.action.focused').filter({ hasText: title });
    const count = await actions.count();
    for (let step = 0; step < count && !(await focusedTarget.isVisible()); step++) await this.page.keyboard.press('ArrowDown');
    await focusedTarget.waitFor({ timeout: this.timeoutMs });
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: this.timeoutMs });
  }

  /** Waits until the active editor renders a line containing the text (after the edit has been applied and painted). */
  async waitForEditorLine(text: string): Promise<void> {
    await this.editor().locator('.view-lines .view-line').filter({ hasText: text }).first().waitFor({ timeout: this.timeoutMs }).catch(async () => {
      throw new Error(`the editor shows no line with "${text}"; it shows:\n${await this.editorText()}`);
    });
  }

  /** The text of the active editor's rendered lines (enough for the short example files). */
  async editorText(): Promise<string> {
    const lines = await this.editor().locator('.view-lines .view-line').all();
    const rendered: { top: number; text: string }[] = [];
    for (const line of lines) {
      const style = (await line.getAttribute('style')) ?? '';
      rendered.push({ top: Number(/top:\s*(-?\d+)/.exec(style)?.[1] ?? 0), text: (await line.innerText()).replace(/\u00a0/g, ' ') });
    }
    // Monaco recycles line elements, so DOM order is not line order: sort by their position.
    return rendered.sort((a, b) => a.top - b.top).map((line) => line.text).join('\n');
  }

  async save(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').filter({ hasText: fileName }).waitFor({ state: 'detached', timeout: this.timeoutMs });
  }

  async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ timeout: this.timeoutMs });
  }

  /** Problem rows, optionally those showing a rule id and matching more text. */
  problemRows(code?: string, text?: string | RegExp): Locator {
    let rows = this.page.locator('.markers-panel .monaco-list-row[aria-level="2"]');
    if (code) rows = rows.filter({ has: this.page.locator('.marker-code', { hasText: code }) });
    if (text) rows = rows.filter({ hasText: text });
    return rows;
  }

  /** Waits until the Problems panel shows at least `count` rows for a rule id (and optional text). */
  async waitForProblems(code: string, count: number, text?: string | RegExp): Promise<Problem[]> {
    await this.showProblems();
    await this.problemRows(code, text).nth(count - 1).waitFor({ timeout: this.timeoutMs }).catch(async () => {
      const shown = (await this.problems()).map(describeProblem);
      throw new Error(`the Problems panel did not show ${count} × ${code}${text ? ` matching ${String(text)}` : ''}; it shows: ${shown.join(' | ') || 'nothing'}`);
    });
    return (await this.problems()).filter((problem) => problem.code === code);
  }

  async waitForNoProblem(code: string): Promise<void> {
    await this.showProblems();
    await this.problemRows(code).first().waitFor({ state: 'detached', timeout: this.timeoutMs }).catch(async () => {
      const shown = (await this.problems()).filter((problem) => problem.code === code).map(describeProblem);
      throw new Error(`the Problems panel still shows ${code}: ${shown.join(' | ')}`);
    });
  }

  /** Waits until the Problems panel shows exactly `count` rows for a rule id. */
  async waitForProblemCount(code: string, count: number): Promise<void> {
    await this.showProblems();
    const rows = this.problemRows(code);
    try {
      await rows.nth(count).waitFor({ state: 'detached', timeout: this.timeoutMs });
      if (count > 0) await rows.nth(count - 1).waitFor({ timeout: this.timeoutMs });
    } catch {
      const shown = (await this.problems()).filter((problem) => problem.code === code).map(describeProblem);
      throw new Error(`expected ${count} × ${code} in the Problems panel, it shows ${shown.length}: ${shown.join(' | ')}`);
    }
  }

  /** Waits for an explanation page (a webview, e.g. the markdown preview) whose heading carries one of the titles. */
  async waitForExplanation(titles: string[]): Promise<void> {
    const content = this.page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
    let heading = content.getByRole('heading').filter({ hasText: titles[0] });
    for (const title of titles.slice(1)) heading = heading.or(content.getByRole('heading').filter({ hasText: title }));
    await heading.first().waitFor({ timeout: this.timeoutMs }).catch(async () => {
      const tabs = await this.page.locator('.tabs-container .tab').allInnerTexts();
      throw new Error(`no explanation with a heading "${titles.join('" or "')}" opened; open tabs: ${tabs.join(' | ') || 'none'}`);
    });
  }

  /** Sets an enum setting in the Settings editor (Ctrl+,), as a person does, and closes the editor again. */
  async chooseSetting(key: string, value: string): Promise<void> {
    await this.page.keyboard.press('Control+,');
    const settings = this.page.locator('.settings-editor');
    await settings.waitFor({ timeout: this.timeoutMs });
    // The search box has the focus when the editor opens.
    await this.page.keyboard.type(key);
    const select = settings.locator(`select[aria-label="${key}"]`);
    await select.waitFor({ timeout: this.timeoutMs }).catch(() => {
      throw new Error(`the Settings editor shows no setting ${key}: does package.json contribute it?`);
    });
    await select.click();
    const option = this.page.locator('.monaco-select-box-dropdown-container .monaco-list-row')
      .filter({ has: this.page.locator('.option-text', { hasText: new RegExp(`^${value}$`) }) });
    await option.click({ timeout: this.timeoutMs }).catch(() => {
      throw new Error(`the ${key} dropdown has no option "${value}"`);
    });
    await this.page.locator('.monaco-select-box-dropdown-container').waitFor({ state: 'hidden', timeout: this.timeoutMs });
    // The select shows the new value once the setting is written.
    await settings.locator(`select[aria-label="${key}"] option:checked`).filter({ hasText: value }).waitFor({ state: 'attached', timeout: this.timeoutMs });
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active').filter({ hasText: 'Settings' }).locator('.codicon-close').click();
    await settings.waitFor({ state: 'detached', timeout: this.timeoutMs });
  }

  /** Answers VS Code's "Do you trust the authors…?" dialog with No and waits for Restricted Mode. */
  async declineWorkspaceTrust(): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: this.timeoutMs }).catch(() => {
      throw new Error('VS Code asked nothing about trusting the folder: is security.workspace.trust.enabled on?');
    });
    await dialog.getByRole('button', { name: /don't trust/i }).click();
    await dialog.waitFor({ state: 'detached', timeout: this.timeoutMs });
    await this.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ timeout: this.timeoutMs });
  }

  /** A snapshot of the Problems panel, rows in display order. */
  async problems(): Promise<Problem[]> {
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
      elements.map((element) => ({
        level: element.getAttribute('aria-level'),
        label: element.getAttribute('aria-label') ?? '',
        text: (element as unknown as { innerText: string }).innerText,
      })),
    );
    const problems: Problem[] = [];
    let file = '';
    for (const row of rows) {
      if (row.level === '1') {
        file = /in file (.+?) of folder/.exec(row.label)?.[1] ?? row.text.split('\n')[0];
        continue;
      }
      const parsed = parseMarkerRow(row.label, row.text);
      if (parsed) problems.push({ file, ...parsed });
    }
    return problems;
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}

/** Parses a marker row: its aria-label starts with the severity; its text ends with source, code and `[Ln x, Col y]`. */
function parseMarkerRow(label: string, text: string): Omit<Problem, 'file'> | undefined {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const position = /^\[Ln (\d+), Col (\d+)\]$/.exec(lines.at(-1) ?? '');
  if (!position || lines.length < 4) return undefined;
  const severity = (['Error', 'Warning', 'Info'] as const).find((candidate) => label.startsWith(`${candidate}:`)) ?? 'unknown';
  return {
    severity,
    message: lines.slice(0, -3).join(' '),
    source: lines.at(-3)!,
    code: lines.at(-2)!,
    line: Number(position[1]),
    column: Number(position[2]),
  };
}

export function describeProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} "${problem.message.slice(0, 60)}"`;
}
