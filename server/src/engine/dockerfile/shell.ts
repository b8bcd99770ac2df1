/**
 * Splits shell text into simple commands well enough to reason about what a `RUN` executes; not a full shell
 * parser. It knows quotes, escapes, comments, `$( … )`/backquote/`<( … )` substitutions, `${ … }`, subshells,
 * brace groups, shell heredocs and the control operators, which is what the rules need to tell "the program
 * that runs" and "how commands are chained" apart.
 */

import { closingBackquote, closingParen, isBlankAt, isQuotedSpecialAt, isSpecialAt } from './shell-scan';

export interface SimpleCommand {
  /** Words with quotes removed; leading `VAR=value` assignments and wrappers like `sudo` are kept. */
  words: string[];
  /** Where each word stands in the text it was split from. */
  spans: { start: number; end: number }[];
  /** Offset of the command's first character in the text it was split from. */
  start: number;
  /** Offset just past its last word. */
  end: number;
}

export interface ShellCommand extends SimpleCommand {
  /** The operator that ends the command: `&&`, `||`, `;`, `;;`, `|`, `|&`, `&`, a newline, `(`/`)`, or `''` at the end. */
  operator: string;
  /** How many `( … )` subshells enclose the command; a `cd` inside one does not outlive it. */
  subshellDepth: number;
  /** True inside a `$( … )`, backquote or `<( … )` substitution: the command runs, but not as a step of the chain. */
  substitution: boolean;
  /** The reserved word just before the command (`if`, `then`, `!`, …); `if`/`while`/`until`/`elif`/`!` make it a condition. */
  keyword?: string;
}

/** Words that open or close a compound command; the program that runs is the word after them. */
const RESERVED_AT_START = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac']);
const OPERATORS = ['&&', '||', ';;', '|&', ';', '|', '&', '\n'];
const OPERATOR_STARTS = new Set(OPERATORS.map((operator) => operator[0]));
/**
 * Command substitutions nested deeper than this stay plain text inside their word: real scripts nest two or
 * three levels, and unbounded recursion overflowed the stack on `$($($(…)))` (found by the fuzzer).
 */
const MAX_SUBSTITUTION_DEPTH = 32;

class Splitter {
  readonly commands: ShellCommand[] = [];
  /** Offset just past the last word or closing `)` read, reserved words included; -1 before any. */
  lastTokenEnd = -1;
  private words: string[] = [];
  private spans: { start: number; end: number }[] = [];
  private word = '';
  private wordStart = -1;
  private depth = 0;
  private pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  /** Open `case … esac` statements, and whether the words read now are patterns (`amd64 | arm64)`). */
  private caseDepth = 0;
  private keyword: string | undefined;
  private inCasePattern = false;
  /** Set after a bare `<<`/`<<-` word: the next word is the heredoc's delimiter. */
  private expectDelimiter: 'strip' | 'keep' | undefined;

  constructor(private readonly text: string, private readonly offset: number, private readonly substitution: boolean, private readonly level = 0) {}

  split(): ShellCommand[] {
    const { text } = this;
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (isBlankAt(text, i)) {
        // Indentation and joined continuations make long runs of blanks: one word end, then skip them all.
        this.finishWord(i);
        i++;
        while (i < text.length && isBlankAt(text, i)) i++;
      } else if (ch === "'") {
        this.startWord(i);
        const close = text.indexOf("'", i + 1);
        const end = close < 0 ? text.length : close;
        this.word += text.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        this.startWord(i);
        i = this.doubleQuoted(i + 1);
      } else if (ch === '\\') {
        this.startWord(i);
        if (text[i + 1] === '\n') i += 2;
        else {
          this.word += text[i + 1] ?? '';
          i += 2;
        }
      } else if (ch === '$' && text[i + 1] === '(') {
        this.startWord(i);
        i = this.substitute(i, text[i + 2] === '(' ? 3 : 2, text[i + 2] !== '(');
      } else if ((ch === '<' || ch === '>') && text[i + 1] === '(' && this.wordStart < 0) {
        this.startWord(i);
        i = this.substitute(i, 2, true);
      } else if (ch === '`') {
        this.startWord(i);
        const end = closingBackquote(text, i + 1);
        this.nested(i + 1, Math.max(i + 1, end - 1));
        this.word += text.slice(i, end);
        i = end;
      } else if (ch === '$' && text[i + 1] === '{') {
        this.startWord(i);
        const close = text.indexOf('}', i + 2);
        const end = close < 0 ? text.length : close + 1;
        this.word += text.slice(i, end);
        i = end;
      } else if (ch === '#' && this.wordStart < 0) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (ch === '(' && this.wordStart < 0 && this.words.length === 0) {
        this.finishCommand(i, '(');
        this.depth++;
        i++;
      } else if (ch === ')') {
        const closesPattern = this.inCasePattern;
        this.finishCommand(i, ')');
        this.lastTokenEnd = this.offset + i + 1;
        if (closesPattern) this.inCasePattern = false;
        else if (this.depth > 0) this.depth--;
        i++;
      } else if (ch === '|' && this.inCasePattern) {
        // `amd64 | arm64)` lists case patterns; it is not a pipe.
        this.finishWord(i);
        i++;
      } else {
        const operator = OPERATOR_STARTS.has(ch) ? this.operatorAt(i) : undefined;
        if (operator) {
          this.finishCommand(i, operator);
          if (operator === ';;' && this.caseDepth > 0) this.inCasePattern = true;
          i += operator.length;
          if (operator === '\n') i = this.skipHeredocBodies(i);
        } else {
          // Ordinary characters are taken as one run: most of a script is plain words.
          this.startWord(i);
          let end = i + 1;
          while (end < text.length && !isSpecialAt(text, end)) end++;
          this.word += text.slice(i, end);
          i = end;
        }
      }
    }
    this.finishCommand(text.length, '');
    return this.commands;
  }

  private operatorAt(i: number): string | undefined {
    const { text } = this;
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (!operator) return undefined;
    // Redirections such as `2>&1`, `&>file` and `>|file` are parts of words, not operators.
    if (operator === '&' && (this.word.endsWith('>') || this.word.endsWith('<') || text[i + 1] === '>')) return undefined;
    if (operator === '|' && this.word.endsWith('>')) return undefined;
    return operator;
  }

  private doubleQuoted(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) {
        this.word += '"\\$`\n'.includes(text[i + 1]) ? text[i + 1] : text.slice(i, i + 2);
        i += 2;
      } else if (text[i] === '$' && text[i + 1] === '(') {
        i = this.substitute(i, text[i + 2] === '(' ? 3 : 2, text[i + 2] !== '(');
      } else if (text[i] === '`') {
        const end = closingBackquote(text, i + 1);
        this.nested(i + 1, Math.max(i + 1, end - 1));
        this.word += text.slice(i, end);
        i = end;
      } else {
        // A run of quoted characters with no escape, substitution or closing quote is taken at once.
        let end = i + 1;
        while (end < text.length && !isQuotedSpecialAt(text, end)) end++;
        this.word += text.slice(i, end);
        i = end;
      }
    }
    return i + 1;
  }

  /** Keeps `$( … )` in the word as written and, unless it is arithmetic, also reads the commands inside. */
  private substitute(at: number, openerLength: number, hasCommands: boolean): number {
    const end = closingParen(this.text, at + openerLength);
    if (hasCommands) this.nested(at + openerLength, Math.max(at + openerLength, end - 1));
    this.word += this.text.slice(at, end);
    return end;
  }

  private nested(start: number, end: number): void {
    if (this.level >= MAX_SUBSTITUTION_DEPTH) return;
    const inner = new Splitter(this.text.slice(start, end), this.offset + start, true, this.level + 1).split();
    for (const command of inner) this.commands.push({ ...command, subshellDepth: command.subshellDepth + this.depth });
  }

  private startWord(i: number): void {
    if (this.wordStart < 0) this.wordStart = i;
  }

  private finishWord(end: number): void {
    if (this.wordStart < 0) return;
    this.lastTokenEnd = this.offset + end;
    const heredoc = this.word.startsWith('<<') ? /^<<(-?)(.*)$/.exec(this.word) : null;
    if (this.expectDelimiter) {
      this.pendingHeredocs.push({ delimiter: this.word, stripTabs: this.expectDelimiter === 'strip' });
      this.expectDelimiter = undefined;
    } else if (heredoc && this.text[this.wordStart + 2] !== '<') {
      const stripTabs = heredoc[1] === '-';
      if (heredoc[2]) this.pendingHeredocs.push({ delimiter: heredoc[2], stripTabs });
      else this.expectDelimiter = stripTabs ? 'strip' : 'keep';
    }
    const unquoted = end - this.wordStart === this.word.length && this.text.startsWith(this.word, this.wordStart);
    const reserved = this.words.length === 0 && RESERVED_AT_START.has(this.word) && unquoted;
    if (unquoted && this.words.length === 0 && this.word === 'case') this.caseDepth++;
    if (reserved && this.word === 'esac' && this.caseDepth > 0) {
      this.caseDepth--;
      this.inCasePattern = false;
    }
    if (unquoted && this.word === 'in' && this.words.length === 2 && this.words[0] === 'case') this.inCasePattern = true;
    if (reserved) this.keyword = this.word;
    else {
      this.words.push(this.word);
      this.spans.push({ start: this.offset + this.wordStart, end: this.offset + end });
    }
    this.word = '';
    this.wordStart = -1;
  }

  private finishCommand(end: number, operator: string): void {
    this.finishWord(end);
    if (this.words.length > 0) {
      this.commands.push({
        words: this.words,
        spans: this.spans,
        start: this.spans[0].start,
        end: this.spans[this.spans.length - 1].end,
        operator,
        subshellDepth: this.depth,
        substitution: this.substitution,
        ...(this.keyword ? { keyword: this.keyword } : {}),
      });
    }
    this.keyword = undefined;
    this.words = [];
    this.spans = [];
  }

  /** After a line that opened shell heredocs (`cat <<EOF > file`), their bodies are data, not commands. */
  private skipHeredocBodies(from: number): number {
    let i = from;
    for (const { delimiter, stripTabs } of this.pendingHeredocs) {
      while (i < this.text.length) {
        const lineEnd = this.text.indexOf('\n', i);
        const end = lineEnd < 0 ? this.text.length : lineEnd;
        let line = this.text.slice(i, end).replace(/\r$/, '');
        if (stripTabs) line = line.replace(/^\t+/, '');
        i = end + 1;
        if (line === delimiter) break;
      }
    }
    this.pendingHeredocs = [];
    return Math.min(i, this.text.length);
  }
}

export function splitCommands(text: string): ShellCommand[] {
  return new Splitter(text, 0, false).split();
}

/**
 * The commands plus where the script's last token ends: where an appended `&& cleanup` belongs (after `fi`, `done`, …).
 * Offsets are counted from `offset`, so a caller that split a slice of a file gets file offsets without copying.
 */
export function splitScript(text: string, offset = 0): { commands: ShellCommand[]; lastTokenEnd: number } {
  const splitter = new Splitter(text, offset, false);
  const commands = splitter.split();
  return { commands, lastTokenEnd: splitter.lastTokenEnd };
}

// What a command runs lives beside it; re-exported so existing imports keep working.
export { programIndex, programName, programWords, wrapperWords } from './wrappers';
