import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInput } from './fuzz/fuzzer';
import { testEngine } from '../helpers/engine';

/**
 * Inputs the fuzzer (test/unit/fuzz) once broke the engine with, minimised by hand. Each must now lint and fix
 * without an exception, within the time budget, with every range inside the document.
 */
async function assertSurvives(path: string, text: string): Promise<void> {
  const engine = await testEngine();
  const { problems } = checkInput(engine, { path, text });
  assert.deepEqual(problems, []);
}

describe('fuzzer regressions', () => {
  it('deeply nested command substitutions in RUN (stack overflow in the shell splitter)', async () => {
    await assertSurvives('/regressions/Dockerfile', `FROM alpine:3.20\nRUN ${'$('.repeat(5_000)}true${')'.repeat(5_000)}\n`);
    await assertSurvives('/regressions/Dockerfile', `FROM alpine:3.20\nRUN echo "${'`echo \\'.repeat(2_000)}"\n`);
  });
});
