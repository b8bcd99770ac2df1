/** Splits shell text into simple commands well enough to reason about what a `RUN` executes; not a full shell parser. */

export interface SimpleCommand {
  /** Words with quotes removed; leading `VAR=value` assignments and wrappers like `sudo` are kept. */
  words: string[];
  /** Where each word stands in the text it was split from. */
  spans: { start: number; end: number }[];
  /** Offset of the command's first character in the text it was split from. */
  start: number;
  end: number;
}

const SEPARATORS = ['&&', '||', ';', '|', '&', '\n', '(', ')', '{', '}'];

/** Joins continuation lines so that offsets still map to the original text (backslash-newline becomes two spaces). */
export function joinContinuations(text: string, escape = '\\'): string {
  const pattern = escape === '`' ? /`(\r?\n)/g : /\\(\r?\n)/g;
  return text.replace(pattern, (_whole, eol: string) => ' '.repeat(1 + eol.length));
}

export function splitCommands(text: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let spans: { start: number; end: number }[] = [];
  let wordStart = 0;
  let word = '';
  let wordStarted = false;
  let commandStart = -1;
  let quote: string | null = null;
  let position = 0;
  const finishWord = () => {
    if (wordStarted) {
      words.push(word);
      spans.push({ start: wordStart, end: position });
    }
    word = '';
    wordStarted = false;
  };
  const finishCommand = (end: number) => {
    finishWord();
    if (words.length > 0) commands.push({ words, spans, start: commandStart, end });
    words = [];
    spans = [];
    commandStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    position = i;
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
      continue;
    }
    if (ch === '#' && !wordStarted && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
      finishCommand(i);
      continue;
    }
    const separator = SEPARATORS.find((s) => text.startsWith(s, i));
    if (separator) {
      finishCommand(i);
      i += separator.length - 1;
      continue;
    }
    if (/\s/.test(ch)) {
      finishWord();
      continue;
    }
    if (commandStart < 0) commandStart = i;
    if (!wordStarted) wordStart = i;
    wordStarted = true;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\' && i + 1 < text.length) word += text[++i];
    else word += ch;
  }
  position = text.length;
  finishCommand(text.length);
  return commands;
}

const WRAPPERS = new Set(['sudo', 'env', 'exec', 'time', 'nohup', 'xargs']);

/** Index of the executed program's word: skips `VAR=value` prefixes and wrappers like `sudo`. */
export function programIndex(command: SimpleCommand): number {
  let i = 0;
  while (i < command.words.length) {
    const current = command.words[i];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(current) || WRAPPERS.has(current)) i++;
    else if (current.startsWith('-') && i > 0 && WRAPPERS.has(command.words[i - 1])) i++;
    else break;
  }
  return i;
}

/** The words from the executed program on. */
export function programWords(command: SimpleCommand): string[] {
  return command.words.slice(programIndex(command));
}
