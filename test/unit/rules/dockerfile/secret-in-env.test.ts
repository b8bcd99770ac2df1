import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/secret-in-env', {
  valid: [
    { name: 'pointer to a secret file', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n' },
    { name: 'value passed in from an ARG', code: 'FROM alpine:3.20\nARG API_TOKEN\nENV API_TOKEN=$API_TOKEN\n' },
    { name: 'a switch, not a secret', code: 'FROM mysql:8\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes\n' },
    { name: 'GPG_KEY is a public key id', code: 'FROM python:3.12\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\n' },
    { name: 'secret name, not value', code: 'FROM alpine:3.20\nENV DB_SECRET_NAME=prod-db\n' },
    { name: 'empty value', code: 'FROM alpine:3.20\nENV PASSWORD=""\n' },
    { name: 'ARG without a value is secret-build-arg', code: 'FROM alpine:3.20\nARG NPM_TOKEN\n' },
  ],
  invalid: [
    {
      name: 'ENV with a literal password: error on the instruction',
      code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=hunter2\n',
      errors: [{ range: '1:0-1:29', severity: 'error', messageIncludes: 'POSTGRES_PASSWORD', data: { names: ['POSTGRES_PASSWORD'] } }],
      output: null,
    },
    {
      name: 'legacy ENV form, camelCase name',
      code: 'FROM alpine:3.20\nENV apiKey abc123\n',
      errors: [{ range: '1:0-1:17', messageIncludes: 'apiKey' }],
    },
    {
      name: 'several names in one ENV over continued lines, the message never shows the value',
      code: 'FROM alpine:3.20\nENV A=1 \\\n    AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI \\\n    GITHUB_TOKEN=ghp_x\n',
      errors: [{ range: '1:0-1:7', messageIncludes: 'AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN', data: { names: ['AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN'] } }],
    },
    {
      name: 'ARG with a literal default, global and in a stage',
      code: 'ARG REGISTRY_PASSWORD=changeme\nFROM alpine:3.20\nARG client_secret="s3cr3t"\n',
      errors: [{ range: '0:0-0:30', messageIncludes: 'ARG' }, { range: '2:0-2:26' }],
    },
  ],
});
