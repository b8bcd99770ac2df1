// Entry point VS Code loads through --extensionTestsPath: runs the scenarios with mocha inside the extension host.
import { defineSuite, type BddApi } from './scenarios';

/** The slice of mocha's programmatic API used here (mocha is an optional dependency: no @types/mocha). */
interface MochaRunner {
  stats?: { passes: number; failures: number; pending: number };
}
interface MochaInstance {
  suite: { emit(event: 'pre-require', context: object, file: string, mocha: MochaInstance): void };
  run(done: (failures: number) => void): MochaRunner;
}
type MochaConstructor = new (options: { ui: 'bdd'; timeout: number; color: boolean }) => MochaInstance;

export function run(): Promise<void> {
  // Resolved from the repository's node_modules at run time; test/vscode/run.ts checks it is installed.
  const Mocha = require('mocha') as MochaConstructor;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  // What mocha.addFile + loadFiles would do for a file: install describe/it/before on a context, then define the tests.
  const context: Partial<BddApi> = {};
  mocha.suite.emit('pre-require', context, 'infracoach-vscode-suite', mocha);
  defineSuite(context as BddApi);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      if (stats) console.log(`${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
