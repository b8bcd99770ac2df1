import { defineRule } from '../../server/src/engine/rule';
import { settingEdit, settingState } from '../../server/src/engine/terraform/checks';
import { childBlocks } from '../../server/src/engine/terraform/hcl';
import { headerRange, nodeRange, resources } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/lambda-no-tracing',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.5.2#tracing',
  title: { en: 'Turn on active tracing for Lambda functions', ja: 'Lambda 関数のアクティブトレースを有効にする' },
  messages: {
    absent: {
      en: 'This function is not traced, so a slow request cannot be followed through it. Add tracing_config { mode = "Active" } (the role needs X-Ray write access).',
      ja: 'この関数はトレースされていないため、遅いリクエストを関数をまたいで追えません。tracing_config { mode = "Active" } を追加してください（ロールに X-Ray への書き込み権限が必要です）。',
    },
    passThrough: {
      en: 'mode = "{mode}" only forwards traces started upstream. Use "Active" so this function samples and records its own segments.',
      ja: 'mode = "{mode}" は上流で開始されたトレースを引き継ぐだけです。"Active" にして、この関数自身がサンプリングしてセグメントを記録するようにしてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_50', 'aws-lambda-enable-tracing', 'AVD-AWS-0066'],
  check({ document, report }) {
    for (const lambda of resources(document, ['aws_lambda_function'])) {
      const tracing = childBlocks(lambda, 'tracing_config');
      if (tracing.length === 0) {
        report({ range: headerRange(document, lambda), messageId: 'absent', data: { lines: ['tracing_config {', '  mode = "Active"', '}'] } });
        continue;
      }
      for (const config of tracing) {
        const setting = settingState(document, config, 'mode', ['Active']);
        if (setting.state === 'wrong' && setting.value.kind === 'string') {
          report({
            range: nodeRange(document, setting.attribute.expression),
            messageId: 'passThrough',
            args: { mode: setting.value.value },
            data: { attribute: 'mode', value: '"Active"', literal: !setting.value.viaReference },
          });
        } else if (setting.state === 'absent') {
          report({ range: headerRange(document, config), messageId: 'passThrough', args: { mode: 'PassThrough' }, data: { attribute: 'mode', value: '"Active"' } });
        }
      }
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Enable active tracing', ja: 'アクティブトレースを有効にする' }, edits: [edit] } : undefined;
  },
});
