import { Engine, type LintInput } from '../../../server/src/engine/engine';
import { applyEdits, LineIndex } from '../../../server/src/engine/text';
import type { Language, Range, WorkspaceView } from '../../../server/src/engine/types';
import { fileSystemWorkspace } from '../../../server/src/node-workspace';
import { loadSeeds, REPO_ROOT, type Seed } from './corpus';
import { mutate } from './mutations';
import { Random } from './random';

/** What one file may cost, parse and all rules: the engine's own budget (2 s) plus room for a busy machine. */
export const FILE_BUDGET_MS = 4_000;
/**
 * Share of inputs linted with the seed's real folder as workspace (Terraform siblings, cross-file Kubernetes
 * rules). Parsing a module's siblings costs more than the file itself, so the rest run alone.
 */
const WORKSPACE_SHARE = 0.15;
/**
 * Share of inputs linted as the next version of the seed open in an editor: the seed's own text is linted first,
 * so the mutated text goes through the incremental re-parse (tree-sitter's edited tree, re-used YAML documents).
 */
const EDITOR_SHARE = 0.25;
/** Fixes tried per mutated file (one per rule): enough to reach every fix without making the run quadratic. */
const MAX_FIXES_PER_FILE = 6;

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Seed files above this size are left out (the long runs may raise it). */
  maxSeedBytes: number;
  engine?: Engine;
  onProgress?: (done: number, failures: number) => void;
  /** Called for inputs slower than `slowMs`, within budget but worth a look in long runs. */
  onSlow?: (ms: number, seedPath: string, mutations: string[], text: string) => void;
  slowMs?: number;
}

export interface FuzzFailure {
  iteration: number;
  seedPath: string;
  language: Language;
  mutations: string[];
  problems: string[];
  text: string;
}

export interface FuzzReport {
  runs: number;
  failures: FuzzFailure[];
  corpusFound: boolean;
  seeds: number;
  slowest: { ms: number; seedPath: string; mutations: string[] };
  /** Notices seen, by code: evidence that the bounds were exercised. */
  notices: Record<string, number>;
}

function rangeProblem(range: Range, lines: LineIndex): string | undefined {
  const checkPosition = (name: string, position: Range['start']) => {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return `${name} ${JSON.stringify(position)} is not a valid position`;
    if (position.line >= lines.lineCount) return `${name} line ${position.line} is past the last line ${lines.lineCount - 1}`;
    const length = lines.lineEnd(position.line) - lines.lineStart(position.line);
    if (position.character > length) return `${name} ${position.line}:${position.character} is past the end of the line (${length})`;
    return undefined;
  };
  const problem = checkPosition('start', range.start) ?? checkPosition('end', range.end);
  if (problem) return problem;
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return `range ends before it starts: ${JSON.stringify(range)}`;
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error);
}

/** Runs one input through lint and the fixes, returning every broken promise (none when all is well). */
export function checkInput(engine: Engine, input: LintInput): { problems: string[]; ms: number; notices: string[] } {
  const problems: string[] = [];
  const lines = new LineIndex(input.text);
  const started = performance.now();
  let result: ReturnType<Engine['lint']>;
  try {
    result = engine.lint(input);
  } catch (error) {
    return { problems: [`Engine.lint threw: ${describe(error)}`], ms: performance.now() - started, notices: [] };
  }
  let ms = performance.now() - started;
  if (ms > FILE_BUDGET_MS) {
    // A garbage collection or a busy machine can stall one run; a slow input is slow every time.
    const again = performance.now();
    engine.lint(input);
    ms = Math.min(ms, performance.now() - again);
    if (ms > FILE_BUDGET_MS) problems.push(`Engine.lint took ${Math.round(ms)} ms (budget ${FILE_BUDGET_MS} ms)`);
  }
  for (const failure of result.ruleErrors) problems.push(`${failure.ruleId} threw: ${describe(failure.error)}`);
  for (const finding of [...result.findings, ...result.notices.map((notice) => ({ ruleId: notice.code, range: notice.range }))]) {
    const problem = rangeProblem(finding.range, lines);
    if (problem) problems.push(`${finding.ruleId}: ${problem}`);
  }
  const tried = new Set<string>();
  for (const finding of result.findings) {
    if (tried.has(finding.ruleId) || tried.size >= MAX_FIXES_PER_FILE) continue;
    tried.add(finding.ruleId);
    try {
      const fix = engine.fix(input, finding);
      if (!fix) continue;
      for (const edit of fix.edits) {
        const problem = rangeProblem(edit.range, lines);
        if (problem) problems.push(`${finding.ruleId} fix edit: ${problem}`);
      }
      if (problems.length === 0) applyEdits(input.text, fix.edits);
    } catch (error) {
      problems.push(`${finding.ruleId} fix threw: ${describe(error)}`);
    }
  }
  return { problems, ms, notices: result.notices.map((notice) => notice.code) };
}

function findingSummary(result: ReturnType<Engine['lint']>): string {
  return [...result.findings.map((finding) => [finding.ruleId, finding.range]), ...result.notices.map((notice) => [notice.code, notice.range])].map((entry) => JSON.stringify(entry)).join(' ');
}

/** Every line of the small hand-written files, truncated there: the half-typed states an editor sees most. */
function* truncations(seeds: readonly Seed[]): Generator<{ seed: Seed; text: string; mutation: string }> {
  const repository = `${REPO_ROOT.replace(/\\/g, '/')}/`;
  for (const seed of seeds.filter((candidate) => candidate.path.startsWith(repository))) {
    const all = seed.text.split(/(?<=\n)/);
    for (let line = 0; line <= all.length; line++) yield { seed, text: all.slice(0, line).join(''), mutation: `truncateAtLine(${line})` };
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seeds, corpusFound } = loadSeeds(options.maxSeedBytes);
  const engine = options.engine ?? (await Engine.create({ rules: (await import('../../../rules')).allRules }));
  const workspace: WorkspaceView = fileSystemWorkspace();
  const random = new Random(options.seed);
  const byLanguage = new Map<Language, Seed[]>();
  for (const seed of seeds) byLanguage.set(seed.language, [...(byLanguage.get(seed.language) ?? []), seed]);
  const languages = [...byLanguage.keys()].sort();
  const report: FuzzReport = { runs: 0, failures: [], corpusFound, seeds: seeds.length, slowest: { ms: 0, seedPath: '', mutations: [] }, notices: {} };
  const record = (seed: Seed, text: string, mutations: string[]) => {
    const version = 2 * report.runs + 1;
    const input: LintInput = { path: seed.path, text, languageId: seed.languageId, version, ...(random.chance(WORKSPACE_SHARE) ? { workspace } : {}) };
    const asEditor = random.chance(EDITOR_SHARE);
    if (asEditor) engine.lint({ ...input, text: seed.text, version: version - 1 });
    const outcome = checkInput(engine, input);
    if (asEditor && outcome.problems.length === 0) {
      const incremental = findingSummary(engine.lint(input));
      const fresh = findingSummary(engine.lint({ ...input, version: undefined }));
      if (incremental !== fresh) outcome.problems.push(`the re-parse from the previous version found other things than a fresh parse:\n    ${incremental}\n    ${fresh}`);
    }
    engine.forget(seed.path);
    if (outcome.ms > report.slowest.ms) report.slowest = { ms: outcome.ms, seedPath: seed.path, mutations };
    if (options.onSlow && outcome.ms > (options.slowMs ?? FILE_BUDGET_MS / 4)) options.onSlow(outcome.ms, seed.path, mutations, text);
    for (const code of outcome.notices) report.notices[code] = (report.notices[code] ?? 0) + 1;
    if (outcome.problems.length > 0) report.failures.push({ iteration: report.runs, seedPath: seed.path, language: seed.language, mutations, problems: outcome.problems, text });
    report.runs++;
    options.onProgress?.(report.runs, report.failures.length);
  };
  for (const { seed, text, mutation } of truncations(seeds)) {
    if (report.runs >= options.count) break;
    record(seed, text, [mutation]);
  }
  while (report.runs < options.count && languages.length > 0) {
    const pool = byLanguage.get(languages[report.runs % languages.length])!;
    const seed = random.pick(pool);
    const { text, applied } = mutate(seed.text, random, { language: seed.language, donor: random.pick(pool).text });
    record(seed, text, applied);
  }
  if (!options.engine) engine.dispose();
  return report;
}
