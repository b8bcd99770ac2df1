import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { declaresCredential, isLiteralSecretValue, propertiesOf } from './secret-in-env';

export default defineRule({
  id: 'dockerfile/secret-build-arg',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.4.1#secrets-management',
  title: { en: 'Do not pass secrets as build arguments', ja: 'シークレットをビルド引数で渡さない' },
  messages: {
    secretArg: {
      en: 'ARG {names} looks like a secret, and build argument values are recorded in the image history (docker history shows them). Use RUN --mount=type=secret,id=… and read the file in the RUN that needs it.',
      ja: 'ARG {names} はシークレットのようですが、ビルド引数の値はイメージの履歴に記録されます（docker history で見えます）。RUN --mount=type=secret,id=… を使い、必要な RUN の中でそのファイルを読んでください。',
    },
  },
  peerIds: [],
  check({ document, report }) {
    const instructions = [...document.globalInstructions, ...document.stages.flatMap((stage) => stage.instructions)];
    for (const instruction of instructions) {
      if (instruction.getKeyword() !== 'ARG') continue;
      // An ARG with a literal secret default is secret-in-env's finding; report the passed-in ones here.
      const names = propertiesOf(instruction).filter((property) => declaresCredential(property) && !isLiteralSecretValue(property.getValue())).map((property) => property.getName());
      if (names.length > 0) report({ range: firstLineRange(document, instruction), messageId: 'secretArg', args: { names: names.join(', ') }, data: { names } });
    }
  },
});
