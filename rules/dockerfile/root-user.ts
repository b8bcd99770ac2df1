import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../server/src/engine/rule';
import type { DockerfileDocument, Stage } from '../../server/src/engine/dockerfile/parse';
import { appendLines } from '../../server/src/engine/dockerfile/instructions';
import { expandVariables, knownVariables, parentCandidates } from '../../server/src/engine/dockerfile/stages';
import type { Range } from '../../server/src/engine/types';

export const NON_ROOT_UID = '10001';

/** `root`, `0`, and either with any group (`root:root`, `0:1000`). */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0].trim();
  return name === 'root' || name === '0';
}

interface EffectiveUser {
  user: string | undefined;
  instruction: Instruction | undefined;
}

/** Substitutes `${VAR}`/`$VAR` from ARG and ENV values known at the instruction; with an unknown variable the value stays as written. */
function expand(document: DockerfileDocument, stage: Stage, instruction: Instruction): string {
  const value = instruction.getArgumentsContent()?.trim() ?? '';
  return expandVariables(value, knownVariables(document, stage, instruction.getRange().start.line)) ?? value;
}

function effectiveUser(document: DockerfileDocument, stage: Stage, depth = 0): EffectiveUser {
  const users = stage.instructions.filter((instruction) => instruction.getKeyword() === 'USER');
  const last = users.at(-1);
  if (last) return { user: expand(document, stage, last), instruction: last };
  const image = stage.from.getImage()?.toLowerCase();
  // `FROM build-${TARGETOS}` may be any stage whose name fits: it counts as root only when all of them are.
  const parents = depth < document.stages.length ? parentCandidates(document, stage) : [];
  if (parents.length > 0) {
    const inherited = parents.map((parent) => effectiveUser(document, parent, depth + 1));
    return inherited.find((candidate) => candidate.user !== undefined && !isRootUser(candidate.user)) ?? inherited[0];
  }
  // Images published to run unprivileged say so in their tag (distroless `:nonroot`, `-nonroot`).
  if (image && /[:-]nonroot\b/.test(image)) return { user: 'nonroot', instruction: undefined };
  return { user: undefined, instruction: undefined };
}

export default defineRule({
  id: 'dockerfile/root-user',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.4.1#least-privilege',
  title: { en: 'Run the final image as a non-root user', ja: '最終イメージは非 root ユーザーで実行する' },
  messages: {
    noUser: {
      en: 'The final stage never sets USER, so the container runs as root. Add "USER {uid}" (a numeric, unprivileged uid) before CMD/ENTRYPOINT.',
      ja: '最終ステージで USER が設定されていないため、コンテナは root で動きます。CMD/ENTRYPOINT の前に「USER {uid}」（数値の非特権 UID）を追加してください。',
    },
    rootUser: {
      en: 'The final stage switches to root ("{user}"), so the container runs as root. Switch to an unprivileged numeric user such as "USER {uid}" after the steps that need root.',
      ja: '最終ステージが root（「{user}」）に切り替えているため、コンテナは root で動きます。root が必要な手順の後で「USER {uid}」のような非特権の数値ユーザーに切り替えてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['DL3002'],
  check({ document, report }) {
    const stage = document.stages.at(-1);
    if (!stage) return;
    const { user, instruction } = effectiveUser(document, stage);
    if (user === undefined) {
      report({ range: fromLineRange(document, stage), messageId: 'noUser', args: { uid: NON_ROOT_UID } });
    } else if (isRootUser(user) && instruction && stage.instructions.includes(instruction)) {
      report({ range: instruction.getArgumentsRange() ?? instruction.getRange(), messageId: 'rootUser', args: { user, uid: NON_ROOT_UID } });
    } else if (isRootUser(user)) {
      report({ range: fromLineRange(document, stage), messageId: 'rootUser', args: { user, uid: NON_ROOT_UID } });
    }
  },
  fix({ document }) {
    const stage = document.stages.at(-1);
    if (!stage) return undefined;
    const { lines } = document;
    const eol = lines.eol;
    const lastUser = stage.instructions.filter((instruction) => instruction.getKeyword() === 'USER').at(-1);
    const afterLine = lastUser ? lastUser.getRange().end.line : -1;
    const runner = stage.instructions.find((instruction) => ['CMD', 'ENTRYPOINT'].includes(instruction.getKeyword()) && instruction.getRange().start.line > afterLine);
    const text = [`# Run as an unprivileged user; a numeric uid lets Kubernetes verify runAsNonRoot.`, `USER ${NON_ROOT_UID}`];
    if (runner) {
      const offset = lines.lineStart(runner.getRange().start.line);
      return { title: { en: `Add "USER ${NON_ROOT_UID}" before ${runner.getKeyword()}`, ja: `${runner.getKeyword()} の前に「USER ${NON_ROOT_UID}」を追加する` }, edits: [{ range: lines.rangeOf(offset, offset), newText: text.join(eol) + eol }] };
    }
    return { title: { en: `Add "USER ${NON_ROOT_UID}" at the end of the final stage`, ja: `最終ステージの末尾に「USER ${NON_ROOT_UID}」を追加する` }, edits: appendLines(document, text) };
  },
});

function fromLineRange(document: DockerfileDocument, stage: Stage): Range {
  const range = stage.from.getRange();
  const line = range.start.line;
  return { start: range.start, end: { line, character: document.lines.lineEnd(line) - document.lines.lineStart(line) } };
}
