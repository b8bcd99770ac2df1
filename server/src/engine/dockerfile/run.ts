import type { Instruction } from 'dockerfile-ast';
import type { Range } from '../types';
import type { DockerfileDocument } from './parse';
import { joinContinuations, programIndex, splitCommands, type SimpleCommand } from './shell';

export interface RunCommand extends SimpleCommand {
  /** Index in `words` of the program that runs (after `VAR=x`, `sudo`, …). */
  program: number;
}

/** The shell commands a `RUN` executes, with offsets into the whole file; `--mount`/`--network` flags are not commands. */
export function runCommands(document: DockerfileDocument, instruction: Instruction): RunCommand[] {
  const argumentsRange = instruction.getArgumentsRange();
  if (!argumentsRange) return [];
  const start = document.lines.offsetAt(argumentsRange.start);
  const end = document.lines.offsetAt(argumentsRange.end);
  const raw = document.text.slice(start, end);
  let body = joinContinuations(raw, document.dockerfile.getEscapeCharacter());
  const flags = /^(\s*--[a-z-]+=?("[^"]*"|\S*))+\s*/.exec(body);
  if (flags) body = ' '.repeat(flags[0].length) + body.slice(flags[0].length);
  if (body.trimStart().startsWith('[')) body = execFormAsShell(body);
  return splitCommands(body).map((command) => ({
    ...command,
    program: programIndex(command),
    start: command.start + start,
    end: command.end + start,
    spans: command.spans.map((span) => ({ start: span.start + start, end: span.end + start })),
  }));
}

/** `RUN ["make", "all"]` runs without a shell; read its words in place so offsets still hold. */
function execFormAsShell(body: string): string {
  return body.replace(/[[\],]/g, ' ');
}

export function spanRange(document: DockerfileDocument, start: number, end: number): Range {
  return document.lines.rangeOf(start, end);
}

/** The keyword of an instruction (`RUN`), where rules that flag a whole instruction report. */
export function keywordRange(instruction: Instruction): Range {
  return instruction.getInstructionRange();
}
