import type { Locale, Severity } from '../engine/types';
import { parseCoachArgs, type CoachOptions } from './coach';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailLevel = Exclude<Severity, 'hint'>;

export interface CheckOptions {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  locale: Locale;
  /** A configuration file used for every checked file instead of looking up `.infracoach.yaml`. */
  config: string | undefined;
  /** Exit 1 only for findings at or above this severity. */
  failOn: FailLevel;
  /** Print only findings at or above `failOn`, and no summary. */
  quiet: boolean;
  /** Apply every safe fix in place before reporting what remains. */
  fix: boolean;
  /** Folder SARIF artifact URIs are relative to (default: the working folder). */
  sarifRoot: string | undefined;
}

export interface RulesOptions {
  command: 'rules';
  format: 'text' | 'json';
  locale: Locale;
}

export type CliOptions = CheckOptions | RulesOptions | CoachOptions | { command: 'help' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  infracoach check [paths...] [options]
  infracoach rules [--format text|json] [--lang en|ja]
  infracoach skills [--format text|json] [--lang en|ja]
  infracoach explain <rule-id|skill-id> [--lang en|ja]

check   Lints Dockerfiles, Kubernetes manifests and Terraform files (folders are searched recursively).
rules   Lists every rule with its severity, skill and documentation.
skills  Lists the skills Infra Coach teaches, with their pages and rules.
explain Prints the explanation of a rule, a skill or a topic (e.g. 4.1.1#multi-stage-builds).

Options for check:
  --format text|json|sarif   Output format (default text).
  --config FILE              Use this configuration instead of the nearest .infracoach.yaml.
  --fail-on error|warning|info
                             Exit 1 only for findings at or above this severity (default warning).
  --fix                      Apply every safe fix in place, then report what remains.
  --quiet                    Print only findings at or above --fail-on, without the summary.
  --sarif-root DIR           Make SARIF artifact paths relative to DIR (default: the working folder).
  --lang en|ja               Language of the messages.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error or internal failure.`;

export function defaultLocale(env: NodeJS.ProcessEnv): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

const FAIL_LEVELS: readonly string[] = ['error', 'warning', 'info'];
const BOOLEAN_FLAGS = new Set(['--quiet', '-q', '--fix']);

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === 'skills' || command === 'explain') {
    const coach = parseCoachArgs(command, rest, defaultLocale(env));
    if (typeof coach === 'string') throw new UsageError(coach);
    return coach;
  }
  if (command !== 'check' && command !== 'rules') throw new UsageError(`unknown command "${command}"`);
  const paths: string[] = [];
  let format: string | undefined;
  let locale = defaultLocale(env);
  let config: string | undefined;
  let failOn: FailLevel = 'warning';
  let quiet = false;
  let fix = false;
  let sarifRoot: string | undefined;
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (BOOLEAN_FLAGS.has(flag) && inline !== undefined) throw new UsageError(`${flag} takes no value`);
    const value = () => {
      const next = inline ?? rest[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--format' || flag === '-f') format = value();
    else if (flag === '--lang') {
      const lang = value();
      if (lang !== 'en' && lang !== 'ja') throw new UsageError(`--lang takes en or ja, not "${lang}"`);
      locale = lang;
    } else if (command === 'check' && flag === '--config') config = value();
    else if (command === 'check' && flag === '--fail-on') {
      const level = value();
      if (!FAIL_LEVELS.includes(level)) throw new UsageError(`--fail-on takes error, warning or info, not "${level}"`);
      failOn = level as FailLevel;
    } else if (command === 'check' && (flag === '--quiet' || flag === '-q')) quiet = true;
    else if (command === 'check' && flag === '--fix') fix = true;
    else if (command === 'check' && flag === '--sarif-root') sarifRoot = value();
    else throw new UsageError(`unknown option "${flag}"`);
  }
  if (command === 'rules') {
    if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageError(`rules --format takes text or json, not "${format}"`);
    return { command, format: (format ?? 'text') as 'text' | 'json', locale };
  }
  if (format !== undefined && !['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format takes text, json or sarif, not "${format}"`);
  if (sarifRoot !== undefined && format !== 'sarif') throw new UsageError('--sarif-root only applies to --format sarif');
  return { command, paths: paths.length > 0 ? paths : ['.'], format: (format ?? 'text') as OutputFormat, locale, config, failOn, quiet, fix, sarifRoot };
}
