import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingState } from '../../server/src/engine/terraform/checks';
import { nodeRange, resources } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/public-database',
  language: 'terraform',
  defaultSeverity: 'error',
  skill: '4.4.1#network-exposure',
  title: { en: 'Keep databases off the public internet', ja: 'データベースをインターネットに公開しない' },
  messages: {
    public: {
      en: 'This database gets a public address and accepts connections from outside the VPC. Set publicly_accessible = false and reach it through the application, a bastion or a VPN.',
      ja: 'このデータベースはパブリックアドレスを持ち、VPC の外からの接続を受け付けます。publicly_accessible = false にして、アプリケーション、踏み台、VPN 経由で接続してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_17', 'aws-rds-no-public-db-access', 'AVD-AWS-0082'],
  check({ document, report }) {
    for (const database of resources(document, ['aws_db_instance', 'aws_rds_cluster_instance'])) {
      const setting = settingState(document, database, 'publicly_accessible', [false]);
      if (setting.state !== 'wrong') continue;
      report({
        range: nodeRange(document, setting.attribute.expression),
        messageId: 'public',
        data: { attribute: 'publicly_accessible', value: 'false', literal: !setting.value.viaReference },
      });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Set publicly_accessible = false', ja: 'publicly_accessible = false にする' }, edits: [edit] } : undefined;
  },
});
