import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingReport, settingState } from '../../server/src/engine/terraform/checks';
import { attributeValue, resources } from '../../server/src/engine/terraform/resources';
import { asString } from '../../server/src/engine/terraform/values';

export default defineRule({
  id: 'terraform/kms-key-rotation-disabled',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.4.1#encryption',
  title: { en: 'Rotate KMS keys automatically', ja: 'KMS キーを自動でローテーションする' },
  messages: {
    disabled: {
      en: 'Automatic rotation is off for this key, so the same key material protects data for years. Set enable_key_rotation = true; AWS keeps old material to decrypt existing data.',
      ja: 'このキーは自動ローテーションが無効なため、同じキーマテリアルが何年もデータを保護し続けます。enable_key_rotation = true にしてください。既存データの復号に必要な古いマテリアルは AWS が保持します。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_7', 'aws-kms-auto-rotate-keys', 'AVD-AWS-0065'],
  check({ document, report }) {
    for (const key of resources(document, ['aws_kms_key'])) {
      // Only symmetric encryption keys can rotate automatically; asymmetric and HMAC keys cannot. Unknown counts as "cannot tell".
      const read = (name: string, fallback: string) => (key.attributes.has(name) ? asString(attributeValue(document, key, name)) ?? 'unknown' : fallback);
      if (read('customer_master_key_spec', 'SYMMETRIC_DEFAULT') !== 'SYMMETRIC_DEFAULT' || read('key_usage', 'ENCRYPT_DECRYPT') !== 'ENCRYPT_DECRYPT') continue;
      const setting = settingState(document, key, 'enable_key_rotation', [true]);
      const found = settingReport(document, key, setting, 'enable_key_rotation', 'true');
      if (found) report({ ...found, messageId: 'disabled' });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Set enable_key_rotation = true', ja: 'enable_key_rotation = true にする' }, edits: [edit] } : undefined;
  },
});
