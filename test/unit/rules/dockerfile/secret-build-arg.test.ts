import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/secret-build-arg', {
  valid: [
    { name: 'not a credential', code: 'FROM alpine:3.20\nARG VERSION\nARG GPG_KEY\n' },
    { name: 'pointer to a credential', code: 'FROM alpine:3.20\nARG TOKEN_URL\nARG PASSWORD_FILE\n' },
    { name: 'secret mount instead', code: 'FROM node:20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n' },
    { name: 'literal default is secret-in-env', code: 'FROM alpine:3.20\nARG DB_PASSWORD=changeme\n' },
  ],
  invalid: [
    {
      name: 'ARG without a value',
      code: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci\n',
      errors: [{ range: '1:0-1:13', messageIncludes: 'NPM_TOKEN', data: { names: ['NPM_TOKEN'] } }],
      output: null,
    },
    {
      name: 'global ARG, lowercase, and a default from another variable',
      code: 'arg github_token\nFROM alpine:3.20\nARG ACCESS_KEY=${DEFAULT_ACCESS_KEY}\n',
      errors: [{ range: '0:0-0:16' }, { range: '2:0-2:36' }],
    },
  ],
});
