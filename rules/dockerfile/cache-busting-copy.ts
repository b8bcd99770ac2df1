import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../server/src/engine/rule';
import { copiesWholeContext, firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { dependencyInstall, programCall } from '../../server/src/engine/dockerfile/programs';
import { runCommands } from '../../server/src/engine/dockerfile/run';

export default defineRule({
  id: 'dockerfile/cache-busting-copy',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Copy dependency manifests before the source', ja: 'ソースより先に依存関係のマニフェストをコピーする' },
  messages: {
    copyBeforeInstall: {
      en: 'The whole build context is copied before "{install}", so any source change re-installs every dependency. First COPY only the manifests (package.json and its lock file, requirements.txt, go.mod/go.sum, …), install, then COPY the rest.',
      ja: 'ビルドコンテキスト全体を「{install}」より前にコピーしているため、ソースを少し変えるだけで依存関係がすべて再インストールされます。先にマニフェスト（package.json とロックファイル、requirements.txt、go.mod/go.sum など）だけを COPY してインストールし、その後で残りを COPY してください。',
    },
  },
  peerIds: [],
  check({ document, report }) {
    for (const stage of document.stages) {
      let wholeCopy: Instruction | undefined;
      for (const instruction of stage.instructions) {
        if (!wholeCopy && copiesWholeContext(instruction)) wholeCopy = instruction;
        if (!wholeCopy || instruction.getKeyword() !== 'RUN') continue;
        const install = runCommands(document, instruction).map((command) => dependencyInstall(programCall(command))).find((label) => label !== undefined);
        if (install) {
          report({ range: firstLineRange(document, wholeCopy), messageId: 'copyBeforeInstall', args: { install }, data: { install } });
          break;
        }
      }
    }
  },
});
