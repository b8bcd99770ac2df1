import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testEngine } from '../../helpers/engine';
import { runFuzz, type FuzzFailure } from './fuzzer';

/** Fixed, so every run mutates the same way; `npm run fuzz -- --seed N --count M` explores further. */
const SEED = 20_240_601;
const MUTATIONS = 2_000;
/** Small seeds keep `npm test` quick; the long runs take files up to 512 KB. */
const MAX_SEED_BYTES = 32 * 1024;

function describeFailures(failures: readonly FuzzFailure[]): string {
  return failures.slice(0, 5).map((failure) => `#${failure.iteration} ${failure.seedPath} [${failure.mutations.join(' + ')}]\n  ${failure.problems.join('\n  ')}`).join('\n\n');
}

describe('fuzzing the engine with mutated real files', () => {
  it(`${MUTATIONS} seeded mutations: no exception, within the time budget, every range inside the document, an editor re-parse agrees with a fresh one`, async (context) => {
    const report = await runFuzz({ count: MUTATIONS, seed: SEED, maxSeedBytes: MAX_SEED_BYTES, engine: await testEngine() });
    if (!report.corpusFound) context.diagnostic('../shared/corpus not found: fuzzing the examples and fixtures only');
    context.diagnostic(`${report.runs} mutations of ${report.seeds} seeds; slowest ${Math.round(report.slowest.ms)} ms (${report.slowest.seedPath}: ${report.slowest.mutations.join(' + ')}); notices ${JSON.stringify(report.notices)}`);
    assert.equal(report.runs, MUTATIONS);
    assert.equal(report.failures.length, 0, `reproduce with: npm run fuzz -- --seed ${SEED} --count ${MUTATIONS} --max-seed-kb ${MAX_SEED_BYTES / 1024}\n\n${describeFailures(report.failures)}`);
  });
});
