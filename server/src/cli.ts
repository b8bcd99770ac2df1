import { readFileSync } from 'node:fs';
import { allRules } from '../../rules';
import { parseArgs, UsageError, USAGE, type CheckOptions } from './cli/args';
import { collectFiles } from './cli/files';
import { rulesJson, rulesText, toJson, toText, type CheckReport } from './cli/report';
import { toSarif } from './cli/sarif';
import { Engine } from './engine/engine';
import { fileSystemWorkspace } from './node-workspace';

const VERSION = '0.1.0';

async function check(options: CheckOptions): Promise<number> {
  const engine = await Engine.create({ rules: allRules });
  const { files, problems } = collectFiles(options.paths);
  const report: CheckReport = { results: [], errors: [...problems] };
  const workspace = fileSystemWorkspace();
  for (const path of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      report.errors.push({ path, message: (error as Error).message });
      continue;
    }
    if (text.includes('\0')) continue;
    try {
      const result = engine.lint({ path: path.replace(/\\/g, '/'), text, workspace }, { locale: options.locale });
      for (const failure of result.ruleErrors) report.errors.push({ path, message: `rule ${failure.ruleId} failed: ${String(failure.error)}` });
      report.results.push({ path, findings: result.findings });
    } catch (error) {
      report.errors.push({ path, message: `could not be checked: ${(error as Error).message}` });
    }
  }
  engine.dispose();
  const output = options.format === 'json' ? toJson(report) : options.format === 'sarif' ? toSarif(report, allRules, VERSION) : toText(report, options.locale, process.stdout.isTTY === true);
  process.stdout.write(output + '\n');
  return report.results.some((result) => result.findings.length > 0) ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.command === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
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

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
