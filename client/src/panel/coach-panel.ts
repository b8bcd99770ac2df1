import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Catalog } from '../../../server/src/lsp/catalog';
import { revealFinding, workspaceFindings, type WorkspaceFinding } from '../findings';
import { findingsHtml, pageHtml, type PanelFinding } from './html';
import { classifyLink, type PageRef } from './links';
import { renderMarkdown, type ResolvedLink } from './markdown';
import { renderInline } from './markdown-inline';
import { parsePanelMessage, type PanelMessage } from './messages';
import { loadPage, type LoadedPage, type PanelTarget } from './pages';
import { targetOfSavedState } from './saved-state';

export const PANEL_VIEW_TYPE = 'infracoach.coach';
export const SKILL_MAP_CONTAINER_COMMAND = 'workbench.view.extension.infracoach';

export interface CoachPanelHost {
  extensionUri: vscode.Uri;
  catalog(): Promise<Catalog>;
  log(message: string): void;
}

/** Findings are recomputed at most this often while diagnostics stream in. */
const FINDINGS_REFRESH_MS = 300;

/**
 * The one Infra Coach panel: a webview showing a skill page or rule doc, with the workspace's findings for
 * it. The webview is untrusted: it can only post the messages in `messages.ts`, and every link it reports
 * is classified again here before anything opens.
 */
export class CoachPanel implements vscode.Disposable {
  private static current: CoachPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly history: PanelTarget[] = [];
  private shown: { target: PanelTarget; loaded: LoadedPage; findings: WorkspaceFinding[] } | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;

  static async show(host: CoachPanelHost, target: PanelTarget): Promise<void> {
    if (!CoachPanel.current) {
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Infra Coach', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        ...webviewOptions(host),
        enableFindWidget: true,
      });
      CoachPanel.current = new CoachPanel(panel, host);
    } else {
      CoachPanel.current.panel.reveal(undefined, false);
    }
    await CoachPanel.current.navigate(target, true);
  }

  /**
   * Brings back the panel the editor kept across a reload, showing the page it showed (saved by the panel's
   * script); a state that names no valid page closes it.
   */
  static async restore(host: CoachPanelHost, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const target = targetOfSavedState(state);
    if (!target || CoachPanel.current) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(host);
    CoachPanel.current = new CoachPanel(panel, host);
    await CoachPanel.current.navigate(target, false);
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly host: CoachPanelHost) {
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'infracoach.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleFindingsRefresh()),
    );
  }

  dispose(): void {
    if (CoachPanel.current === this) CoachPanel.current = undefined;
    clearTimeout(this.refreshTimer);
    this.disposables.forEach((disposable) => disposable.dispose());
    this.panel.dispose();
  }

  private async navigate(target: PanelTarget, remember: boolean): Promise<void> {
    const catalog = await this.host.catalog();
    const read = async (path: string) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.host.extensionUri, path)));
      } catch {
        return undefined;
      }
    };
    const loaded = await loadPage(catalog, target, read);
    if (!loaded) {
      this.host.log(`Infra Coach panel: nothing to show for ${target.page.kind} ${target.page.id}`);
      return;
    }
    if (remember && this.shown) this.history.push(this.shown.target);
    const findings = this.findingsFor(catalog, loaded);
    this.shown = { target, loaded, findings };
    this.panel.title = `Infra Coach: ${loaded.title}`;
    this.panel.webview.html = this.documentFor(loaded, findings);
  }

  private findingsFor(catalog: Catalog, loaded: LoadedPage): WorkspaceFinding[] {
    const { scope } = loaded;
    return workspaceFindings(catalog).filter((finding) =>
      scope.kind === 'rule' ? finding.ruleId === scope.ruleId : finding.topic.split('#')[0] === scope.skillId);
  }

  private panelFindings(findings: readonly WorkspaceFinding[]): PanelFinding[] {
    return findings.map((finding) => ({
      file: vscode.workspace.asRelativePath(finding.uri, false),
      line: finding.range.start.line + 1,
      message: finding.message,
      ruleId: finding.ruleId,
      severity: finding.severity,
    }));
  }

  private documentFor(loaded: LoadedPage, findings: readonly WorkspaceFinding[]): string {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    const resolve = (href: string): ResolvedLink | undefined => {
      const link = classifyLink(loaded.path, href);
      if (!link) return undefined;
      if (link.kind === 'anchor') return link;
      if (link.kind === 'external') return { kind: 'navigate', href: link.url };
      return { kind: 'navigate', href };
    };
    const rendered = renderMarkdown(loaded.markdown, resolve);
    return pageHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('hex'),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.js')).toString(),
      locale: loaded.locale,
      pageKey: `${loaded.page.kind}:${loaded.page.id}`,
      anchor: loaded.anchor && rendered.ids.includes(loaded.anchor) ? loaded.anchor : undefined,
      notice: loaded.notice,
      bannerHtml: loaded.bannerMarkdown ? renderInline(loaded.bannerMarkdown, resolve) : undefined,
      bodyHtml: rendered.html,
      findingsHtml: findingsHtml(this.panelFindings(findings), loaded.locale, loaded.scope.kind),
      canGoBack: this.history.length > 0,
      otherLanguageAvailable: true,
    });
  }

  private scheduleFindingsRefresh(): void {
    if (this.refreshTimer || !this.shown) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refreshFindings();
    }, FINDINGS_REFRESH_MS);
  }

  /** Replaces only the findings list, so the reader keeps their place on the page. */
  private async refreshFindings(): Promise<void> {
    const shown = this.shown;
    if (!shown || !this.panel.visible) return;
    const findings = this.findingsFor(await this.host.catalog(), shown.loaded);
    if (this.shown !== shown) return;
    shown.findings = findings;
    await this.panel.webview.postMessage({ type: 'findings', html: findingsHtml(this.panelFindings(findings), shown.loaded.locale, shown.loaded.scope.kind) });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message: PanelMessage | undefined = parsePanelMessage(raw);
    const shown = this.shown;
    if (!message || !shown) return;
    try {
      if (message.type === 'finding') {
        const finding = shown.findings[message.index];
        if (finding) await revealFinding(finding, this.panel.viewColumn);
      } else if (message.type === 'navigate') {
        await this.follow(shown.loaded, message.href);
      } else if (message.action === 'back') {
        const previous = this.history.pop();
        if (previous) await this.navigate(previous, false);
      } else if (message.action === 'language') {
        const { page } = shown.target;
        const other: PageRef = { ...page, locale: page.locale === 'en' ? 'ja' : 'en' };
        await this.navigate({ page: other, anchor: shown.target.anchor }, true);
      } else {
        await vscode.commands.executeCommand(SKILL_MAP_CONTAINER_COMMAND);
      }
    } catch (error) {
      this.host.log(`Infra Coach panel: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async follow(from: LoadedPage, href: string): Promise<void> {
    const link = classifyLink(from.path, href);
    if (!link) return;
    if (link.kind === 'external') {
      // The editor's own link protection asks before opening a domain the user has not trusted.
      await vscode.env.openExternal(vscode.Uri.parse(link.url, true));
    } else if (link.kind === 'anchor') {
      await this.panel.webview.postMessage({ type: 'scroll', anchor: link.anchor });
    } else if (link.page.kind === from.page.kind && link.page.id === from.page.id && link.page.locale === from.page.locale && link.anchor) {
      await this.panel.webview.postMessage({ type: 'scroll', anchor: link.anchor });
    } else {
      await this.navigate({ page: link.page, anchor: link.anchor }, true);
    }
  }
}

/** The webview may run our script only, open no command links, and load files from the extension's media folder alone. */
function webviewOptions(host: CoachPanelHost): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(host.extensionUri, 'media')] };
}
