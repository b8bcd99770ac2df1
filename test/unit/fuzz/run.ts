// Long fuzz runs: `npm run fuzz -- --count 50000 [--seed 7] [--max-seed-kb 512] [--out folder, default <tmp>/infracoach-fuzz] [--slow-ms 1000]`.
// Failing inputs, and inputs slower than --slow-ms (within budget, but worth a look), are written to --out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runFuzz } from './fuzzer';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  if (value !== undefined && !Number.isFinite(value)) throw new Error(`--${name} takes a number`);
  return value ?? fallback;
}

async function main(): Promise<number> {
  const count = option('count', 2_000);
  const seed = option('seed', 1);
  const maxSeedBytes = option('max-seed-kb', 512) * 1024;
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex === -1 ? join(tmpdir(), 'infracoach-fuzz') : process.argv[outIndex + 1];
  const started = Date.now();
  const slowMs = option('slow-ms', 1_000);
  let slow = 0;
  const report = await runFuzz({
    count, seed, maxSeedBytes, slowMs,
    onSlow: (ms, seedPath, mutations, text) => {
      mkdirSync(out, { recursive: true });
      const file = join(out, `slow-${slow++}-${basename(seedPath)}`);
      writeFileSync(file, text);
      process.stderr.write(`  slow: ${Math.round(ms)} ms ${seedPath} [${mutations.join(' + ')}] → ${file}\n`);
    },
    onProgress: (done, failures) => {
      if (done % 500 === 0) process.stderr.write(`  ${done}/${count} mutations, ${failures} failing, ${Math.round((Date.now() - started) / 1000)} s\n`);
    },
  });
  if (!report.corpusFound) process.stderr.write('note: ../shared/corpus not found; fuzzing the examples and fixtures only\n');
  process.stdout.write(`${report.runs} mutations of ${report.seeds} seed files (seed ${seed}) in ${Math.round((Date.now() - started) / 1000)} s; slowest ${Math.round(report.slowest.ms)} ms (${basename(report.slowest.seedPath)}: ${report.slowest.mutations.join(' + ')})\n`);
  process.stdout.write(`notices: ${JSON.stringify(report.notices)}\n`);
  if (report.failures.length === 0) {
    process.stdout.write('no failures\n');
    return 0;
  }
  mkdirSync(out, { recursive: true });
  for (const failure of report.failures) {
    const file = join(out, `${failure.iteration}-${basename(failure.seedPath)}`);
    writeFileSync(file, failure.text);
    process.stdout.write(`\n#${failure.iteration} ${failure.seedPath} [${failure.mutations.join(' + ')}] → ${file}\n  ${failure.problems.join('\n  ')}\n`);
  }
  process.stdout.write(`\n${report.failures.length} failing mutation(s)\n`);
  return 1;
}

void main().then((code) => {
  process.exitCode = code;
});
