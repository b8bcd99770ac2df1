import { defineRule } from '../../server/src/engine/rule';
import { nodeRange, resources } from '../../server/src/engine/terraform/resources';
import { evaluate } from '../../server/src/engine/terraform/values';

/**
 * Dates from the AWS Lambda runtime deprecation schedule (the day security patches stop). Runtimes whose
 * date lies ahead are reported only once that day has come, or earlier with the `warnDaysAhead` option.
 */
export const RUNTIME_DEPRECATION: Record<string, string> = {
  nodejs: '2016-10-31', 'nodejs4.3': '2020-03-05', 'nodejs4.3-edge': '2020-03-05', 'nodejs6.10': '2019-08-12', 'nodejs8.10': '2020-03-06',
  'nodejs10.x': '2021-07-30', 'nodejs12.x': '2023-03-31', 'nodejs14.x': '2023-12-04', 'nodejs16.x': '2024-06-12', 'nodejs18.x': '2025-09-01',
  'nodejs20.x': '2026-04-30', 'nodejs22.x': '2027-04-30',
  'python2.7': '2021-07-15', 'python3.6': '2022-07-18', 'python3.7': '2023-12-04', 'python3.8': '2024-10-14', 'python3.9': '2025-12-15',
  'python3.10': '2026-06-30', 'python3.11': '2026-06-30', 'python3.12': '2028-10-31', 'python3.13': '2029-06-30',
  'ruby2.5': '2021-07-30', 'ruby2.7': '2023-11-27', 'ruby3.2': '2026-03-31', 'ruby3.3': '2027-03-31',
  java8: '2024-01-08', 'java8.al2': '2026-06-30', java11: '2026-06-30', java17: '2026-06-30', java21: '2029-06-30',
  'dotnetcore1.0': '2019-07-27', 'dotnetcore2.0': '2019-05-30', 'dotnetcore2.1': '2022-01-05', 'dotnetcore3.1': '2023-04-03',
  'dotnet5.0': '2022-05-10', dotnet6: '2024-11-12', dotnet7: '2024-05-14', dotnet8: '2026-11-10',
  'go1.x': '2024-01-08', provided: '2024-01-08', 'provided.al2': '2026-06-30', 'provided.al2023': '2029-06-30',
};

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineRule({
  id: 'terraform/deprecated-lambda-runtime',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.1.2#function-configuration',
  title: { en: 'Move Lambda functions off deprecated runtimes', ja: 'Lambda 関数を非推奨のランタイムから移行する' },
  messages: {
    deprecated: {
      en: 'The runtime {runtime} lost AWS support on {date}: no more security patches, and soon no more updates to the function. Move to a supported version of the language.',
      ja: 'ランタイム {runtime} は {date} に AWS のサポートが終了しました。セキュリティパッチは提供されず、いずれ関数の更新もできなくなります。サポート中の言語バージョンに移行してください。',
    },
    upcoming: {
      en: 'The runtime {runtime} loses AWS support on {date}. Plan the move to a newer version of the language before then.',
      ja: 'ランタイム {runtime} は {date} に AWS のサポートが終了します。それまでに新しい言語バージョンへの移行を計画してください。',
    },
  },
  options: {
    warnDaysAhead: {
      type: 'number',
      default: 0,
      description: {
        en: 'Also report runtimes whose support ends within this many days, to plan upgrades ahead.',
        ja: 'この日数以内にサポートが終了するランタイムも報告し、前もって移行を計画できるようにします。',
      },
    },
  },
  peerIds: ['CKV_AWS_363', 'aws_lambda_function_deprecated_runtime'],
  check({ document, options, report }) {
    const now = Date.now();
    const ahead = typeof options.warnDaysAhead === 'number' ? options.warnDaysAhead * DAY_MS : 0;
    for (const lambda of resources(document, ['aws_lambda_function'])) {
      const attribute = lambda.attributes.get('runtime');
      const value = attribute ? evaluate(attribute.expression, document, document.module) : undefined;
      if (!attribute || value?.kind !== 'string') continue;
      const date = Object.hasOwn(RUNTIME_DEPRECATION, value.value) ? RUNTIME_DEPRECATION[value.value] : undefined;
      if (!date) continue;
      const deprecatedAt = Date.parse(`${date}T00:00:00Z`);
      if (deprecatedAt > now + ahead) continue;
      report({ range: nodeRange(document, attribute.expression), messageId: deprecatedAt <= now ? 'deprecated' : 'upcoming', args: { runtime: value.value, date } });
    }
  },
});
