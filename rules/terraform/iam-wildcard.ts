import { defineRule } from '../../server/src/engine/rule';
import { policyStatements } from '../../server/src/engine/terraform/policy';

/** `*` or `service:*`: every action, or every action of one service. `s3:Get*` is narrower and not reported. */
const WILDCARD_ACTION = /^(?:\*|[A-Za-z0-9-]+:\*)$/;

export default defineRule({
  id: 'terraform/iam-wildcard',
  language: 'terraform',
  defaultSeverity: 'error',
  skill: '4.4.1#least-privilege',
  title: { en: 'Do not allow every action on every resource', ja: 'すべてのリソースにすべての操作を許可しない' },
  messages: {
    adminWildcard: {
      en: 'This statement allows every action on every resource (full administrator). List the actions the workload calls and the ARNs it touches.',
      ja: 'このステートメントはすべてのリソースに対するすべての操作（完全な管理者権限）を許可しています。ワークロードが呼び出す操作と対象の ARN を列挙してください。',
    },
    serviceWildcard: {
      en: 'This statement allows {action} on every resource. List the actions the workload calls and restrict Resource to the ARNs it touches.',
      ja: 'このステートメントはすべてのリソースに対して {action} を許可しています。ワークロードが呼び出す操作を列挙し、Resource を対象の ARN に絞ってください。',
    },
  },
  peerIds: ['CKV_AWS_1', 'CKV_AWS_62', 'CKV_AWS_63', 'CKV_AWS_355', 'aws-iam-no-policy-wildcards', 'AVD-AWS-0057'],
  check({ document, report }) {
    for (const statement of policyStatements(document)) {
      // Deny statements with wildcards are guard rails, not grants.
      if (statement.effect !== 'Allow' || !statement.actions || !statement.resources) continue;
      if (!statement.resources.some((resource) => resource.value === '*')) continue;
      for (const action of statement.actions) {
        if (!WILDCARD_ACTION.test(action.value)) continue;
        report({ range: action.range, messageId: action.value === '*' ? 'adminWildcard' : 'serviceWildcard', args: { action: action.value } });
      }
    }
  },
});
