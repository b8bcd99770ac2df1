import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingState } from '../../server/src/engine/terraform/checks';
import { headerRange, itemSites, nodeRange, resources } from '../../server/src/engine/terraform/resources';

const PUBLIC_S3_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PUBLIC_ACCESS_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PUBLIC_GCS_MEMBERS = new Set(['allusers', 'allauthenticatedusers']);
const PUBLIC_AZURE_ACCESS = new Set(['blob', 'container']);

export default defineRule({
  id: 'terraform/public-bucket',
  language: 'terraform',
  defaultSeverity: 'error',
  skill: '4.4.1#least-privilege',
  title: { en: 'Do not make storage buckets public', ja: 'ストレージバケットを公開しない' },
  messages: {
    s3Acl: {
      en: 'The ACL "{acl}" lets anyone (or any AWS account) read this bucket. Use acl = "private" and share objects through a CDN or presigned URLs.',
      ja: 'ACL "{acl}" では誰でも（または任意の AWS アカウントが）このバケットを読めます。acl = "private" にして、CDN や署名付き URL で共有してください。',
    },
    blockFlag: {
      en: '{flag} = false lets public ACLs or policies through. Set it to true; grant the few public objects through a CDN instead.',
      ja: '{flag} = false だと公開 ACL や公開ポリシーが有効になります。true にして、公開が必要なものは CDN 経由で配信してください。',
    },
    blockFlagAbsent: {
      en: 'This public access block leaves {flags} unset, which means false. Set all four flags to true.',
      ja: 'このパブリックアクセスブロックは {flags} を指定しておらず、false 扱いになります。4 つのフラグをすべて true にしてください。',
    },
    gcsMember: {
      en: 'The member {member} makes this bucket readable by anyone on the internet. Grant the role to specific users, groups or service accounts.',
      ja: 'メンバー {member} によって、このバケットはインターネット上の誰でも読めるようになります。特定のユーザー、グループ、サービスアカウントにロールを付与してください。',
    },
    azureAccess: {
      en: 'container_access_type = "{access}" allows anonymous reads. Use "private" and hand out SAS tokens or use Entra ID for access.',
      ja: 'container_access_type = "{access}" では匿名で読み取れます。"private" にして、SAS トークンや Entra ID でアクセスを与えてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: [
    'CKV_AWS_20', 'CKV_AWS_57', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'CKV_GCP_28', 'CKV_AZURE_34',
    'aws-s3-no-public-access-with-acl', 'aws-s3-block-public-acls', 'aws-s3-block-public-policy', 'aws-s3-ignore-public-acls',
    'aws-s3-no-public-buckets', 'google-storage-no-public-access', 'azure-storage-no-public-access',
  ],
  check({ document, report }) {
    for (const resource of resources(document)) {
      const type = resource.labels[0];
      if (type === 'aws_s3_bucket' || type === 'aws_s3_bucket_acl') {
        const setting = settingState(document, resource, 'acl', ['private']);
        if (setting.state === 'wrong' && setting.value.kind === 'string' && PUBLIC_S3_ACLS.has(setting.value.value)) {
          report({
            range: nodeRange(document, setting.attribute.expression),
            messageId: 's3Acl',
            args: { acl: setting.value.value },
            data: { attribute: 'acl', value: '"private"', literal: !setting.value.viaReference },
          });
        }
      } else if (type === 'aws_s3_bucket_public_access_block' || type === 'aws_s3_account_public_access_block') {
        const absent: string[] = [];
        for (const flag of PUBLIC_ACCESS_FLAGS) {
          const setting = settingState(document, resource, flag, [true]);
          if (setting.state === 'absent') absent.push(flag);
          if (setting.state !== 'wrong') continue;
          report({
            range: nodeRange(document, setting.attribute.expression),
            messageId: 'blockFlag',
            args: { flag },
            data: { attribute: flag, value: 'true', literal: !setting.value.viaReference },
          });
        }
        if (absent.length > 0) {
          report({
            range: headerRange(document, resource),
            messageId: 'blockFlagAbsent',
            args: { flags: absent.join(', ') },
            data: { lines: absent.map((flag) => `${flag} = true`) },
          });
        }
      } else if (type.startsWith('google_storage_')) {
        // IAM members, ACL entities and `role_entity` pairs such as "READER:allUsers".
        for (const attribute of ['member', 'members', 'entity', 'role_entity']) {
          for (const { value, site } of itemSites(document, resource.attributes.get(attribute))) {
            if (value.kind !== 'string') continue;
            const member = value.value.slice(value.value.lastIndexOf(':') + 1);
            if (!PUBLIC_GCS_MEMBERS.has(member.toLowerCase())) continue;
            report({ range: nodeRange(document, site), messageId: 'gcsMember', args: { member } });
          }
        }
      } else if (type === 'azurerm_storage_container') {
        const setting = settingState(document, resource, 'container_access_type', ['private']);
        if (setting.state === 'wrong' && setting.value.kind === 'string' && PUBLIC_AZURE_ACCESS.has(setting.value.value.toLowerCase())) {
          report({
            range: nodeRange(document, setting.attribute.expression),
            messageId: 'azureAccess',
            args: { access: setting.value.value },
            data: { attribute: 'container_access_type', value: '"private"', literal: !setting.value.viaReference },
          });
        }
      }
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    if (!edit) return undefined;
    const what = Array.isArray(finding.data?.lines) ? 'all public access block flags to true' : `${String(finding.data?.attribute)} = ${String(finding.data?.value)}`;
    const whatJa = Array.isArray(finding.data?.lines) ? 'パブリックアクセスブロックのフラグをすべて true' : `${String(finding.data?.attribute)} = ${String(finding.data?.value)}`;
    return { title: { en: `Set ${what}`, ja: `${whatJa} にする` }, edits: [edit] };
  },
});
