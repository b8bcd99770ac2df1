import { defineRule } from '../../server/src/engine/rule';
import { containsCredentialWord } from '../../server/src/engine/credential-words';
import { nodeRange } from '../../server/src/engine/terraform/resources';
import { literalStringValue } from '../../server/src/engine/terraform/strings';

export default defineRule({
  id: 'terraform/sensitive-variable-default',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.4.1#secrets-management',
  title: { en: 'Do not give secret variables a default value', ja: 'シークレット用の変数に既定値を書かない' },
  messages: {
    secretDefault: {
      en: 'The variable "{name}" looks like it holds a credential, and its default puts a real value into the code. Remove the default and supply the value at plan time (TF_VAR_{name}, a secret store); mark it sensitive = true.',
      ja: '変数 "{name}" は認証情報を保持しているように見え、その既定値によって実際の値がコードに含まれています。既定値を削除して、plan 時に値を渡してください（TF_VAR_{name} やシークレットストア）。sensitive = true も付けてください。',
    },
  },
  peerIds: ['CKV_SECRET_6', 'general-secrets-no-plaintext-exposure'],
  check({ document, report }) {
    for (const variable of document.blocks) {
      const name = variable.labels[0];
      if (variable.type !== 'variable' || !name || !containsCredentialWord(name)) continue;
      const fallback = variable.attributes.get('default');
      // Only strings can be secrets: numbers and booleans (`token_ttl = 3600`, `enable_password = true`) are settings.
      const value = fallback ? literalStringValue(fallback.expression, document.text) : undefined;
      if (!fallback || !value || value.text.trim() === '') continue;
      report({ range: nodeRange(document, fallback.expression), messageId: 'secretDefault', args: { name } });
    }
  },
});
