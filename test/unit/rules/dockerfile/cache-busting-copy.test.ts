import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/cache-busting-copy', {
  valid: [
    { name: 'manifests first', code: 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n' },
    { name: 'whole copy after the install', code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'COPY --from another stage', code: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20\nCOPY --from=deps . .\nRUN npm ci\n' },
    { name: 'install in another stage', code: 'FROM node:20 AS src\nCOPY . .\nFROM node:20\nRUN npm ci\n' },
    { name: 'global tool install is not a dependency install', code: 'FROM node:20\nCOPY . .\nRUN npm install -g pnpm\n' },
    { name: 'copy of one folder', code: 'FROM golang:1.22\nCOPY src/ /src/\nRUN go mod download\n' },
  ],
  invalid: [
    {
      name: 'COPY . . before npm ci',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      errors: [{ range: '2:0-2:8', messageIncludes: '"npm ci"', data: { install: 'npm ci' } }],
      output: null,
    },
    {
      name: 'COPY ./ ./ with flags before pip install -r',
      code: 'FROM python:3.12\nCOPY --chown=app:app ./ ./\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ range: '1:0-1:26', messageIncludes: 'pip install -r' }],
    },
    {
      name: 'COPY . /app before go mod download, yarn, bundle, composer, mvn',
      code: 'FROM golang:1.22\nCOPY . /app\nRUN cd /app && go mod download\nFROM node:20\nCOPY . .\nRUN yarn\nFROM ruby:3.3\nCOPY . .\nRUN bundle install\nFROM php:8.3\nCOPY . .\nRUN composer install\nFROM maven:3\nCOPY . .\nRUN mvn -B dependency:go-offline\n',
      errors: [{ range: '1:0-1:11' }, { range: '4:0-4:8' }, { range: '7:0-7:8' }, { range: '10:0-10:8' }, { range: '13:0-13:8' }],
    },
  ],
});
