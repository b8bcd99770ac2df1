import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTester } from '../../../helpers/rule-tester';
import { isPlaceholderValue } from '../../../../rules/kubernetes/secret-in-env';

const deployment = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
      - name: api
        env:
${env}`;

ruleTester('kubernetes/secret-in-env', {
  valid: [
    { name: 'secretKeyRef', code: deployment('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n') },
    { name: 'placeholders', code: deployment('        - name: DISCOVERY_TOKEN\n          value: INSERT_DISCOVERY_TOKEN\n        - name: API_KEY\n          value: "<your key>"\n        - name: GOOGLE_API_KEY\n          value: GOOGLE_API_KEY_VAL\n        - name: DB_PASSWORD\n          value: ""\n') },
    { name: 'pointer names', code: deployment('        - name: DB_SECRET_NAME\n          value: db-credentials\n        - name: PASSWORD_FILE\n          value: /run/secrets/db\n') },
    { name: 'ordinary names', code: deployment('        - name: LOG_LEVEL\n          value: debug\n        - name: GPG_KEY\n          value: ABCDEF0123\n') },
    { name: 'expansion of another variable', code: deployment('        - name: DB_PASSWORD\n          value: $(MYSQL_PASSWORD)\n') },
    {
      name: 'ignored by option',
      code: deployment('        - name: TOKEN_AUDIENCE\n          value: api.example.com\n'),
      settings: { rules: { 'kubernetes/secret-in-env': { options: { ignoreNames: ['token_audience'] } } } },
    },
  ],
  invalid: [
    {
      name: 'literal password: reported on the variable, fix converts to secretKeyRef',
      code: deployment('        - name: MYSQL_ROOT_PASSWORD\n          value: supersecret # sample\n        - name: MYSQL_USER\n          value: app\n'),
      errors: [{ range: '10:10-10:35', severity: 'error', messageIncludes: 'MYSQL_ROOT_PASSWORD', data: { variable: 'MYSQL_ROOT_PASSWORD', secret: 'shop-secrets' } }],
      output: deployment('        - name: MYSQL_ROOT_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: MYSQL_ROOT_PASSWORD # sample\n        - name: MYSQL_USER\n          value: app\n'),
    },
    {
      name: 'flow-style env item, camelCase name',
      code: deployment('        - {name: apiKey, value: "k-123"}\n'),
      errors: [{ range: '10:11-10:23' }],
      output: deployment('        - {name: apiKey, valueFrom: { secretKeyRef: { name: shop-secrets, key: apiKey } }}\n'),
    },
    {
      name: 'value before name, and a number',
      code: deployment('        - value: 123456\n          name: ADMIN_PASSWORD\n'),
      errors: [{ range: '11:10-11:30' }],
      output: deployment('        - valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: ADMIN_PASSWORD\n          name: ADMIN_PASSWORD\n'),
    },
  ],
});

it('isPlaceholderValue separates samples from values', () => {
  assert.equal(isPlaceholderValue('TOKEN', 'INSERT_TOKEN_HERE'), true);
  assert.equal(isPlaceholderValue('TOKEN', '<token>'), true);
  assert.equal(isPlaceholderValue('TOKEN', 'changeme'), true);
  assert.equal(isPlaceholderValue('TOKEN', '${TOKEN}'), true);
  assert.equal(isPlaceholderValue('TOKEN', 'xxxxxx'), true);
  assert.equal(isPlaceholderValue('TOKEN', 'ghp_abc123'), false);
  assert.equal(isPlaceholderValue('MINIO_SECRET_KEY', 'minio123'), false);
});
