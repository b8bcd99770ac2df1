import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LspTestClient } from '../test/helpers/lsp-client';
import type { CorpusFile } from './corpus';
import { longDockerfile, longManifest, longTerraform } from './generate';
import { median, percentile } from './stats';

/** As the extension starts the server (client/src/extension.ts). */
const SERVER_NODE_ARGS = ['--max-semi-space-size=4'];

export interface LatencyResult {
  language: string;
  lines: number;
  p50: number;
  p95: number;
  max: number;
}

const GENERATORS = [
  { language: 'dockerfile', languageId: 'dockerfile', file: 'Dockerfile', make: longDockerfile },
  { language: 'kubernetes', languageId: 'yaml', file: 'manifests.yaml', make: longManifest },
  { language: 'terraform', languageId: 'terraform', file: 'main.tf', make: longTerraform },
];

/** didChange → publishDiagnostics for single-character edits typed into a comment in the middle of the file. */
export async function editorLatency(lineCounts: number[], edits: number): Promise<LatencyResult[]> {
  const client = await LspTestClient.start({ nodeArgs: SERVER_NODE_ARGS });
  const results: LatencyResult[] = [];
  try {
    for (const lines of lineCounts) {
      for (const generator of GENERATORS) {
        const uri = `file:///tmp/infracoach-bench/${lines}/${generator.file}`;
        const text = generator.make(lines);
        await client.open(uri, generator.languageId, text);
        const commentLine = text.split('\n').findIndex((line, index) => index > lines / 2 && line.startsWith('#'));
        const samples: number[] = [];
        for (let i = 0; i < edits; i++) {
          const character = 1 + i;
          const started = performance.now();
          await client.edit(uri, { start: { line: commentLine, character }, end: { line: commentLine, character } }, 'x');
          samples.push(performance.now() - started);
        }
        await client.close(uri);
        results.push({ language: generator.language, lines, p50: median(samples), p95: percentile(samples, 95), max: Math.max(...samples) });
      }
    }
  } finally {
    await client.stop();
  }
  return results;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

const LANGUAGE_IDS: Record<string, string> = { dockerfile: 'dockerfile', kubernetes: 'yaml', terraform: 'terraform' };

/** Longer than the server's idle-collection delay (server/src/lsp/idle-collector.ts), which follows the last lint. */
export const SETTLE_MS = 2_500;

/**
 * Server RSS after opening every corpus file (each waits for its diagnostics): at once, and once the server has
 * been idle long enough to collect the garbage of the burst, which is what an editor left open shows.
 */
export async function memoryWithCorpusOpen(files: CorpusFile[]): Promise<{ idle: number; loaded: number; settled: number; files: number }> {
  const client = await LspTestClient.start({ nodeArgs: SERVER_NODE_ARGS });
  try {
    const pid = client.process.pid!;
    const idle = rssMegabytes(pid);
    for (const file of files) await client.open(`file://${file.path}`, LANGUAGE_IDS[file.language], file.text);
    const loaded = rssMegabytes(pid);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { idle, loaded, settled: rssMegabytes(pid), files: files.length };
  } finally {
    await client.stop();
  }
}

/** Process spawn → initialize answered → first diagnostics for a small Dockerfile. */
export async function startup(rounds: number): Promise<{ initialize: number; firstDiagnostics: number }> {
  const initialize: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const client = await LspTestClient.start({ nodeArgs: SERVER_NODE_ARGS });
    initialize.push(performance.now() - started);
    await client.open('file:///tmp/infracoach-bench/startup/Dockerfile', 'dockerfile', 'FROM node:20\nRUN npm run build\n');
    first.push(performance.now() - started);
    await client.stop();
  }
  return { initialize: median(initialize), firstDiagnostics: median(first) };
}
