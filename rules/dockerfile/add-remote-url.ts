import { defineRule } from '../../server/src/engine/rule';
import { copyOperands, firstLineRange, flagValue } from '../../server/src/engine/dockerfile/instructions';

const HTTP_URL = /^https?:\/\//i;
/** A git source with an explicit ref (`….git#v1.2.3`, a commit id) is fetched and checked by git itself. */
const GIT_WITH_REF = /\.git(#|\?ref=)\S+/i;

export default defineRule({
  id: 'dockerfile/add-remote-url',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.4.1#supply-chain',
  title: { en: 'Verify what you download into the image', ja: 'イメージにダウンロードするものは検証する' },
  messages: {
    unverifiedDownload: {
      en: 'ADD downloads "{url}" without checking what arrives. Add --checksum=sha256:<digest> to the ADD, or download with curl and verify the file with sha256sum in a RUN.',
      ja: 'ADD が「{url}」を中身を確かめずにダウンロードしています。ADD に --checksum=sha256:<ダイジェスト> を付けるか、RUN の中で curl でダウンロードして sha256sum で検証してください。',
    },
  },
  peerIds: [],
  check({ document, report }) {
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'ADD' || flagValue(instruction, 'checksum') !== undefined) continue;
        const url = copyOperands(instruction).sources.find((source) => HTTP_URL.test(source) && !GIT_WITH_REF.test(source));
        if (url) report({ range: firstLineRange(document, instruction), messageId: 'unverifiedDownload', args: { url }, data: { url } });
      }
    }
  },
});
