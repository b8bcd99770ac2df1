import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange, flagsOf, instructionStartingAt } from '../../server/src/engine/dockerfile/instructions';
import type { DockerfileDocument, Stage } from '../../server/src/engine/dockerfile/parse';
import { expandVariables, knownVariables } from '../../server/src/engine/dockerfile/stages';

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length];
}

export function closestName(name: string, candidates: readonly string[]): string | undefined {
  return [...candidates].sort((a, b) => editDistance(name, a) - editDistance(name, b))[0];
}

type Problem = { messageId: 'unknownStage' | 'laterStage' | 'unknownIndex'; reference: string; suggestion?: string };

/** What is wrong with a `--from` value, or undefined when it names an earlier stage or an image. */
function judge(document: DockerfileDocument, stage: Stage, instruction: Instruction, written: string): Problem | undefined {
  const value = expandVariables(written, knownVariables(document, stage, instruction.getRange().start.line));
  // An unknown variable, or a reference with `/`, `:`, `@` or `.` is an image (`nginx:1.27`, `ghcr.io/x/y`).
  if (value === undefined || value === '' || /[/:@.]/.test(value)) return undefined;
  const earlier = document.stages.filter((candidate) => candidate.index < stage.index);
  if (/^\d+$/.test(value)) return Number(value) < stage.index ? undefined : { messageId: 'unknownIndex', reference: value };
  const lower = value.toLowerCase();
  if (earlier.some((candidate) => candidate.name === lower)) return undefined;
  if (document.stages.some((candidate) => candidate.name === lower)) return { messageId: 'laterStage', reference: value };
  const names = earlier.map((candidate) => candidate.name).filter((name): name is string => name !== undefined);
  return { messageId: 'unknownStage', reference: value, suggestion: closestName(lower, names) };
}

/** `COPY --from=x` and `RUN --mount=…,from=x`, with the range of the written value. */
function fromReferences(instruction: Instruction): { value: string; range: NonNullable<ReturnType<Instruction['getArgumentsRange']>> }[] {
  const references = [];
  for (const flag of flagsOf(instruction)) {
    const name = flag.getName().toLowerCase();
    if (name === 'from' && instruction.getKeyword() === 'COPY' && flag.getValue() && flag.getValueRange()) references.push({ value: flag.getValue() as string, range: flag.getValueRange()! });
    if (name === 'mount' && instruction.getKeyword() === 'RUN') {
      const option = flag.getOption('from');
      if (option?.getValue() && option.getValueRange()) references.push({ value: option.getValue() as string, range: option.getValueRange()! });
    }
  }
  return references;
}

export default defineRule({
  id: 'dockerfile/copy-from-unknown-stage',
  language: 'dockerfile',
  defaultSeverity: 'error',
  skill: '4.1.1#multi-stage-builds',
  title: { en: 'COPY --from must name an earlier stage', ja: 'COPY --from は前のステージを指定する' },
  messages: {
    likelyTypo: {
      en: '"{reference}" is not the name of an earlier stage, so Docker will try to pull an image called "{reference}". Did you mean stage "{suggestion}"? If you meant an image, give it a tag.',
      ja: '「{reference}」は前のステージの名前ではないため、Docker は「{reference}」という名前のイメージを pull しようとします。ステージ「{suggestion}」の誤りではありませんか。イメージを指定するならタグを付けてください。',
    },
    unknownStage: {
      en: '"{reference}" is not the name of an earlier stage, so Docker will try to pull an image called "{reference}". Name a stage with "FROM … AS {reference}" above this line, or give the image a tag.',
      ja: '「{reference}」は前のステージの名前ではないため、Docker は「{reference}」という名前のイメージを pull しようとします。この行より上で「FROM … AS {reference}」とステージに名前を付けるか、イメージにタグを付けてください。',
    },
    laterStage: {
      en: 'Stage "{reference}" is defined later in the file (or is this stage). Copy only from stages defined above this one, or move that stage up.',
      ja: 'ステージ「{reference}」はファイルの後方（またはこのステージ自身）で定義されています。このステージより上で定義したステージからだけコピーするか、そのステージを上に移動してください。',
    },
    unknownIndex: {
      en: 'Stage index {reference} does not refer to an earlier stage (stages are numbered from 0). Use the name of an earlier stage instead of a number.',
      ja: 'ステージ番号 {reference} は前のステージを指していません（ステージは 0 から数えます）。番号ではなく前のステージの名前を使ってください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['DL3022'],
  check({ document, report }) {
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        for (const reference of fromReferences(instruction)) {
          const problem = judge(document, stage, instruction, reference.value);
          if (!problem) continue;
          report({
            range: firstLineRange(document, instruction),
            messageId: problem.suggestion ? 'likelyTypo' : problem.messageId,
            args: { reference: problem.reference, suggestion: problem.suggestion ?? '' },
            data: { reference: reference.value, ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) },
          });
        }
      }
    }
  },
  fix({ document, finding }) {
    const instruction = instructionStartingAt(document, finding.range.start.line);
    const suggestion = finding.data?.suggestion;
    if (!instruction || typeof suggestion !== 'string') return undefined;
    const reference = fromReferences(instruction).find((candidate) => candidate.value === finding.data?.reference);
    if (!reference) return undefined;
    return { title: { en: `Copy from stage "${suggestion}"`, ja: `ステージ「${suggestion}」からコピーする` }, edits: [{ range: reference.range, newText: suggestion }] };
  },
});
