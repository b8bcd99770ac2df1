/** What a shell command runs, in the terms package-manager rules think in: program, subcommand, options. */
import { Remembered } from './memoize-ast';
import { programIndex, type ShellCommand, type SimpleCommand } from './shell';

export interface ProgramCall {
  /** Normalised program name: `/usr/bin/apt-get` → `apt-get`, `pip3.12` and `python3 -m pip` → `pip`. */
  name: string;
  /** Words from the program on (for `python -m pip`, from `pip` on). */
  words: string[];
  /** Index in `command.words` of `words[0]`. */
  offset: number;
  /** First non-option word after the program (`install` in `apt-get -y install x`). */
  subcommand: string | undefined;
  /** Index of the subcommand in `words`. */
  subcommandIndex: number;
}

/** Options that take their value as the next word, per program; the subcommand is found after them. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  'apt-get': ['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release'],
  apt: ['-o', '-c', '-t', '--option', '--config-file', '--target-release'],
  apk: ['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--virtual', '-t'],
  yum: ['-c', '--config', '-R', '-d', '-e', '-x', '--exclude', '--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot'],
  dnf: ['-c', '--config', '-R', '-d', '-e', '-x', '--exclude', '--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot'],
  microdnf: ['--config', '--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot'],
  pip: ['--proxy', '--cache-dir', '--log', '--timeout', '--retries', '--index-url', '-i'],
  npm: ['--prefix', '-C', '-w', '--workspace'],
  yarn: ['--cwd', '--modules-folder'],
  pnpm: ['-C', '--dir', '--filter', '-F'],
  go: ['-C'],
  bundle: ['--gemfile'],
  composer: ['-d', '--working-dir'],
  mvn: ['-f', '--file', '-s', '--settings', '-P', '-pl', '--projects'],
};

function normalise(program: string): string {
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (/^pip\d*(\.\d+)*$/.test(base)) return 'pip';
  if (/^python\d*(\.\d+)*$/.test(base)) return 'python';
  if (base === 'mvnw') return 'mvn';
  return base;
}

/** Calls already read, per command object: most RUN rules ask what each command of every RUN runs. */
const PROGRAM_CALL = new Remembered<SimpleCommand, ProgramCall | undefined>();

export function programCall(command: SimpleCommand): ProgramCall | undefined {
  return PROGRAM_CALL.of(command, readCall);
}

function readCall(command: SimpleCommand): ProgramCall | undefined {
  let offset = programIndex(command);
  let name = normalise(command.words[offset] ?? '');
  if (!name) return undefined;
  // `python3 -m pip install …` runs pip.
  if (name === 'python' && command.words[offset + 1] === '-m' && normalise(command.words[offset + 2] ?? '') === 'pip') {
    offset += 2;
    name = 'pip';
  }
  const words = command.words.slice(offset);
  // Own keys only: a program named `constructor` must not find Object's.
  const valueOptions = Object.hasOwn(VALUE_OPTIONS, name) ? VALUE_OPTIONS[name] : [];
  let index = 1;
  while (index < words.length && words[index].startsWith('-')) index += valueOptions.includes(words[index]) ? 2 : 1;
  return { name, words, offset, subcommand: words[index], subcommandIndex: index };
}

/** The words after the subcommand that are not options (`apt-get install -y curl git` → curl, git). */
export function operands(call: ProgramCall): string[] {
  return call.words.slice(call.subcommandIndex + 1).filter((word) => !word.startsWith('-'));
}

export function hasOption(call: ProgramCall, ...options: string[]): boolean {
  // Asked for every command of every RUN: plain loops, no copies of the words.
  for (let i = 1; i < call.words.length; i++) {
    const word = call.words[i];
    for (const option of options) if (word === option || (word.startsWith(option) && word[option.length] === '=')) return true;
  }
  return false;
}

/** `apt-get install -s …` only simulates: nothing is downloaded or installed. */
const APT_SIMULATE = ['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon'];

export function isAptInstall(call: ProgramCall | undefined): boolean {
  return !!call && (call.name === 'apt-get' || call.name === 'apt') && call.subcommand === 'install' && !hasOption(call, ...APT_SIMULATE);
}

export function isAptUpdate(call: ProgramCall | undefined): boolean {
  return !!call && (call.name === 'apt-get' || call.name === 'apt') && call.subcommand === 'update';
}

export function isPipInstall(call: ProgramCall | undefined): boolean {
  return !!call && call.name === 'pip' && call.subcommand === 'install';
}

/** True when a command of the script runs `rm` on a path the pattern matches (`rm -rf /var/lib/apt/lists/*`). */
export function removesPath(commands: readonly SimpleCommand[], pattern: RegExp): boolean {
  return commands.some((command) => {
    const call = programCall(command);
    return call?.name === 'rm' && call.words.slice(1).some((word) => !word.startsWith('-') && pattern.test(word));
  });
}

/**
 * A command that installs the project's dependencies from its manifest (`npm ci`, `pip install -r …`,
 * `go mod download`, …), as the words that say so; undefined otherwise. Global tool installs are not.
 */
export function dependencyInstall(call: ProgramCall | undefined): string | undefined {
  if (!call) return undefined;
  const { name, subcommand } = call;
  const label = () => call.words.slice(0, call.subcommandIndex + 1).join(' ');
  const global = hasOption(call, '-g', '--global');
  switch (name) {
    case 'npm':
      return !global && /^(install|i|ci|clean-install)$/.test(subcommand ?? '') ? label() : undefined;
    case 'yarn':
      if (subcommand === undefined) return 'yarn';
      return subcommand === 'install' ? label() : undefined;
    case 'pnpm':
      return !global && /^(install|i|fetch)$/.test(subcommand ?? '') ? label() : undefined;
    case 'bun':
      return subcommand === 'install' && !global ? label() : undefined;
    case 'pip':
      return subcommand === 'install' && hasOption(call, '-r', '--requirement') ? label() + ' -r' : undefined;
    case 'poetry':
    case 'pipenv':
    case 'bundle':
    case 'composer':
      return subcommand === 'install' ? label() : undefined;
    case 'uv':
      return subcommand === 'sync' ? label() : undefined;
    case 'go':
      return subcommand === 'mod' && call.words[call.subcommandIndex + 1] === 'download' ? 'go mod download' : undefined;
    case 'mvn':
      return call.words.slice(1).find((word) => word.startsWith('dependency:')) ? `mvn ${call.words.slice(1).find((word) => word.startsWith('dependency:'))}` : undefined;
    case 'dotnet':
      return subcommand === 'restore' ? label() : undefined;
    case 'cargo':
      return subcommand === 'fetch' ? label() : undefined;
    default:
      return undefined;
  }
}

/** True when some command pipes into the next: without one, every pipeline is a single command. */
export function hasPipe(commands: readonly ShellCommand[]): boolean {
  return commands.some((command) => command.operator === '|' || command.operator === '|&');
}

/** Commands joined by pipes, in order; a substitution's commands form their own pipelines. */
export function pipelines<C extends ShellCommand>(commands: readonly C[]): C[][] {
  const result: C[][] = [];
  const open = new Map<boolean, C[]>();
  for (const command of commands) {
    const current = open.get(command.substitution) ?? [];
    current.push(command);
    if (command.operator === '|' || command.operator === '|&') {
      open.set(command.substitution, current);
    } else {
      result.push(current);
      open.delete(command.substitution);
    }
  }
  for (const rest of open.values()) result.push(rest);
  return result;
}

export const SHELL_PROGRAMS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
