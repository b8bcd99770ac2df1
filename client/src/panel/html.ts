/**
 * The panel's HTML document: a strict Content-Security-Policy, the toolbar, the rendered page and the list of
 * workspace findings. Workspace text (file names, messages) only ever enters through `escapeHtml`.
 * No `vscode` import, so it is unit-tested under node.
 */
import type { PageLocale } from './links';
import { escapeHtml } from './markdown-inline';

export type PanelSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface PanelFinding {
  /** Workspace-relative file name, as shown. */
  file: string;
  /** 1-based, as shown. */
  line: number;
  message: string;
  ruleId: string;
  severity: PanelSeverity;
}

/** Findings listed before the panel says "and N more"; the skill map has them all. */
export const MAX_LISTED_FINDINGS = 200;

const STRINGS = {
  en: {
    back: 'Back',
    otherLanguage: '日本語',
    otherLanguageTitle: 'Show this page in Japanese',
    skillMap: 'Skill map',
    findingsForSkill: 'Findings in this workspace for this skill',
    findingsForRule: 'Findings in this workspace for this rule',
    noFindings: 'No findings here in the files Infra Coach has checked. Open or check more files to see them.',
    more: (count: number) => `…and ${count} more (see the skill map).`,
    severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
    untranslated: 'This page has no English version yet, so the Japanese one is shown.',
    pageMissing: 'This page has not been written yet.',
    rulesForSkill: 'Rules that coach this skill',
    skill: 'Skill',
  },
  ja: {
    back: '戻る',
    otherLanguage: 'English',
    otherLanguageTitle: 'このページを英語で表示',
    skillMap: 'スキルマップ',
    findingsForSkill: 'このワークスペースでこのスキルに関する指摘',
    findingsForRule: 'このワークスペースでこのルールの指摘',
    noFindings: 'Infra Coach が検査したファイルには指摘はありません。ほかのファイルを開くか検査すると表示されます。',
    more: (count: number) => `…ほか ${count} 件（スキルマップを参照）。`,
    severity: { error: 'エラー', warning: '警告', info: '情報', hint: 'ヒント' },
    untranslated: 'このページの日本語版はまだないため、英語版を表示しています。',
    pageMissing: 'このページはまだ書かれていません。',
    rulesForSkill: 'このスキルを指導するルール',
    skill: 'スキル',
  },
} as const;

export function panelStrings(locale: PageLocale) {
  return STRINGS[locale];
}

/**
 * Nothing loads unless listed: no remote content, scripts only with this render's nonce, styles and images
 * only from the extension's media folder (which is also the webview's only local resource root).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function findingsHtml(findings: readonly PanelFinding[], locale: PageLocale, scope: 'skill' | 'rule'): string {
  const strings = STRINGS[locale];
  const heading = `<h2 id="infracoach-findings">${escapeHtml(scope === 'skill' ? strings.findingsForSkill : strings.findingsForRule)} (${findings.length})</h2>`;
  if (findings.length === 0) return `${heading}\n<p class="no-findings">${escapeHtml(strings.noFindings)}</p>`;
  const items = findings.slice(0, MAX_LISTED_FINDINGS).map((finding, index) => [
    `<li class="finding sev-${finding.severity}">`,
    `<span class="severity">${escapeHtml(strings.severity[finding.severity])}</span> `,
    `<a class="nav location" tabindex="0" role="link" data-finding="${index}">${escapeHtml(finding.file)}:${Math.max(1, Math.trunc(finding.line))}</a> `,
    `<span class="message">${escapeHtml(finding.message)}</span> `,
    `<code class="rule">${escapeHtml(finding.ruleId)}</code>`,
    '</li>',
  ].join(''));
  const more = findings.length > MAX_LISTED_FINDINGS ? `\n<p class="more">${escapeHtml(strings.more(findings.length - MAX_LISTED_FINDINGS))}</p>` : '';
  return `${heading}\n<ul class="findings">\n${items.join('\n')}\n</ul>${more}`;
}

export interface PageDocument {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
  locale: PageLocale;
  /** `skill:<id>` or `rule:<id>`; lets tests and e2e tell which page is shown. */
  pageKey: string;
  /** Where to scroll once loaded. */
  anchor?: string;
  /** Plain text shown above the page, e.g. that a translation is missing. */
  notice?: string;
  /** Trusted HTML from this module's callers: the skill banner built from `renderInline`. */
  bannerHtml?: string;
  /** Output of `renderMarkdown`. */
  bodyHtml: string;
  /** Output of `findingsHtml`. */
  findingsHtml: string;
  canGoBack: boolean;
  otherLanguageAvailable: boolean;
}

export function pageHtml(page: PageDocument): string {
  const strings = STRINGS[page.locale];
  const button = (action: string, label: string, enabled: boolean, title = label) =>
    `<button type="button" data-action="${action}" title="${escapeHtml(title)}"${enabled ? '' : ' disabled'}>${escapeHtml(label)}</button>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${page.locale}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(page.cspSource, page.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">`,
    '</head>',
    `<body data-page="${escapeHtml(page.pageKey)}"${page.anchor ? ` data-anchor="${escapeHtml(page.anchor)}"` : ''}>`,
    '<nav class="toolbar">',
    button('back', strings.back, page.canGoBack),
    button('language', strings.otherLanguage, page.otherLanguageAvailable, strings.otherLanguageTitle),
    button('skillMap', strings.skillMap, true),
    '</nav>',
    page.notice ? `<p class="notice">${escapeHtml(page.notice)}</p>` : '',
    page.bannerHtml ? `<p class="banner">${page.bannerHtml}</p>` : '',
    `<main class="page">\n${page.bodyHtml}</main>`,
    `<section id="findings" class="findings-section">\n${page.findingsHtml}\n</section>`,
    `<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].filter((line) => line !== '').join('\n');
}
