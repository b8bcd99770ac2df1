/** How stages relate (which ones end up in the final image), variables from ARG/ENV, and the shell a RUN uses. */
import type { Instruction } from 'dockerfile-ast';
import { execFormWords, propertiesOf } from './instructions';
import { Remembered } from './memoize-ast';
import type { DockerfileDocument, Stage } from './parse';

/** How stages relate never changes within a parse, and every RUN asks (through the shell it uses). */
const PARENT_STAGE = new Remembered<Stage, Stage | undefined>();
const STAGE_CHAIN = new Remembered<Stage, Stage[]>();
const BASE_IMAGE = new Remembered<Stage, string>();

/** The earlier stage a `FROM <name>` builds on (after global ARG defaults), when it names one. */
export function parentStage(document: DockerfileDocument, stage: Stage): Stage | undefined {
  return PARENT_STAGE.of(stage, () => readParentStage(document, stage));
}

function readParentStage(document: DockerfileDocument, stage: Stage): Stage | undefined {
  const written = stage.from.getImage();
  if (!written) return undefined;
  const image = (written.includes('$') ? expandVariables(written, knownVariables(document, undefined)) : written)?.toLowerCase();
  return document.stages.find((candidate) => candidate.index < stage.index && candidate.name !== undefined && candidate.name === image);
}

/**
 * Earlier stages a `FROM` may build on: the one it names, or, when the name holds a variable without a known
 * value (`FROM app-${TARGETOS}`), every earlier stage whose name fits the rest of it.
 */
export function parentCandidates(document: DockerfileDocument, stage: Stage): Stage[] {
  const parent = parentStage(document, stage);
  if (parent) return [parent];
  const written = stage.from.getImage() ?? '';
  if (!written.includes('$')) return [];
  const pattern = new RegExp(`^${written.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return document.stages.filter((candidate) => candidate.index < stage.index && candidate.name !== undefined && pattern.test(candidate.name));
}

/** A stage and the stages it is built `FROM`, nearest first. */
export function stageChain(document: DockerfileDocument, stage: Stage): Stage[] {
  // Remembered per stage (the shell of every RUN needs it); callers get their own copy to reorder.
  return STAGE_CHAIN.of(stage, () => {
    const chain = [stage];
    for (let parent = parentStage(document, stage); parent && !chain.includes(parent); parent = parentStage(document, parent)) chain.push(parent);
    return chain;
  }).slice();
}

/**
 * Stages whose layers ship in the final image: the last stage and those it is built `FROM`. Build stages
 * whose output is copied selectively (`COPY --from`) do not carry their caches into it.
 */
export function finalImageStages(document: DockerfileDocument): Stage[] {
  const last = document.stages.at(-1);
  return last ? stageChain(document, last) : [];
}

/** The image a stage's chain starts from (its first non-stage `FROM`). */
export function baseImage(document: DockerfileDocument, stage: Stage): string {
  return BASE_IMAGE.of(stage, () => stageChain(document, stage).at(-1)?.from.getImage() ?? '');
}

/** The ARG and ENV instructions a stage sees, in order; per stage (or per document for the global ones), since rules ask per instruction. */
const variableSourceCache = new WeakMap<Stage | DockerfileDocument, Instruction[]>();

function variableSources(document: DockerfileDocument, stage: Stage | undefined): Instruction[] {
  let sources = variableSourceCache.get(stage ?? document);
  if (!sources) {
    const chain = stage ? stageChain(document, stage).reverse().flatMap((link) => link.instructions) : [];
    sources = [...document.globalInstructions, ...chain].filter((instruction) => {
      const keyword = instruction.getKeyword();
      return keyword === 'ARG' || keyword === 'ENV';
    });
    variableSourceCache.set(stage ?? document, sources);
  }
  return sources;
}

/** Values of `ARG` defaults (and, within a stage, `ENV`) known at a line; later definitions win. */
export function knownVariables(document: DockerfileDocument, stage: Stage | undefined, beforeLine = Number.POSITIVE_INFINITY): Map<string, string> {
  const values = new Map<string, string>();
  for (const instruction of variableSources(document, stage)) {
    if (instruction.getRange().start.line >= beforeLine) continue;
    for (const property of propertiesOf(instruction)) {
      const value = property.getValue();
      if (value === null) continue;
      const expanded = expandVariables(value, values);
      if (expanded === undefined) values.delete(property.getName());
      else values.set(property.getName(), expanded);
    }
  }
  return values;
}

/**
 * Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}`; undefined when the result depends
 * on a variable with no known value (or on a form such as `${VAR#prefix}`), so callers judge only what they can know.
 */
export function expandVariables(text: string, values: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const expanded = text.replace(/\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_whole, braced: string | undefined, bare: string | undefined) => {
    if (bare !== undefined) {
      if (!values.has(bare)) unknown = true;
      return values.get(bare) ?? '';
    }
    const form = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/s.exec(braced ?? '');
    if (!form) {
      unknown = true;
      return '';
    }
    const [, name, operator, word = ''] = form;
    const value = values.get(name);
    const alternative = word.replace(/^(["'])(.*)\1$/s, '$2');
    // An unset ARG falls back to the written default; whether `:+` applies cannot be known without the value.
    if (operator?.endsWith('-')) return value !== undefined && value !== '' ? value : alternative;
    if (value === undefined) unknown = true;
    if (operator?.endsWith('+')) return value ? alternative : '';
    return value ?? '';
  });
  return unknown ? undefined : expanded;
}

/** Windows base images run `cmd` by default, not `/bin/sh`. */
export function isWindowsImage(image: string): boolean {
  return /windows|servercore|nanoserver/i.test(image);
}

/** The shell a `RUN` in shell form runs with: the last `SHELL` before it in the stage chain, else the default. */
const shellInstructions = new WeakMap<Stage, Instruction[]>();

/** A stage's SHELL instructions, found once: shellAt is asked for every RUN. */
function shellsOf(stage: Stage): Instruction[] {
  let shells = shellInstructions.get(stage);
  if (!shells) {
    shells = stage.instructions.filter((instruction) => instruction.getKeyword() === 'SHELL');
    shellInstructions.set(stage, shells);
  }
  return shells;
}

export function shellAt(document: DockerfileDocument, stage: Stage, line: number): string[] {
  for (const link of stageChain(document, stage)) {
    const shells = shellsOf(link).filter((instruction) => instruction.getRange().start.line < line);
    const words = shells.length > 0 ? execFormWords(shells[shells.length - 1]) : undefined;
    if (words && words.length > 0) return words;
  }
  return isWindowsImage(baseImage(document, stage)) ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

/** True for shells that understand POSIX syntax (pipes, `&&`, `set -o`); false for PowerShell and cmd. */
export function isPosixShell(shell: readonly string[]): boolean {
  const program = (shell[0] ?? '').replace(/\\/g, '/');
  return POSIX_SHELLS.has(program.slice(program.lastIndexOf('/') + 1).replace(/\.exe$/i, '').toLowerCase());
}
