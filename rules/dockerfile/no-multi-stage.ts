import { defineRule } from '../../server/src/engine/rule';
import { appendLines } from '../../server/src/engine/dockerfile/instructions';
import { hasOption, operands, programCall } from '../../server/src/engine/dockerfile/programs';
import { runCommands, type RunCommand } from '../../server/src/engine/dockerfile/run';
import type { DockerfileDocument, Stage } from '../../server/src/engine/dockerfile/parse';
import type { TextEdit } from '../../server/src/engine/types';


/** A table entry by the table's own keys only, so a command named `constructor` finds nothing. */
function ownEntry(table: Record<string, string[]>, key: string): string[] | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'make', 'cmake', 'ninja', 'javac', 'tsc', 'rustc']);
const TOOLCHAIN_PACKAGE = /^(build-essential|build-base|gcc|g\+\+|gcc-c\+\+|make|cmake|clang|golang|golang-go|go|rustc|cargo|rust|maven|gradle|default-jdk|openjdk-?\d+-jdk(-headless)?|openjdk\d+-jdk|java-\d+-openjdk-devel)$/;
const PACKAGE_INSTALL: Record<string, string[]> = { 'apt-get': ['install'], apt: ['install'], apk: ['add'], yum: ['install'], dnf: ['install'], microdnf: ['install'] };
const PACKAGE_REMOVE: Record<string, string[]> = { 'apt-get': ['purge', 'remove', 'autoremove'], apt: ['purge', 'remove'], apk: ['del'], yum: ['remove', 'erase'], dnf: ['remove'] };
const BUILD_SCRIPT_RUNNERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);

/** The words (from the program on) that make a command a build, or undefined. Dependency installs alone are not builds. */
function buildWords(words: string[]): { first: number; last: number } | undefined {
  const [program, sub, third] = words;
  const name = program?.replace(/^\.\//, '');
  if (!name) return undefined;
  if (COMPILERS.has(name)) return { first: 0, last: 0 };
  if (name === 'go' && (sub === 'build' || sub === 'install')) return { first: 0, last: 1 };
  if (name === 'cargo' && (sub === 'build' || sub === 'install')) return { first: 0, last: 1 };
  if ((name === 'mvn' || name === 'mvnw') && words.slice(1).some((word) => /^(package|install|compile|verify|deploy)$/.test(word))) return { first: 0, last: 0 };
  if (name === 'gradle' || name === 'gradlew') return { first: 0, last: 0 };
  if (name === 'dotnet' && (sub === 'publish' || sub === 'build')) return { first: 0, last: 1 };
  if (BUILD_SCRIPT_RUNNERS.has(name)) {
    if ((sub === 'run' || sub === 'run-script') && third === 'build') return { first: 0, last: 2 };
    if (name !== 'npm' && sub === 'build') return { first: 0, last: 1 };
  }
  return undefined;
}

interface BuildStep {
  start: number;
  end: number;
  label: string;
}

/**
 * The docker-library pattern: install build dependencies, build, and remove them again in the same RUN
 * (`apk add --virtual .build-deps …` … `apk del .build-deps`, or `apt-mark auto` … `apt-get purge --auto-remove`),
 * so no toolchain ships even in a single stage.
 */
function removesItsBuildDependencies(commands: RunCommand[]): boolean {
  const virtuals = new Set<string>();
  let markedAuto = false;
  let autoRemoved = false;
  for (const command of commands) {
    const call = programCall(command);
    if (!call) continue;
    const options = call.words;
    if (call.name === 'apk' && call.subcommand === 'add') {
      const flag = options.findIndex((word) => word === '--virtual' || word === '-t');
      if (flag > 0 && options[flag + 1]) virtuals.add(options[flag + 1]);
      const inline = options.find((word) => word.startsWith('--virtual='));
      if (inline) virtuals.add(inline.slice('--virtual='.length));
    }
    if (call.name === 'apk' && call.subcommand === 'del' && operands(call).some((name) => virtuals.has(name))) return true;
    if (call.name === 'apt-mark' && call.subcommand === 'auto') markedAuto = true;
    if ((call.name === 'apt-get' || call.name === 'apt') && (call.subcommand === 'autoremove' || (/^(purge|remove)$/.test(call.subcommand ?? '') && hasOption(call, '--auto-remove')))) autoRemoved = true;
  }
  if (markedAuto && autoRemoved) return true;
  // Every toolchain package this RUN installs is purged again before it ends.
  const installed = commands.flatMap((command) => {
    const call = programCall(command);
    return call && ownEntry(PACKAGE_INSTALL, call.name)?.includes(call.subcommand ?? '') ? operands(call).filter((word) => TOOLCHAIN_PACKAGE.test(word)) : [];
  });
  const removed = new Set(commands.flatMap((command) => {
    const call = programCall(command);
    return call && ownEntry(PACKAGE_REMOVE, call.name)?.includes(call.subcommand ?? '') ? operands(call) : [];
  }));
  return installed.length > 0 && installed.every((name) => removed.has(name));
}

function findBuildStep(commands: RunCommand[]): BuildStep | undefined {
  // The cheap search first: most RUNs build nothing, and then whether they clean up does not matter.
  const step = firstBuildStep(commands);
  return step && !removesItsBuildDependencies(commands) ? step : undefined;
}

function firstBuildStep(commands: RunCommand[]): BuildStep | undefined {
  const removed = new Set<string>();
  for (const { words, program } of commands) {
    if (program < words.length && ownEntry(PACKAGE_REMOVE, words[program])?.includes(words[program + 1])) {
      for (let i = program + 2; i < words.length; i++) removed.add(words[i]);
    }
  }
  for (const command of commands) {
    const words = command.words.slice(command.program);
    const build = buildWords(words);
    if (build) {
      const start = command.spans[command.program + build.first].start;
      const end = command.spans[command.program + build.last].end;
      return { start, end, label: words.slice(build.first, build.last + 1).join(' ') };
    }
    const [program, action] = words;
    if (program && ownEntry(PACKAGE_INSTALL, program)?.includes(action)) {
      const index = words.findIndex((word, i) => i > 1 && TOOLCHAIN_PACKAGE.test(word) && !removed.has(word));
      // A toolchain installed and purged in the same RUN (the docker-library pattern) leaves no compiler in the image.
      if (index > 0 && !(removed.size > 0 && words.slice(2).filter((word) => TOOLCHAIN_PACKAGE.test(word)).every((word) => removed.has(word)))) {
        const span = command.spans[command.program + index];
        return { start: span.start, end: span.end, label: words[index] };
      }
    }
  }
  return undefined;
}

export default defineRule({
  id: 'dockerfile/no-multi-stage',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#multi-stage-builds',
  title: { en: 'Build in one stage, run in another', ja: 'ビルド用と実行用のステージを分ける' },
  messages: {
    buildInSingleStage: {
      en: 'This single-stage image runs "{step}", so the compiler and build tools ship to production. Build in a first stage and COPY --from=build only the output into a slim runtime stage.',
      ja: 'このシングルステージのイメージは「{step}」を実行するため、コンパイラやビルドツールが本番に含まれます。最初のステージでビルドし、成果物だけを COPY --from=build で軽量な実行用ステージへコピーしてください。',
    },
  },
  fixable: 'refactor.rewrite',
  peerIds: [],
  check({ document, report }) {
    if (document.stages.length !== 1) return;
    for (const instruction of document.stages[0].instructions) {
      if (instruction.getKeyword() !== 'RUN') continue;
      const step = findBuildStep(runCommands(document, instruction));
      if (step) {
        report({ range: document.lines.rangeOf(step.start, step.end), messageId: 'buildInSingleStage', args: { step: step.label } });
        return;
      }
    }
  },
  fix({ document }) {
    if (document.stages.length !== 1) return undefined;
    return { title: { en: 'Split into a build stage and a runtime stage', ja: 'ビルドステージと実行ステージに分割する' }, kind: 'refactor.rewrite', isPreferred: false, edits: splitIntoStages(document, document.stages[0]) };
  },
});

/** Instructions that describe how the image runs, not how it is built: they move to the runtime stage. */
const RUNTIME_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'HEALTHCHECK', 'STOPSIGNAL', 'VOLUME']);

function splitIntoStages(document: DockerfileDocument, stage: Stage): TextEdit[] {
  const { lines } = document;
  const edits: TextEdit[] = [];
  const from = stage.from;
  const stageName = stage.name ?? 'build';
  if (!stage.name) {
    const imageRange = from.getImageRange() ?? from.getRange();
    edits.push({ range: { start: imageRange.end, end: imageRange.end }, newText: ' AS build' });
  }
  const workdirs = stage.instructions.filter((instruction) => instruction.getKeyword() === 'WORKDIR');
  const workdir = workdirs.at(-1)?.getArgumentsContent()?.trim() || '/app';
  const moved: string[] = [];
  for (const instruction of stage.instructions) {
    if (!RUNTIME_KEYWORDS.has(instruction.getKeyword())) continue;
    const range = instruction.getRange();
    const start = lines.lineStart(range.start.line);
    const nextLine = range.end.line + 1;
    const end = nextLine < lines.lineCount ? lines.lineStart(nextLine) : lines.lineEnd(range.end.line);
    moved.push(document.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)));
    edits.push({ range: lines.rangeOf(start, end), newText: '' });
  }
  const image = from.getImage() ?? 'scratch';
  const runtimeStage = [
    '',
    `# Runtime stage: only what the application needs to run. Check that ${runtimeImageFor(image)} suits it.`,
    `FROM ${runtimeImageFor(image)}`,
    `WORKDIR ${workdir}`,
    `COPY --from=${stageName} ${workdir} ${workdir}`,
    ...moved,
  ];
  // A dangling continuation inside a moved instruction is removed with it; its own edit would overlap.
  const offsets = (edit: TextEdit) => [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)];
  const appended = appendLines(document, runtimeStage).filter((edit) => {
    const [start, end] = offsets(edit);
    return !edits.some((removal) => offsets(removal)[0] <= start && end <= offsets(removal)[1] && start < end);
  });
  return [...edits, ...appended];
}

/** A slimmer image of the same runtime where one is well known; otherwise the same image, for the user to slim. */
export function runtimeImageFor(image: string): string {
  const [name, tag = 'latest'] = image.split(':');
  const version = tag.split('-')[0];
  if (/(^|\/)golang$/.test(name)) return 'gcr.io/distroless/static-debian12:nonroot';
  if (/(^|\/)node$/.test(name)) return `node:${version}-slim`;
  if (/(^|\/)python$/.test(name)) return `python:${version}-slim`;
  if (/(^|\/)(maven|gradle|openjdk|eclipse-temurin)$/.test(name)) return 'eclipse-temurin:21-jre';
  if (/(^|\/)rust$/.test(name)) return 'debian:bookworm-slim';
  if (/dotnet\/sdk$/.test(name)) return `mcr.microsoft.com/dotnet/aspnet:${version}`;
  return image;
}
