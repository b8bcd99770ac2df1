import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { Range } from '../types';
import { heredocsOf } from './instructions';
import { Remembered } from './memoize-ast';
import type { DockerfileDocument, Stage } from './parse';
import { isPosixShell, shellAt } from './stages';
import { programIndex, programName, splitCommands, splitScript, type ShellCommand } from './shell';

export interface RunCommand extends ShellCommand {
  /** Index in `words` of the program that runs (after `VAR=x`, `sudo`, …). */
  program: number;
}

export interface RunScript {
  /** Commands with offsets into the whole file, in the order the shell meets them (substitutions first). */
  commands: RunCommand[];
  /** `RUN ["executable", …]` runs without a shell; its words are still read as one command. */
  execForm: boolean;
  /** File offset just past the script's last token (comments excluded), -1 when it has none. */
  end: number;
}

/** The shell commands a `RUN` executes, with offsets into the whole file; `--mount`/`--network` flags are not commands. */
export function runCommands(document: DockerfileDocument, instruction: Instruction): RunCommand[] {
  return runScript(document, instruction).commands;
}

/** Scripts already read, per instruction object (one parse), since most Dockerfile rules read every RUN. */
const RUN_SCRIPT = new Remembered<Instruction, RunScript>();

export function runScript(document: DockerfileDocument, instruction: Instruction): RunScript {
  return RUN_SCRIPT.of(instruction, (run) => readScript(document, run));
}

function readScript(document: DockerfileDocument, instruction: Instruction): RunScript {
  const argumentsRange = instruction.getArgumentsRange();
  if (!argumentsRange) return { commands: [], execForm: false, end: -1 };
  const start = document.lines.offsetAt(argumentsRange.start);
  const end = document.lines.offsetAt(argumentsRange.end);
  const raw = document.text.slice(start, end);
  const escape = document.dockerfile.getEscapeCharacter();
  const heredocs = heredocsOf(instruction);
  let body = heredocs.length > 0 ? heredocScript(document, raw, start, heredocs, escape) : logicalLine(raw, escape);
  const flags = /^(\s*--[a-z-]+=?("[^"]*"|\S*))+\s*/.exec(body);
  if (flags) body = ' '.repeat(flags[0].length) + body.slice(flags[0].length);
  const execForm = body.trimStart().startsWith('[');
  if (execForm) body = execFormAsShell(body);
  // Split with the file offset of the body, so every command already carries file offsets.
  const script = splitScript(body, start);
  const commands: RunCommand[] = script.commands.map((command) => Object.assign(command, { program: programIndex(command) }));
  return { commands, execForm, end: script.lastTokenEnd };
}

/**
 * Docker drops comment lines and empty lines inside a continued instruction before the shell sees it;
 * blank them, join the continuations, and keep every offset where it was.
 */
function logicalLine(raw: string, escape: string): string {
  // One pass over the lines (this runs for every RUN): blank dropped lines, turn each line break and the
  // escape character just before it into spaces, and any stray carriage return too.
  let joined = '';
  for (let start = 0; ; ) {
    const newline = raw.indexOf('\n', start);
    const line = raw.slice(start, newline < 0 ? raw.length : newline);
    if (start > 0 && (line.trim() === '' || line.trimStart().startsWith('#'))) joined += ' '.repeat(line.length);
    else {
      const body = line.endsWith('\r') ? line.slice(0, -1) : line;
      const continued = newline >= 0 && body.endsWith(escape);
      joined += (continued ? body.slice(0, -escape.length) + ' ' : body).replace(/\r/g, ' ') + (body.length < line.length ? ' ' : '');
    }
    if (newline < 0) return joined;
    joined += ' ';
    start = newline + 1;
  }
}

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/**
 * `RUN <<EOF` hands the body to the shell as a script; `RUN python3 <<EOF` or `RUN cat <<EOF > file` feed it
 * to a program as data. Keep script bodies, blank data bodies, delimiters and the `<<EOF` markers.
 */
function heredocScript(document: DockerfileDocument, raw: string, start: number, heredocs: readonly Heredoc[], escape: string): string {
  const { lines } = document;
  const local = (position: Range['start']) => lines.offsetAt(position) - start;
  const headerEnd = Math.min(raw.length, lines.lineEnd(heredocs[0].getStartRange().start.line) - start);
  let header = logicalLine(raw.slice(0, headerEnd), escape);
  for (const heredoc of heredocs) {
    const range = heredoc.getStartRange();
    const from = local(range.start);
    const to = local(range.end);
    if (from >= 0 && to <= header.length) header = header.slice(0, from) + blank(header.slice(from, to)) + header.slice(to);
  }
  const headerCommands = splitCommands(header.replace(/^(\s*--[a-z-]+=?("[^"]*"|\S*))+/, (flags) => blank(flags)));
  const runsShell =
    headerCommands.length === 0 ||
    (headerCommands.length === 1 && SHELLS.has(programName(headerCommands[0]) ?? '') && headerCommands[0].words.slice(programIndex(headerCommands[0]) + 1).every((word) => word.startsWith('-')));
  let body = header + raw.slice(headerEnd);
  for (const heredoc of heredocs) {
    const content = heredoc.getContentRange();
    if (content) {
      const from = local(content.start);
      const to = local(content.end);
      const text = body.slice(from, to);
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
      const interpreter = shebang ? (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]) : undefined;
      const isScript = runsShell && (interpreter === undefined || SHELLS.has(interpreter.slice(interpreter.lastIndexOf('/') + 1)));
      if (!isScript) body = body.slice(0, from) + blank(text) + body.slice(to);
    }
    const delimiter = heredoc.getDelimiterRange();
    if (delimiter) body = body.slice(0, local(delimiter.start)) + blank(body.slice(local(delimiter.start), local(delimiter.end))) + body.slice(local(delimiter.end));
  }
  return body;
}

/** `RUN ["make", "all"]` runs without a shell; read its words in place so offsets still hold. */
function execFormAsShell(body: string): string {
  return body.replace(/[[\],]/g, ' ');
}

export interface RunSite {
  stage: Stage;
  instruction: Instruction;
  script: RunScript;
  /** The shell the `RUN` uses understands POSIX syntax (not PowerShell or cmd). */
  posix: boolean;
}

const stageSitesCache = new WeakMap<Stage, RunSite[]>();

/** Every `RUN` of the given stages (all by default) with its commands and shell; `ONBUILD RUN` triggers run in child images, not here. */
export function runSites(document: DockerfileDocument, stages: readonly Stage[] = document.stages): RunSite[] {
  // Several rules ask for the same sites on every keystroke; each stage is read once per parse.
  return [...stages].sort((a, b) => a.index - b.index).flatMap((stage) => {
    let sites = stageSitesCache.get(stage);
    if (!sites) {
      sites = [];
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'RUN') continue;
        const posix = isPosixShell(shellAt(document, stage, instruction.getRange().start.line));
        sites.push({ stage, instruction, script: runScript(document, instruction), posix });
      }
      stageSitesCache.set(stage, sites);
    }
    return sites;
  });
}
