import { defineRule } from '../../server/src/engine/rule';
import { copyOperands, firstLineRange, flagValue, instructionStartingAt, keywordInCaseOf } from '../../server/src/engine/dockerfile/instructions';

/** ADD unpacks local tar archives (compressed or not) into the destination; that is the one job COPY cannot do. */
export const AUTO_EXTRACTED = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
/** What ADD fetches instead of reading from the context: URLs and git repositories. */
export const REMOTE_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** Flags only ADD understands; with them, COPY is not a drop-in replacement. */
const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir', 'unpack'];

export default defineRule({
  id: 'dockerfile/add-instead-of-copy',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Use COPY for local files', ja: 'ローカルファイルには COPY を使う' },
  messages: {
    useCopy: {
      en: 'ADD is used for local files that are not tar archives; it does the same as COPY plus hidden magic (unpacking, downloads). Use COPY so the intent is plain.',
      ja: 'tar アーカイブではないローカルファイルに ADD を使っています。ADD は COPY と同じことに加えて暗黙の動作（展開やダウンロード）をします。意図が明確になるよう COPY を使ってください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['DL3020'],
  check({ document, report }) {
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'ADD') continue;
        if (ADD_ONLY_FLAGS.some((flag) => flagValue(instruction, flag) !== undefined)) continue;
        const { sources } = copyOperands(instruction);
        // A variable may name an archive or a URL; judge only what is written.
        if (sources.some((source) => REMOTE_SOURCE.test(source) || AUTO_EXTRACTED.test(source) || source.includes('$'))) continue;
        report({ range: firstLineRange(document, instruction), messageId: 'useCopy' });
      }
    }
  },
  fix({ document, finding }) {
    const instruction = instructionStartingAt(document, finding.range.start.line);
    if (!instruction || instruction.getKeyword() !== 'ADD') return undefined;
    const copy = keywordInCaseOf(instruction.getInstruction(), 'COPY');
    return { title: { en: 'Replace ADD with COPY', ja: 'ADD を COPY に置き換える' }, edits: [{ range: instruction.getInstructionRange(), newText: copy }] };
  },
});
