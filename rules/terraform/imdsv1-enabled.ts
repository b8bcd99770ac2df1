import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingState } from '../../server/src/engine/terraform/checks';
import { childBlocks } from '../../server/src/engine/terraform/hcl';
import { headerRange, nodeRange, resources } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/imdsv1-enabled',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.1.3#managed-service-settings',
  title: { en: 'Require IMDSv2 on EC2 instances', ja: 'EC2 インスタンスで IMDSv2 を必須にする' },
  messages: {
    absent: {
      en: 'The instance metadata service accepts IMDSv1 here, so a server-side request forgery in the application can read the instance role\'s credentials. Add metadata_options { http_tokens = "required" }.',
      ja: 'ここではインスタンスメタデータサービスが IMDSv1 を受け付けるため、アプリケーションにサーバーサイドリクエストフォージェリがあるとインスタンスロールの認証情報を読み取られます。metadata_options { http_tokens = "required" } を追加してください。',
    },
    optional: {
      en: 'http_tokens = "{tokens}" still accepts IMDSv1 requests without a session token. Set http_tokens = "required".',
      ja: 'http_tokens = "{tokens}" では、セッショントークンのない IMDSv1 のリクエストも受け付けます。http_tokens = "required" にしてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_79', 'aws-ec2-enforce-http-token-imds', 'aws-ec2-enforce-launch-config-http-token-imds', 'AVD-AWS-0028', 'AVD-AWS-0130'],
  check({ document, report }) {
    for (const instance of resources(document, ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'])) {
      const options = childBlocks(instance, 'metadata_options');
      if (options.length === 0) {
        // An instance launched from a template takes the template's metadata options.
        if (instance.labels[0] === 'aws_instance' && childBlocks(instance, 'launch_template').length > 0) continue;
        report({ range: headerRange(document, instance), messageId: 'absent', data: { lines: ['metadata_options {', '  http_tokens = "required"', '}'] } });
        continue;
      }
      for (const metadata of options) {
        // With the endpoint turned off there is no metadata service to abuse.
        if (settingState(document, metadata, 'http_endpoint', ['disabled']).state === 'ok') continue;
        const setting = settingState(document, metadata, 'http_tokens', ['required']);
        if (setting.state === 'wrong' && setting.value.kind === 'string') {
          report({
            range: nodeRange(document, setting.attribute.expression),
            messageId: 'optional',
            args: { tokens: setting.value.value },
            data: { attribute: 'http_tokens', value: '"required"', literal: !setting.value.viaReference },
          });
        } else if (setting.state === 'absent') {
          report({ range: headerRange(document, metadata), messageId: 'optional', args: { tokens: 'optional' }, data: { attribute: 'http_tokens', value: '"required"' } });
        }
      }
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Require IMDSv2 session tokens', ja: 'IMDSv2 のセッショントークンを必須にする' }, edits: [edit] } : undefined;
  },
});
