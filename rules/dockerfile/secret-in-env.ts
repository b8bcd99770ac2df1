import type { Property } from 'dockerfile-ast';
import { defineRule } from '../../server/src/engine/rule';
import { containsCredentialWord } from '../../server/src/engine/credential-words';
import { firstLineRange, propertiesOf } from '../../server/src/engine/dockerfile/instructions';

/** Values that switch a feature rather than hold a secret (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`). */
const SWITCH_VALUE = /^(true|false|yes|no|on|off|0|1|y|n|enabled?|disabled?|none|null)$/i;
const VARIABLE_REFERENCE = /\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g;

// Shared with secret-build-arg; remembered per instruction by the engine's helper.
export { propertiesOf } from '../../server/src/engine/dockerfile/instructions';

/** A value written into the Dockerfile itself, as opposed to one passed in (`$TOKEN`) or a pointer to a file. */
export function isLiteralSecretValue(value: string | null): boolean {
  if (value === null) return false;
  const literal = value.replace(VARIABLE_REFERENCE, '').replace(/["']/g, '').trim();
  if (literal === '' || SWITCH_VALUE.test(literal)) return false;
  // `/run/secrets/db` points at a mounted secret.
  return !value.startsWith('/run/secrets/');
}

export function declaresCredential(property: Property): boolean {
  return containsCredentialWord(property.getName());
}

export default defineRule({
  id: 'dockerfile/secret-in-env',
  language: 'dockerfile',
  defaultSeverity: 'error',
  skill: '4.4.1#secrets-management',
  title: { en: 'Keep secrets out of ENV and ARG values', ja: 'シークレットを ENV や ARG の値に書かない' },
  messages: {
    literalSecret: {
      en: '{keyword} sets {names} to a value written in the Dockerfile, so anyone who can pull the image (or read the repository) can read it. Remove the value; pass the secret at build time with RUN --mount=type=secret, or at run time from a secret store.',
      ja: '{keyword} が {names} に Dockerfile 内の値を設定しているため、イメージを pull できる人（やリポジトリを読める人）なら誰でも読めます。値を削除し、ビルド時は RUN --mount=type=secret で、実行時はシークレットストアから渡してください。',
    },
  },
  peerIds: [],
  check({ document, report }) {
    const instructions = [...document.globalInstructions, ...document.stages.flatMap((stage) => stage.instructions)];
    for (const instruction of instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      const names = propertiesOf(instruction).filter((property) => declaresCredential(property) && isLiteralSecretValue(property.getValue())).map((property) => property.getName());
      if (names.length > 0) report({ range: firstLineRange(document, instruction), messageId: 'literalSecret', args: { keyword, names: names.join(', ') }, data: { names } });
    }
  },
});
