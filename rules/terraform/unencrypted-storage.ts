import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingReport, settingState } from '../../server/src/engine/terraform/checks';
import type { HclBlock } from '../../server/src/engine/terraform/hcl';
import type { TerraformDocument } from '../../server/src/engine/terraform/parse';
import { attributeValue, moduleBlocks, resources } from '../../server/src/engine/terraform/resources';
import { evaluate } from '../../server/src/engine/terraform/values';

/** The attribute that turns encryption at rest on, per resource type. */
const ENCRYPTION_ATTRIBUTE: Record<string, string> = {
  aws_ebs_volume: 'encrypted',
  aws_efs_file_system: 'encrypted',
  aws_db_instance: 'storage_encrypted',
  aws_rds_cluster: 'storage_encrypted',
};

/** `aws_ebs_encryption_by_default { enabled = true }` in the module encrypts every new EBS volume of the region. */
function ebsEncryptedByDefault(document: TerraformDocument): boolean {
  return moduleBlocks(document, 'resource').some(({ block, file }) => {
    if (block.labels[0] !== 'aws_ebs_encryption_by_default') return false;
    const enabled = block.attributes.get('enabled');
    if (!enabled) return true;
    const value = evaluate(enabled.expression, file, document.module);
    return value?.kind === 'bool' && value.value;
  });
}

/** When the setting is absent, some resources still end up encrypted, or take their encryption from elsewhere. */
function inheritsEncryption(document: TerraformDocument, resource: HclBlock): boolean {
  switch (resource.labels[0]) {
    case 'aws_ebs_volume':
      // A volume made from a snapshot has the snapshot's encryption, which we cannot see.
      return resource.attributes.has('snapshot_id') || ebsEncryptedByDefault(document);
    case 'aws_db_instance':
      // Read replicas and restores get their encryption from the source.
      return resource.attributes.has('replicate_source_db') || resource.attributes.has('snapshot_identifier');
    case 'aws_rds_cluster': {
      // Aurora Serverless v1 clusters are always encrypted; replicas and restores inherit from the source.
      const mode = attributeValue(document, resource, 'engine_mode');
      return (mode?.kind === 'string' && mode.value === 'serverless') || resource.attributes.has('snapshot_identifier') || resource.attributes.has('replication_source_identifier');
    }
    default:
      return false;
  }
}

export default defineRule({
  id: 'terraform/unencrypted-storage',
  language: 'terraform',
  defaultSeverity: 'error',
  skill: '4.4.1#encryption',
  title: { en: 'Encrypt disks, file systems and databases at rest', ja: 'ディスク・ファイルシステム・データベースを保存時に暗号化する' },
  messages: {
    disabled: {
      en: '{type} stores data unencrypted because {attribute} is false. Set {attribute} = true (and kms_key_id for a key you control).',
      ja: '{attribute} が false のため、{type} はデータを暗号化せずに保存します。{attribute} = true にしてください（管理したい鍵があれば kms_key_id も指定します）。',
    },
    absent: {
      en: '{type} stores data unencrypted: {attribute} defaults to false. Add {attribute} = true (and kms_key_id for a key you control).',
      ja: '{attribute} の既定値は false のため、{type} はデータを暗号化せずに保存します。{attribute} = true を追加してください（管理したい鍵があれば kms_key_id も指定します）。',
    },
  },
  fixable: 'quickfix',
  peerIds: [
    'CKV_AWS_3', 'CKV_AWS_16', 'CKV_AWS_96', 'CKV_AWS_42', 'aws-ebs-enable-volume-encryption', 'aws-rds-encrypt-instance-storage-data',
    'aws-rds-encrypt-cluster-storage-data', 'aws-efs-enable-at-rest-encryption',
  ],
  check({ document, report }) {
    for (const resource of resources(document, Object.keys(ENCRYPTION_ATTRIBUTE))) {
      const attribute = ENCRYPTION_ATTRIBUTE[resource.labels[0]];
      const setting = settingState(document, resource, attribute, [true]);
      if (setting.state === 'absent' && inheritsEncryption(document, resource)) continue;
      const found = settingReport(document, resource, setting, attribute, 'true');
      if (!found) continue;
      report({ ...found, messageId: setting.state === 'absent' ? 'absent' : 'disabled', args: { type: resource.labels[0], attribute } });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    const attribute = String(finding.data?.attribute);
    return edit ? { title: { en: `Set ${attribute} = true`, ja: `${attribute} = true にする` }, edits: [edit] } : undefined;
  },
});
