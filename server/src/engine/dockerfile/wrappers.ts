/** Which word of a simple command is the program that runs, past `VAR=value` prefixes and wrappers like `sudo`. */
import type { SimpleCommand } from './shell';

/** Commands that run the rest of their words as another command, with their options that take a value and the positional words before the command. */
const WRAPPERS: Record<string, { valueOptions: readonly string[]; positional: number }> = {
  sudo: { valueOptions: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T'], positional: 0 },
  doas: { valueOptions: ['-u', '-C'], positional: 0 },
  env: { valueOptions: ['-u', '-C', '-S'], positional: 0 },
  exec: { valueOptions: ['-a'], positional: 0 },
  time: { valueOptions: ['-f', '-o'], positional: 0 },
  nohup: { valueOptions: [], positional: 0 },
  nice: { valueOptions: ['-n'], positional: 0 },
  xargs: { valueOptions: ['-I', '-n', '-P', '-d', '-L', '-s', '-E', '-a'], positional: 0 },
  eatmydata: { valueOptions: [], positional: 0 },
  gosu: { valueOptions: [], positional: 1 },
  'su-exec': { valueOptions: [], positional: 1 },
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Index of the executed program's word: skips `VAR=value` prefixes and wrappers like `sudo -u app`. */
export function programIndex(command: SimpleCommand): number {
  const { words } = command;
  let i = 0;
  while (i < words.length) {
    if (ASSIGNMENT.test(words[i])) {
      i++;
      continue;
    }
    const wrapper = Object.hasOwn(WRAPPERS, words[i]) ? WRAPPERS[words[i]] : undefined;
    if (!wrapper) break;
    i++;
    while (i < words.length && words[i].startsWith('-')) {
      if (words[i] === '--') {
        i++;
        break;
      }
      i += wrapper.valueOptions.includes(words[i]) ? 2 : 1;
    }
    i += wrapper.positional;
  }
  return Math.min(i, words.length);
}

/** The wrappers (`sudo`, `env`, …) a command runs its program through. */
export function wrapperWords(command: SimpleCommand): string[] {
  return command.words.slice(0, programIndex(command)).filter((word) => Object.hasOwn(WRAPPERS, word));
}

/** The words from the executed program on. */
export function programWords(command: SimpleCommand): string[] {
  return command.words.slice(programIndex(command));
}

/** The program's name without its folder: `/usr/bin/apt-get` → `apt-get`. */
export function programName(command: SimpleCommand): string | undefined {
  const word = command.words[programIndex(command)];
  return word?.slice(word.lastIndexOf('/') + 1);
}
