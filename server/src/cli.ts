import { allRules } from '../../rules';
import { parseArgs, UsageError, USAGE, type CheckOptions } from './cli/args';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { exitCode, finishCheck, onlyAtOrAbove, planCheck } from './cli/check';
import { runCoach } from './cli/coach';
import { checkInThreads, isCheckWorkerData, runCheckWorker, threadCount } from './cli/parallel';
import { rulesJson, rulesText, toJson, toText, type CheckReport } from './cli/report';
import { toSarif } from './cli/sarif';
import { Engine } from './engine/engine';

const VERSION = '0.1.0';

async function check(options: CheckOptions): Promise<number> {
  const engine = await Engine.create({ rules: allRules });
  let report: CheckReport;
  try {
    const plan = planCheck(allRules, options);
    // This bundle is the worker script too: see the end of the file.
    const outcomes = await checkInThreads(engine, plan.jobs, options, threadCount(plan.jobs.length, options), __filename);
    report = finishCheck(plan, outcomes, options.locale);
  } finally {
    engine.dispose();
  }
  const shown = options.quiet ? onlyAtOrAbove(report, options.failOn) : report;
  const output = options.format === 'json'
    ? toJson(shown)
    : options.format === 'sarif'
      ? toSarif(shown, allRules, VERSION, options.sarifRoot)
      : toText(shown, options.locale, { colour: process.stdout.isTTY === true, summary: !options.quiet });
  if (output !== '') process.stdout.write(output + '\n');
  return exitCode(report, options.failOn);
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.command === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (options.command === 'skills' || options.command === 'explain') {
      const terminal = { colour: process.stdout.isTTY === true && !process.env.NO_COLOR, width: Math.min(process.stdout.columns || 80, 100) };
      const result = runCoach(options, (text) => process.stdout.write(text), terminal);
      if (typeof result === 'string') throw new UsageError(result);
      return result;
    }
    if (options.command === 'rules') {
      process.stdout.write((options.format === 'json' ? rulesJson(allRules, options.locale) : rulesText(allRules, options.locale)) + '\n');
      return 0;
    }
    return await check(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`infracoach: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`infracoach: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

async function checkWorker(): Promise<void> {
  if (!isCheckWorkerData(workerData)) throw new Error('unexpected worker data');
  const engine = await Engine.create({ rules: allRules });
  try {
    parentPort?.postMessage(runCheckWorker(engine, workerData));
  } finally {
    engine.dispose();
  }
}

if (isMainThread) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
} else {
  void checkWorker();
}
