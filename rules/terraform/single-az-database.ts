import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingReport, settingState } from '../../server/src/engine/terraform/checks';
import { resources } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/single-az-database',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.5.1#availability',
  title: { en: 'Run production databases in more than one availability zone', ja: '本番データベースは複数のアベイラビリティーゾーンで動かす' },
  messages: {
    singleAz: {
      en: 'This database runs in a single availability zone: a zone outage or a host failure takes it down until it is rebuilt. Set multi_az = true for production (it roughly doubles the instance cost).',
      ja: 'このデータベースは単一のアベイラビリティーゾーンで動いています。ゾーン障害やホスト障害が起きると復旧まで停止します。本番では multi_az = true にしてください（インスタンス費用はおよそ 2 倍になります）。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_157'],
  check({ document, report }) {
    for (const database of resources(document, ['aws_db_instance'])) {
      const setting = settingState(document, database, 'multi_az', [true]);
      const found = settingReport(document, database, setting, 'multi_az', 'true');
      if (found) report({ ...found, messageId: 'singleAz' });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Set multi_az = true', ja: 'multi_az = true にする' }, edits: [edit] } : undefined;
  },
});
