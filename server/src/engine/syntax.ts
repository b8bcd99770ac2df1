import type { ParsedDocuments } from './rule';
import type { Language, Locale, Range } from './types';

export interface SyntaxProblem {
  range: Range;
  message: string;
}

/**
 * Where a file first fails to parse. Findings are still produced for the parts that parse; a one-shot run
 * (the CLI) says the file is broken so that "no findings" is never mistaken for "clean". The editor leaves
 * syntax errors to the language's own extension.
 */
export function firstSyntaxProblem(parsed: ParsedDocuments[Language], locale: Locale): SyntaxProblem | undefined {
  let offset: number | undefined;
  let detail = '';
  if (parsed.language === 'terraform' && parsed.hasSyntaxErrors) {
    offset = parsed.firstSyntaxErrorAt ?? 0;
  } else if (parsed.language === 'kubernetes') {
    for (const document of parsed.documents) {
      const error = document.yaml.errors[0];
      if (error) {
        offset = error.pos[0];
        detail = error.code;
        break;
      }
    }
  }
  if (offset === undefined) return undefined;
  const start = parsed.lines.positionAt(offset);
  const range = { start, end: { line: start.line, character: parsed.lines.lineEnd(start.line) - parsed.lines.lineStart(start.line) } };
  const line = start.line + 1;
  const message = locale === 'ja'
    ? `${line} 行目に構文エラーがあります${detail ? `（${detail}）` : ''}。解析できた部分だけを検査しました。`
    : `Syntax error at line ${line}${detail ? ` (${detail})` : ''}; only the parts that parse were checked.`;
  return { range, message };
}
