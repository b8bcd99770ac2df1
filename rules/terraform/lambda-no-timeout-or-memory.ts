import { defineRule } from '../../server/src/engine/rule';
import { settingEdit } from '../../server/src/engine/terraform/checks';
import { headerRange, resources } from '../../server/src/engine/terraform/resources';

/** Lambda's own defaults: writing them down changes nothing at deploy time, but makes the choice visible. */
const DEFAULT_LINES: Record<string, string> = {
  timeout: 'timeout     = 3   # seconds (the Lambda default); set just above the slowest expected run',
  memory_size: 'memory_size = 128 # MB (the Lambda default); CPU grows with memory, so measure before lowering',
};

export default defineRule({
  id: 'terraform/lambda-no-timeout-or-memory',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.1.2#function-configuration',
  title: { en: 'Set a Lambda function\'s timeout and memory deliberately', ja: 'Lambda 関数のタイムアウトとメモリを意図して設定する' },
  messages: {
    missing: {
      en: 'This function relies on the defaults for {missing} (3 seconds, 128 MB). Set them from measured durations and memory use, since memory also decides the CPU share and the cost.',
      ja: 'この関数は {missing} を既定値（3 秒、128 MB）のままにしています。メモリは CPU の割り当てとコストも決めるため、計測した実行時間とメモリ使用量から設定してください。',
    },
  },
  fixable: 'quickfix',
  check({ document, report }) {
    for (const lambda of resources(document, ['aws_lambda_function'])) {
      const missing = Object.keys(DEFAULT_LINES).filter((name) => !lambda.attributes.has(name));
      if (missing.length === 0) continue;
      report({
        range: headerRange(document, lambda),
        messageId: 'missing',
        args: { missing: missing.join(', ') },
        data: { lines: missing.map((name) => DEFAULT_LINES[name]) },
      });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Write down the timeout and memory explicitly', ja: 'タイムアウトとメモリを明示する' }, edits: [edit] } : undefined;
  },
});
