import { defineRule } from '../../server/src/engine/rule';
import { attributeValue, nodeRange, resources } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/no-backup-retention',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.1.3#managed-service-settings',
  title: { en: 'Keep automated database backups', ja: 'データベースの自動バックアップを残す' },
  messages: {
    disabled: {
      en: 'backup_retention_period = 0 turns off automated backups and point-in-time recovery. Keep at least 7 days (35 at most) so a bad migration or a deleted table can be undone.',
      ja: 'backup_retention_period = 0 では自動バックアップとポイントインタイムリカバリが無効になります。誤ったマイグレーションや削除したテーブルを戻せるよう、少なくとも 7 日（最大 35 日）保持してください。',
    },
  },
  peerIds: ['CKV_AWS_133', 'aws-rds-specify-backup-retention', 'AVD-AWS-0077'],
  check({ document, report }) {
    for (const database of resources(document, ['aws_db_instance'])) {
      // Read replicas are commonly run without backups of their own: the source database keeps them.
      if (database.attributes.has('replicate_source_db')) continue;
      const retention = attributeValue(document, database, 'backup_retention_period');
      const days = retention?.kind === 'number' ? retention.value : retention?.kind === 'string' && /^\d+$/.test(retention.value) ? Number(retention.value) : undefined;
      if (days !== 0) continue;
      report({ range: nodeRange(document, database.attributes.get('backup_retention_period')!.expression), messageId: 'disabled' });
    }
  },
});
