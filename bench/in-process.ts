import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { allRules } from '../rules';
import { Engine } from '../server/src/engine/engine';
import { parseHcl } from '../server/src/engine/terraform/tree-sitter';
import type { Language } from '../server/src/engine/types';
import type { CorpusFile } from './corpus';
import { median } from './stats';

const require = createRequire(__filename);

/** Rounds run before measuring: the JIT needs a few passes over the rules' code to reach its steady state. */
const WARM_UP_ROUNDS = 3;

function time(rounds: number, run: () => void): number {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const BARE_PARSERS: Record<Language, (text: string) => void> = {
  dockerfile: (text) => void DockerfileParser.parse(text),
  kubernetes: (text) => void parseAllDocuments(text),
  terraform: (text) => parseHcl(text)?.delete(),
};

export async function lintVersusParse(corpus: Record<Language, CorpusFile[]>, rounds: number): Promise<{ language: Language; lint: number; parse: number }[]> {
  const engine = await Engine.create({ rules: allRules });
  const results = (Object.keys(corpus) as Language[]).map((language) => {
    const files = corpus[language];
    const lint = time(rounds, () => files.forEach((file) => engine.lint({ path: file.path, text: file.text })));
    const parse = time(rounds, () => files.forEach((file) => BARE_PARSERS[language](file.text)));
    return { language, lint, parse };
  });
  engine.dispose();
  return results;
}

interface DockerfilelintModule { run(context: string, content: string): unknown[] }
interface DockerfileUtilsModule { validate(content: string, settings?: unknown): unknown[] }

/** Runs a peer on one file; a peer that throws on real-world input is counted, not allowed to stop the benchmark. */
function guarded(run: () => unknown, crashed: Set<string>, path: string): void {
  try {
    run();
  } catch {
    crashed.add(path);
  }
}

/** Our Dockerfile rules against the two Node.js peers, same files, same process. */
export async function dockerfilePeers(files: CorpusFile[], rounds: number): Promise<{ tool: string; time: number; crashes: number }[]> {
  const engine = await Engine.create({ rules: allRules });
  const dockerfilelint = require('dockerfilelint') as DockerfilelintModule;
  const dockerfileUtils = require('dockerfile-utils') as DockerfileUtilsModule;
  const crashes = { infracoach: new Set<string>(), dockerfilelint: new Set<string>(), 'dockerfile-utils': new Set<string>() };
  const results = [
    { tool: 'infracoach', time: time(rounds, () => files.forEach((file) => guarded(() => engine.lint({ path: file.path, text: file.text }), crashes.infracoach, file.path))) },
    { tool: 'dockerfilelint', time: time(rounds, () => files.forEach((file) => guarded(() => dockerfilelint.run('/tmp', file.text), crashes.dockerfilelint, file.path))) },
    { tool: 'dockerfile-utils', time: time(rounds, () => files.forEach((file) => guarded(() => dockerfileUtils.validate(file.text), crashes['dockerfile-utils'], file.path))) },
  ].map((result) => ({ ...result, crashes: crashes[result.tool as keyof typeof crashes].size }));
  engine.dispose();
  return results;
}
