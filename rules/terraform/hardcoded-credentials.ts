import { defineRule } from '../../server/src/engine/rule';
import { appendToFile } from '../../server/src/engine/terraform/edit';
import type { HclBlock } from '../../server/src/engine/terraform/hcl';
import { nodeRange, variableDeclared } from '../../server/src/engine/terraform/resources';
import { literalStringValue } from '../../server/src/engine/terraform/strings';

/** Arguments that hold a credential in AWS, Azure, Google and most other providers. */
export const CREDENTIAL_ARGUMENTS = ['access_key', 'secret_key', 'password', 'admin_password', 'master_password', 'client_secret', 'token'];

/** Every block of a provider or resource, nested ones included (`os_profile { admin_password = … }`). */
function blocksWithin(block: HclBlock): HclBlock[] {
  return [block, ...block.blocks.flatMap(blocksWithin)];
}

/** `provider "aws"` → `aws_access_key`; `resource "aws_db_instance" "app"` → `app_password`. */
function variableName(owner: HclBlock, argument: string): string {
  const label = owner.type === 'provider' ? owner.labels[0] : owner.labels[1];
  const base = (label ?? owner.type).replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
  return `${base}_${argument}`;
}

export default defineRule({
  id: 'terraform/hardcoded-credentials',
  language: 'terraform',
  defaultSeverity: 'error',
  skill: '4.4.1#secrets-management',
  title: { en: 'Do not write credentials into Terraform files', ja: 'Terraform ファイルに認証情報を書かない' },
  messages: {
    literal: {
      en: '{argument} is written as a literal, so it ends up in version control and in every copy of the code. Pass it in through a sensitive variable, a secret manager data source or the provider\'s environment variables.',
      ja: '{argument} がリテラルで書かれているため、バージョン管理やコードのすべてのコピーに残ります。sensitive な変数、シークレットマネージャーのデータソース、プロバイダーの環境変数から渡してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_41', 'CKV_AZURE_45', 'general-secrets-no-plaintext-exposure'],
  check({ document, report }) {
    for (const owner of document.blocks) {
      if (owner.type !== 'provider' && owner.type !== 'resource') continue;
      for (const block of blocksWithin(owner)) {
        for (const argument of CREDENTIAL_ARGUMENTS) {
          const attribute = block.attributes.get(argument);
          const literal = attribute ? literalStringValue(attribute.expression, document.text) : undefined;
          if (!attribute || !literal || literal.text === '') continue;
          report({
            range: nodeRange(document, attribute.expression),
            messageId: 'literal',
            args: { argument },
            data: { argument, variable: variableName(owner, argument) },
          });
        }
      }
    }
  },
  fix({ document, finding }) {
    const variable = finding.data?.variable;
    if (typeof variable !== 'string') return undefined;
    const edits = [{ range: finding.range, newText: `var.${variable}` }];
    if (!variableDeclared(document, variable)) {
      edits.push(appendToFile(document, [
        `variable "${variable}" {`,
        '  description = "Supplied at plan time (TF_VAR_… or a secret store); never committed."',
        '  type        = string',
        '  sensitive   = true',
        '}',
      ]));
    }
    return { title: { en: `Move the value to the sensitive variable var.${variable}`, ja: `値を sensitive 変数 var.${variable} に移す` }, edits };
  },
});
