import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { isAptUpdate, programCall, removesPath } from '../../server/src/engine/dockerfile/programs';
import { runSites } from '../../server/src/engine/dockerfile/run';

/** apt subcommands that use the package lists the update just fetched. */
const USES_LISTS = /^(install|upgrade|dist-upgrade|full-upgrade|build-dep|source|download|satisfy|reinstall)$/;

export default defineRule({
  id: 'dockerfile/apt-update-alone',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Run apt-get update in the same RUN as the install', ja: 'apt-get update はインストールと同じ RUN で実行する' },
  messages: {
    updateAlone: {
      en: 'This RUN updates the apt package lists without installing anything. Docker caches this layer, so a later "apt-get install" may use stale lists and fail or install old versions. Combine them: "apt-get update && apt-get install -y …" in one RUN.',
      ja: 'この RUN は何もインストールせずに apt のパッケージリストだけを更新しています。Docker はこのレイヤーをキャッシュするため、後の「apt-get install」が古いリストを使い、失敗したり古いバージョンを入れたりします。1 つの RUN で「apt-get update && apt-get install -y …」とまとめてください。',
    },
  },
  peerIds: [],
  check({ document, report }) {
    for (const { instruction, script, posix } of runSites(document)) {
      if (!posix) continue;
      const calls = script.commands.map(programCall);
      if (!calls.some(isAptUpdate)) continue;
      const usesLists = calls.some((call) => call && (call.name === 'apt-get' || call.name === 'apt' || call.name === 'aptitude') && USES_LISTS.test(call.subcommand ?? ''));
      if (usesLists || removesPath(script.commands, /^\/var\/lib\/apt\/lists(\/\*?)?$/)) continue;
      report({ range: firstLineRange(document, instruction), messageId: 'updateAlone' });
    }
  },
});
