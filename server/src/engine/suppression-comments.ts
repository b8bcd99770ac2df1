import type { LineSpan, SuppressionScopes } from './suppression-scopes';
import type { LineIndex } from './text';
import type { Language } from './types';

/** One comment in the file: where its marker starts and its text from the marker on. */
export interface Comment {
  line: number;
  /** Column (UTF-16) of `#` or `//`. */
  column: number;
  /** The comment's text, marker included, trailing whitespace removed. */
  text: string;
  /** True when nothing but whitespace precedes it on its line. */
  ownLine: boolean;
}

/**
 * Comments of a file, read line by line. Dockerfile and YAML suppressions must stand on their own line; in
 * Terraform, trailing comments count too because tfsec and trivy accept them there. Text inside quoted
 * strings is skipped so a `#` in a value is not taken for a comment.
 */
export function scanComments(language: Language, lines: LineIndex): Comment[] {
  const comments: Comment[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const indent = text.length - text.trimStart().length;
    const rest = text.slice(indent);
    if (rest.startsWith('#') || (language === 'terraform' && rest.startsWith('//'))) {
      comments.push({ line, column: indent, text: rest.trimEnd(), ownLine: true });
    } else if (language === 'terraform') {
      const column = trailingCommentColumn(text);
      if (column !== undefined) comments.push({ line, column, text: text.slice(column).trimEnd(), ownLine: false });
    }
  }
  return comments;
}

function trailingCommentColumn(text: string): number | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      return i;
    }
  }
  return undefined;
}

/** The first line after `line` that holds code: not blank and not a comment of its own. */
export function nextCodeLine(language: Language, lines: LineIndex, line: number): number | undefined {
  for (let next = line + 1; next < lines.lineCount; next++) {
    const text = lines.lineText(next).trim();
    if (text === '' || text.startsWith('#') || (language === 'terraform' && text.startsWith('//'))) continue;
    return next;
  }
  return undefined;
}

/**
 * What a comment above `line` covers: the statement starting there (a Dockerfile instruction with its
 * continuation lines, a multi-line Terraform attribute), else just that line.
 */
export function statementAt(scopes: SuppressionScopes, line: number): LineSpan {
  let widest: LineSpan = { first: line, last: line };
  for (const span of scopes.statements) if (span.first === line && span.last > widest.last) widest = span;
  return widest;
}

/** The instruction or statement that contains `line`, so a comment can be put above its first line. */
export function statementContaining(scopes: SuppressionScopes, line: number): LineSpan {
  let outermost: LineSpan = { first: line, last: line };
  for (const span of scopes.statements) {
    if (span.first <= line && line <= span.last && span.first < outermost.first) outermost = span;
  }
  return outermost;
}

export function spanContains(span: LineSpan, line: number): boolean {
  return span.first <= line && line <= span.last;
}
