import type { Locale } from '../engine/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  locale: Locale;
}

export interface RulesOptions {
  command: 'rules';
  format: 'text' | 'json';
  locale: Locale;
}

export type CliOptions = CheckOptions | RulesOptions | { command: 'help' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  infracoach check [paths...] [--format text|json|sarif] [--lang en|ja]
  infracoach rules [--format text|json] [--lang en|ja]

check   Lints Dockerfiles, Kubernetes manifests and Terraform files (folders are searched recursively).
rules   Lists every rule with its severity, skill and documentation.

Exit status: 0 no findings, 1 findings, 2 usage error or internal failure.`;

export function defaultLocale(env: NodeJS.ProcessEnv): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command !== 'check' && command !== 'rules') throw new UsageError(`unknown command "${command}"`);
  const paths: string[] = [];
  let format: string | undefined;
  let locale = defaultLocale(env);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
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
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option "${flag}"`);
    else paths.push(arg);
  }
  if (command === 'rules') {
    if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageError(`rules --format takes text or json, not "${format}"`);
    return { command, format: (format ?? 'text') as 'text' | 'json', locale };
  }
  if (format !== undefined && !['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format takes text, json or sarif, not "${format}"`);
  return { command, paths: paths.length > 0 ? paths : ['.'], format: (format ?? 'text') as OutputFormat, locale };
}
