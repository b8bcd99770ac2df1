import * as vscode from 'vscode';
import type { Catalog, CatalogSkill } from '../../../server/src/lsp/catalog';
import { workspaceFindings, type WorkspaceFinding } from '../findings';
import { tallyBySkill, whatToLearnNext, type SkillTally } from './model';

export const SKILL_MAP_VIEW = 'infracoach.skillMap';
const EXPLAIN_COMMAND = 'infracoach.explainSkill';

/** Diagnostics arrive in bursts while files are checked; the tree is rebuilt at most this often. */
const REFRESH_MS = 300;

type Node =
  | { kind: 'next'; skills: string[] }
  | { kind: 'skill'; skill: CatalogSkill; tally: SkillTally | undefined; suggested: boolean }
  | { kind: 'finding'; finding: WorkspaceFinding };

interface Snapshot {
  catalog: Catalog;
  findings: WorkspaceFinding[];
  tallies: Map<string, SkillTally>;
}

const SEVERITY_ICONS: Record<WorkspaceFinding['severity'], string> = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' };

/** The skill tree with the workspace's findings per skill, and a "what to learn next" summary on top. */
export class SkillMapProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: Snapshot | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[];
  private view: vscode.TreeView<Node> | undefined;

  constructor(private readonly catalog: () => Promise<Catalog>) {
    this.disposables = [
      this.changed,
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('infracoach.language')) this.scheduleRefresh();
      }),
    ];
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.changed.fire(undefined);
    }, REFRESH_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const catalog = await this.catalog();
      const findings = workspaceFindings(catalog);
      const tallies = tallyBySkill(findings);
      this.snapshot = { catalog, findings, tallies };
      this.updateBadge(findings.length);
      const next = whatToLearnNext(tallies, catalog.skills.map((skill) => skill.id));
      return [
        { kind: 'next', skills: next },
        ...catalog.skills.map((skill): Node => ({ kind: 'skill', skill, tally: tallies.get(skill.id), suggested: false })),
      ];
    }
    const snapshot = this.snapshot;
    if (!snapshot) return [];
    if (node.kind === 'next') {
      return node.skills
        .map((id) => snapshot.catalog.skills.find((skill) => skill.id === id))
        .filter((skill): skill is CatalogSkill => skill !== undefined)
        .map((skill) => ({ kind: 'skill', skill, tally: snapshot.tallies.get(skill.id), suggested: true }));
    }
    if (node.kind === 'skill' && !node.suggested) {
      return snapshot.findings.filter((finding) => finding.topic.split('#')[0] === node.skill.id).map((finding) => ({ kind: 'finding', finding }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const locale = this.snapshot?.catalog.locale ?? 'en';
    if (node.kind === 'next') {
      const item = new vscode.TreeItem(vscode.l10n.t('What to learn next'), node.skills.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('lightbulb');
      item.description = node.skills.length > 0 ? vscode.l10n.t('the skills with the most findings') : vscode.l10n.t('no findings yet: open a Dockerfile, manifest or Terraform file');
      item.contextValue = 'infracoach.next';
      return item;
    }
    if (node.kind === 'skill') {
      const count = node.tally?.findings ?? 0;
      const expandable = count > 0 && !node.suggested;
      const item = new vscode.TreeItem(`${node.skill.id} ${node.skill.title[locale]}`, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `${node.suggested ? 'next' : 'skill'}:${node.skill.id}`;
      item.description = count === 0 ? '' : count === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', count);
      item.tooltip = `${node.skill.title.en} / ${node.skill.title.ja}`;
      item.iconPath = new vscode.ThemeIcon(count === 0 ? 'mortar-board' : (node.tally?.errors ?? 0) > 0 ? 'error' : 'warning');
      item.command = { title: vscode.l10n.t('Explain this skill'), command: EXPLAIN_COMMAND, arguments: [{ skill: node.skill.id }] };
      item.contextValue = 'infracoach.skill';
      return item;
    }
    const { finding } = node;
    const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${vscode.workspace.asRelativePath(finding.uri, false)}:${finding.range.start.line + 1}`;
    item.tooltip = `${finding.ruleId}: ${finding.message}`;
    item.iconPath = new vscode.ThemeIcon(SEVERITY_ICONS[finding.severity]);
    item.resourceUri = finding.uri;
    item.command = { title: vscode.l10n.t('Go to finding'), command: 'vscode.open', arguments: [finding.uri, { selection: finding.range }] };
    item.contextValue = 'infracoach.finding';
    return item;
  }

  private updateBadge(total: number): void {
    if (!this.view) return;
    this.view.badge = total > 0 ? { value: total, tooltip: total === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', total) } : undefined;
  }
}

export function registerSkillMap(catalog: () => Promise<Catalog>): vscode.Disposable {
  const provider = new SkillMapProvider(catalog);
  const view = vscode.window.createTreeView(SKILL_MAP_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return vscode.Disposable.from(provider, view);
}
