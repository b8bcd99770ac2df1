import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { runSites } from '../../server/src/engine/dockerfile/run';
import { wrapperWords } from '../../server/src/engine/dockerfile/shell';

export default defineRule({
  id: 'dockerfile/sudo',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.4.1#least-privilege',
  title: { en: 'Do not use sudo in a Dockerfile', ja: 'Dockerfile で sudo を使わない' },
  messages: {
    sudo: {
      en: 'This RUN uses sudo. Builds already run as the current USER; switch with "USER root" for the steps that need it and back to an unprivileged USER afterwards, and keep sudo (and its setuid binary) out of the image.',
      ja: 'この RUN は sudo を使っています。ビルドは現在の USER で実行されます。必要な手順だけ「USER root」に切り替えてから非特権の USER に戻し、sudo（と setuid されたバイナリ）をイメージに入れないでください。',
    },
  },
  peerIds: ['DL3004'],
  check({ document, report }) {
    for (const { instruction, script, posix } of runSites(document)) {
      if (posix && script.commands.some((command) => wrapperWords(command).includes('sudo'))) {
        report({ range: firstLineRange(document, instruction), messageId: 'sudo' });
      }
    }
  },
});
