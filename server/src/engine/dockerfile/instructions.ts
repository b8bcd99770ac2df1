/** Small readers over dockerfile-ast instructions that several Dockerfile rules share. */
import type { Argument, Flag, Heredoc, Instruction, Property, PropertyInstruction } from 'dockerfile-ast';
import type { Range, TextEdit } from '../types';
import { Remembered } from './memoize-ast';
import type { DockerfileDocument } from './parse';

/** Heredocs per parsed instruction: several rules ask for them on every RUN and COPY. */
const HEREDOCS = new Remembered<Instruction, readonly Heredoc[]>();

/**
 * The `<<EOF` heredocs of an instruction. dockerfile-ast finds them for every instruction but only `RUN` and
 * `COPY` make the method public; the base class has it, so read it through a structural type.
 */
export function heredocsOf(instruction: Instruction): readonly Heredoc[] {
  return HEREDOCS.of(instruction, () => {
    const read = (instruction as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs;
    // dockerfile-ast re-reads the whole instruction on every call; a heredoc needs a `<<` in the text.
    return typeof read === 'function' && instruction.getTextContent().includes('<') ? read.call(instruction) : [];
  });
}

/** Properties per parsed instruction: dockerfile-ast builds new ones from the text on every call. */
const PROPERTIES = new Remembered<Instruction, readonly Property[]>();

/** The `name=value` properties of an `ENV` or `ARG`; none for other instructions. */
export function propertiesOf(instruction: Instruction): readonly Property[] {
  return PROPERTIES.of(instruction, () => {
    const read = (instruction as Partial<PropertyInstruction>).getProperties;
    return typeof read === 'function' ? read.call(instruction) : [];
  });
}

/** `--name=value` flags of COPY, ADD, RUN, FROM, HEALTHCHECK; none for other instructions. */
export function flagsOf(instruction: Instruction): Flag[] {
  const reader = instruction as unknown as { getFlags?: () => Flag[] };
  return typeof reader.getFlags === 'function' ? reader.getFlags() : [];
}

export function flagValue(instruction: Instruction, name: string): string | undefined {
  const flag = flagsOf(instruction).find((candidate) => candidate.getName().toLowerCase() === name);
  return flag ? flag.getValue() ?? '' : undefined;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function inside(range: Range, outer: Range): boolean {
  return !before(range.start, outer.start) && !before(outer.end, range.end);
}

/** Arguments after the flags, without heredoc markers, bodies and delimiters (`COPY <<EOF /x` → `/x`). */
export function plainArguments(instruction: Instruction): Argument[] {
  const heredocs = heredocsOf(instruction);
  if (heredocs.length === 0) return instruction.getArguments();
  const excluded: Range[] = [];
  for (const heredoc of heredocs) {
    excluded.push(heredoc.getStartRange());
    const content = heredoc.getContentRange();
    if (content) excluded.push(content);
    const delimiter = heredoc.getDelimiterRange();
    if (delimiter) excluded.push(delimiter);
  }
  return instruction.getArguments().filter((argument) => !excluded.some((range) => inside(argument.getRange(), range)));
}

/** The strings of a JSON exec form (`["node", "app.js"]`), or undefined when the instruction is in shell form. */
export function execFormWords(instruction: Instruction): string[] | undefined {
  const content = instruction.getArgumentsContent()?.trim();
  if (!content?.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(content);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * From the instruction's first character to the end of its first line (without a trailing continuation):
 * where rules that flag a whole instruction report, so a finding never spans a 100-line `RUN`.
 */
export function firstLineRange(document: DockerfileDocument, instruction: Instruction): Range {
  const { lines } = document;
  const range = instruction.getRange();
  const line = range.start.line;
  const start = lines.offsetAt(range.start);
  let end = range.end.line === line ? lines.offsetAt(range.end) : lines.lineEnd(line);
  const escape = document.dockerfile.getEscapeCharacter();
  let text = document.text.slice(start, end);
  if (range.end.line !== line && text.trimEnd().endsWith(escape)) text = text.trimEnd().slice(0, -escape.length);
  end = start + text.trimEnd().length;
  return lines.rangeOf(start, Math.max(end, lines.offsetAt(instruction.getInstructionRange().end)));
}

/** The instruction that starts on a line (fixes find their instruction again from the finding's range). */
export function instructionStartingAt(document: DockerfileDocument, line: number): Instruction | undefined {
  return document.dockerfile.getInstructions().find((instruction) => instruction.getRange().start.line === line);
}

/** Replaces an instruction keyword keeping the author's case (`add` → `copy`). */
export function keywordInCaseOf(written: string, keyword: string): string {
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

/** The `--mount=type=…,target=…` flags of a `RUN`, as option maps (`{ type: 'cache', target: '/root/.cache' }`). */
export function mountsOf(instruction: Instruction): Record<string, string>[] {
  return flagsOf(instruction)
    .filter((flag) => flag.getName().toLowerCase() === 'mount')
    .map((flag) => {
      const options: Record<string, string> = {};
      for (const option of flag.getOptions()) options[option.getName().toLowerCase()] = option.getValue() ?? '';
      if (flag.getOptions().length === 0 && flag.getValue()) {
        for (const pair of (flag.getValue() ?? '').split(',')) {
          const [name, ...value] = pair.split('=');
          options[name.toLowerCase()] = value.join('=');
        }
      }
      return options;
    });
}

/** True when a `RUN` mounts a BuildKit cache on one of the folders, so what it downloads there never lands in a layer. */
export function hasCacheMount(instruction: Instruction, targets: RegExp): boolean {
  return mountsOf(instruction).some((mount) => mount.type === 'cache' && targets.test((mount.target ?? mount.dst ?? mount.destination ?? '').replace(/\/+$/, '')));
}

/** Sources and destination of a COPY or ADD, in shell or JSON form; heredoc sources are left out. */
export function copyOperands(instruction: Instruction): { sources: string[]; destination: string | undefined } {
  const words = execFormWords(instruction) ?? plainArguments(instruction).map((argument) => argument.getValue());
  if (words.length === 0) return { sources: [], destination: undefined };
  return { sources: words.slice(0, -1), destination: words[words.length - 1] };
}

/** `COPY . .`, `COPY ./ /app`: the whole build context, from the context rather than another stage. */
export function copiesWholeContext(instruction: Instruction): boolean {
  const keyword = instruction.getKeyword();
  if ((keyword !== 'COPY' && keyword !== 'ADD') || flagValue(instruction, 'from') !== undefined) return false;
  const { sources } = copyOperands(instruction);
  return sources.length > 0 && sources.every((source) => source === '.' || source === './');
}

/**
 * Edits that append lines at the end of the file, in its line-break style. A continuation left dangling at
 * the end (`RUN x \` on the last line) would swallow the new lines, so its escape character is removed too.
 */
export function appendLines(document: DockerfileDocument, newLines: readonly string[]): TextEdit[] {
  const { lines, text } = document;
  const eol = lines.eol;
  const edits: TextEdit[] = [];
  const escape = document.dockerfile.getEscapeCharacter();
  const dangling = new RegExp(`${escape === '`' ? '`' : '\\\\'}[ \\t]*(\\r?\\n[ \\t]*)*$`).exec(text);
  if (dangling) edits.push({ range: lines.rangeOf(dangling.index, dangling.index + 1), newText: '' });
  const end = text.length;
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : eol;
  edits.push({ range: lines.rangeOf(end, end), newText: prefix + newLines.join(eol) + eol });
  return edits;
}
