import type { KubernetesDocument } from './kubernetes/parse';
import type { UnanalysableReason } from './kubernetes/yaml-bounds';
import type { ParsedDocuments } from './rule';
import type { Language, Locale, LocalizedText, Range } from './types';

/**
 * Limits that keep the editor responsive whatever the workspace holds: oversized files are skipped with one
 * notice, binary files silently, and rule evaluation stops cleanly when a file has used its time budget.
 */

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/** Per file, for all rules together. Generous: a typical file takes a few milliseconds. */
export const DEFAULT_TIME_BUDGET_MS = 2_000;

/** Engine messages that are not findings of a rule: the user learns why a file was not (fully) checked. */
export type NoticeCode = 'infracoach/file-too-large' | 'infracoach/not-analysed' | 'infracoach/time-budget' | 'infracoach/internal-error';

export interface Notice {
  code: NoticeCode;
  message: string;
  range: Range;
}

export type SkipReason = 'binary' | 'too-large';

/** UTF-8 size of a string without allocating a buffer (the engine does not depend on node's Buffer). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function exceedsSize(text: string, maxBytes: number): boolean {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: most files are decided without counting.
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Length(text) > maxBytes;
}

/** Why a file must not be checked at all: binary content (a NUL byte) or more bytes than allowed. */
export function skipReason(text: string, maxFileSize: number = DEFAULT_MAX_FILE_SIZE): SkipReason | undefined {
  if (text.includes('\0')) return 'binary';
  if (Number.isFinite(maxFileSize) && maxFileSize > 0 && exceedsSize(text, maxFileSize)) return 'too-large';
  return undefined;
}

function firstLineRange(text: string): Range {
  const end = text.search(/[\r\n]/);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: end === -1 ? Math.min(text.length, 1_000) : end } };
}

function pick(message: LocalizedText, locale: Locale): string {
  return message[locale];
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function fileTooLargeNotice(text: string, maxFileSize: number, locale: Locale): Notice {
  const size = megabytes(maxFileSize);
  return {
    code: 'infracoach/file-too-large',
    message: pick({
      en: `Infra Coach skipped this file: it is larger than ${size} MB (setting infracoach.maxFileSize). Split it or raise the limit to check it.`,
      ja: `このファイルは ${size} MB（設定 infracoach.maxFileSize）を超えるため、Infra Coach は検査しませんでした。検査するにはファイルを分割するか上限を引き上げてください。`,
    }, locale),
    range: firstLineRange(text),
  };
}

export function timeBudgetNotice(budgetMs: number, skippedRules: number, locale: Locale): Notice {
  return {
    code: 'infracoach/time-budget',
    message: pick({
      en: `Infra Coach stopped checking this file after ${budgetMs} ms; ${skippedRules} rule(s) did not run. Smaller files are checked completely.`,
      ja: `Infra Coach は ${budgetMs} ミリ秒でこのファイルの検査を打ち切りました。${skippedRules} 個のルールが実行されていません。小さなファイルなら最後まで検査されます。`,
    }, locale),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

export function internalErrorNotice(language: Language, locale: Locale): Notice {
  return {
    code: 'infracoach/internal-error',
    message: pick({
      en: `Infra Coach could not read this ${language} file and did not check it. This is a bug in Infra Coach; the log has the details.`,
      ja: `Infra Coach はこの ${language} ファイルを読み取れず、検査しませんでした。Infra Coach の不具合です。詳細はログにあります。`,
    }, locale),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

const UNANALYSABLE: Record<UnanalysableReason, LocalizedText> = {
  'alias-expansion': {
    en: 'Infra Coach did not analyse this YAML document: its aliases expand without bound (an "alias bomb" or an alias inside its own anchor). Kubernetes rejects such documents too; replace the aliases with plain values.',
    ja: 'この YAML ドキュメントは Infra Coach で解析していません。エイリアスの展開が際限なく膨らみます（いわゆるエイリアス爆弾か、アンカー自身の中のエイリアス）。Kubernetes もこのような文書を拒否します。エイリアスを通常の値に置き換えてください。',
  },
  'nesting-depth': {
    en: 'Infra Coach did not analyse this YAML document: it is nested more than 1,000 levels deep. Real manifests are far shallower; check for a generated or corrupted file.',
    ja: 'この YAML ドキュメントは Infra Coach で解析していません。入れ子が 1,000 階層を超えています。実際のマニフェストはずっと浅いので、生成ミスや破損したファイルでないか確認してください。',
  },
};

const TOO_DEEP_TERRAFORM: LocalizedText = {
  en: 'Infra Coach did not analyse this block: it nests more than a thousand syntax levels deep. Real configurations are far shallower; check for a generated or corrupted file.',
  ja: 'このブロックは Infra Coach で解析していません。構文の入れ子が 1,000 階層を超えています。実際の構成はずっと浅いので、生成ミスや破損したファイルでないか確認してください。',
};

/** Notices the parse left behind: YAML documents and Terraform blocks left out by the nesting and alias bounds, one per file. */
export function parseNotices(parsed: ParsedDocuments[Language], locale: Locale): Notice[] {
  if (parsed.language === 'terraform') {
    if (parsed.tooDeepAt === undefined) return [];
    const start = parsed.lines.positionAt(parsed.tooDeepAt);
    const end = { line: start.line, character: parsed.lines.lineEnd(start.line) - parsed.lines.lineStart(start.line) };
    return [{ code: 'infracoach/not-analysed', message: pick(TOO_DEEP_TERRAFORM, locale), range: { start, end } }];
  }
  if (parsed.language !== 'kubernetes') return [];
  const skipped = (parsed as KubernetesDocument).documents.filter((document) => document.notAnalysed);
  const first = skipped[0]?.notAnalysed;
  if (!first) return [];
  const more = skipped.length - 1;
  const suffix = more === 0 ? '' : locale === 'ja' ? `（ほか ${more} 件のドキュメントも同様です）` : ` (${more} more document(s) in this file were skipped too.)`;
  return [{ code: 'infracoach/not-analysed', message: pick(UNANALYSABLE[first.reason], locale) + suffix, range: first.range }];
}

/** Counts down a file's time; checked between rules, because a synchronous rule cannot be interrupted. */
export class TimeBudget {
  private readonly deadline: number;

  constructor(readonly budgetMs: number = DEFAULT_TIME_BUDGET_MS, private readonly now: () => number = () => performance.now()) {
    this.deadline = now() + budgetMs;
  }

  expired(): boolean {
    return this.now() >= this.deadline;
  }
}

/** The notices described for listings (SARIF's rule table, the suppression actions that must skip them). */
export const NOTICE_CHECKS: readonly { id: NoticeCode; severity: 'info'; title: LocalizedText; description: LocalizedText }[] = [
  {
    id: 'infracoach/file-too-large',
    severity: 'info',
    title: { en: 'File too large to check', ja: '検査するには大きすぎるファイル' },
    description: { en: 'The file is larger than infracoach.maxFileSize and was skipped.', ja: 'ファイルが infracoach.maxFileSize を超えるため検査しませんでした。' },
  },
  {
    id: 'infracoach/not-analysed',
    severity: 'info',
    title: { en: 'YAML document not analysed', ja: '解析しなかった YAML ドキュメント' },
    description: { en: 'A document whose aliases expand without bound, or that is nested too deeply, was skipped.', ja: 'エイリアスの展開が際限なく膨らむか、入れ子が深すぎるドキュメントを検査しませんでした。' },
  },
  {
    id: 'infracoach/time-budget',
    severity: 'info',
    title: { en: 'Checking stopped at the time budget', ja: '制限時間で検査を打ち切り' },
    description: { en: 'Rule evaluation for the file used up its time budget; the remaining rules did not run.', ja: 'このファイルのルール評価が制限時間に達したため、残りのルールは実行されませんでした。' },
  },
  {
    id: 'infracoach/internal-error',
    severity: 'info',
    title: { en: 'File could not be read', ja: 'ファイルを読み取れなかった' },
    description: { en: 'The parser failed on the file; this is a bug in Infra Coach.', ja: 'パーサーがこのファイルで失敗しました。Infra Coach の不具合です。' },
  },
];
