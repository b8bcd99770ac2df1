import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { hasPipe, pipelines, programCall } from '../../server/src/engine/dockerfile/programs';
import { runSites, type RunCommand } from '../../server/src/engine/dockerfile/run';
import { shellAt } from '../../server/src/engine/dockerfile/stages';

/**
 * Upstream commands whose failure is not worth a failed build: `echo`/`printf` cannot fail meaningfully,
 * and `yes` always dies of SIGPIPE, so pipefail would break `yes | apt-get …`.
 */
const HARMLESS_UPSTREAM = new Set(['echo', 'printf', 'yes', 'true', ':']);

const CONDITION_KEYWORDS = new Set(['if', 'elif', 'while', 'until', '!']);

function enablesPipefail(words: readonly string[]): boolean {
  return words.some((word, index) => word === 'pipefail' && /^-[a-zA-Z]*o$/.test(words[index - 1] ?? ''));
}

/** True when a pipeline whose upstream can fail runs before the RUN turns pipefail on. */
function hasUnguardedPipe(commands: readonly RunCommand[]): boolean {
  if (!hasPipe(commands)) return false;
  let pipefail = false;
  const pipelineOf = new Map<RunCommand, RunCommand[]>();
  for (const pipeline of pipelines(commands)) for (const command of pipeline) pipelineOf.set(command, pipeline);
  for (const command of commands) {
    const call = programCall(command);
    if (call?.name === 'set' && enablesPipefail(call.words)) pipefail = true;
    const pipeline = pipelineOf.get(command);
    if (pipefail || !pipeline || pipeline[0] !== command || pipeline.length < 2) continue;
    // A substitution's or a condition's status is consumed on purpose (`if head x | grep -q y`), and
    // pipefail would even break such tests when the reader stops early.
    if (command.substitution || CONDITION_KEYWORDS.has(command.keyword ?? '')) continue;
    if (pipeline.slice(0, -1).some((upstream) => !HARMLESS_UPSTREAM.has(programCall(upstream)?.name ?? ''))) return true;
  }
  return false;
}

export default defineRule({
  id: 'dockerfile/missing-pipefail',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#workload-reliability',
  title: { en: 'Make piped RUN commands fail when any part fails', ja: 'パイプを使う RUN はどこかが失敗したら失敗させる' },
  messages: {
    noPipefail: {
      en: 'This RUN pipes commands, but the shell only checks the last one: if the first fails (a download error, say), the build goes on with bad output. Start with "set -o pipefail &&", or set SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it.',
      ja: 'この RUN はコマンドをパイプでつないでいますが、シェルは最後のコマンドの結果しか見ません。最初のコマンド（ダウンロードなど）が失敗しても、壊れた出力のままビルドが続きます。先頭に「set -o pipefail &&」を付けるか、その前に SHELL ["/bin/bash", "-o", "pipefail", "-c"] を設定してください。',
    },
  },
  peerIds: ['DL4006'],
  check({ document, report }) {
    for (const { stage, instruction, script, posix } of runSites(document)) {
      if (!posix || script.execForm) continue;
      if (enablesPipefail(shellAt(document, stage, instruction.getRange().start.line))) continue;
      if (hasUnguardedPipe(script.commands)) report({ range: firstLineRange(document, instruction), messageId: 'noPipefail' });
    }
  },
});
