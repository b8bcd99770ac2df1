import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { programCall } from '../../server/src/engine/dockerfile/programs';
import { runSites, type RunCommand } from '../../server/src/engine/dockerfile/run';

/** `cd -`, `cd ..`, `cd /`, `cd "$OLDPWD"`: the chain goes back out, so no later step depends on the cd. */
const UNDO_TARGETS = new Set(['-', '..', '/', '$OLDPWD', '${OLDPWD}']);

function cdTarget(command: RunCommand): string | undefined {
  const call = programCall(command);
  if (!call) return undefined;
  if (call.name === 'popd') return '-';
  if (call.name !== 'cd' && call.name !== 'pushd') return undefined;
  return call.words.slice(1).find((word) => !/^-[LPe@]+$/.test(word)) ?? '~';
}

/** The first top-level `cd` that the same RUN never undoes, or undefined. */
function lastingCd(commands: readonly RunCommand[]): string | undefined {
  // A cd inside `( … )` or `$( … )` ends with that subshell.
  const topLevel = commands.filter((command) => !command.substitution && command.subshellDepth === 0);
  let pending: string | undefined;
  for (const command of topLevel) {
    const target = cdTarget(command);
    if (target === undefined) continue;
    if (UNDO_TARGETS.has(target)) pending = undefined;
    else pending ??= target;
  }
  return pending;
}

export default defineRule({
  id: 'dockerfile/cd-in-run',
  language: 'dockerfile',
  defaultSeverity: 'info',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Use WORKDIR instead of cd', ja: 'cd ではなく WORKDIR を使う' },
  messages: {
    useWorkdir: {
      en: 'This RUN changes directory with "cd {directory}" and works there, which only lasts until the RUN ends and hides where files go. Set "WORKDIR {directory}" before the RUN (or wrap the steps in a subshell: "(cd {directory} && …)").',
      ja: 'この RUN は「cd {directory}」でディレクトリを移動してそこで作業していますが、その効果は RUN の終わりまでしか続かず、ファイルの置き場所も分かりにくくなります。RUN の前に「WORKDIR {directory}」を設定してください（またはサブシェル「(cd {directory} && …)」で囲んでください）。',
    },
  },
  peerIds: ['DL3003'],
  check({ document, report }) {
    for (const { instruction, script, posix } of runSites(document)) {
      if (!posix || script.execForm) continue;
      const directory = lastingCd(script.commands);
      if (directory !== undefined) report({ range: firstLineRange(document, instruction), messageId: 'useWorkdir', args: { directory }, data: { directory } });
    }
  },
});
