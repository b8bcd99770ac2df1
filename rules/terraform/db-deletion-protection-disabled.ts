import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingReport, settingState } from '../../server/src/engine/terraform/checks';
import { resources } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/db-deletion-protection-disabled',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.1.3#managed-service-settings',
  title: { en: 'Protect databases from accidental deletion', ja: 'データベースを誤削除から守る' },
  messages: {
    disabled: {
      en: 'Deletion protection is off, so a destroy, a renamed resource or a replaced cluster can delete this database. Set deletion_protection = true; turn it off deliberately when you really mean to delete.',
      ja: '削除保護が無効なため、destroy やリソース名の変更、クラスターの置き換えでこのデータベースが削除される可能性があります。deletion_protection = true にし、本当に削除するときだけ意図して無効にしてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_293', 'CKV_AWS_139', 'aws-rds-enable-deletion-protection', 'AVD-AWS-0177'],
  check({ document, report }) {
    for (const database of resources(document, ['aws_db_instance', 'aws_rds_cluster'])) {
      const setting = settingState(document, database, 'deletion_protection', [true]);
      const found = settingReport(document, database, setting, 'deletion_protection', 'true');
      if (found) report({ ...found, messageId: 'disabled' });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Set deletion_protection = true', ja: 'deletion_protection = true にする' }, edits: [edit] } : undefined;
  },
});
