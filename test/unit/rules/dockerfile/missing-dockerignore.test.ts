import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DOCKERIGNORE_TEMPLATE } from '../../../../rules/dockerfile/missing-dockerignore';
import { lint, memoryWorkspace, testEngine } from '../../../helpers/engine';
import { ruleTester } from '../../../helpers/rule-tester';

const DOCKERFILE = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';
const alone = (text: string, extra: Record<string, string> = {}) => memoryWorkspace({ '/work/Dockerfile': text, ...extra });

ruleTester('dockerfile/missing-dockerignore', {
  valid: [
    { name: '.dockerignore present', code: DOCKERFILE, workspace: alone(DOCKERFILE, { '/work/.dockerignore': '.git\n' }) },
    { name: 'Dockerfile-specific ignore file', code: DOCKERFILE, path: '/work/api.Dockerfile', workspace: memoryWorkspace({ '/work/api.Dockerfile': DOCKERFILE, '/work/api.Dockerfile.dockerignore': '.git\n' }) },
    { name: 'only named files are copied', code: 'FROM node:20\nCOPY package.json server.js ./\n', workspace: alone('') },
    { name: 'whole copy from another stage', code: 'FROM node:20 AS build\nFROM node:20\nCOPY --from=build . .\n', workspace: alone('') },
    { name: 'no workspace: unknown context', code: DOCKERFILE },
    { name: 'empty listing: unknown folder', code: DOCKERFILE, workspace: memoryWorkspace({}) },
  ],
  invalid: [
    {
      name: 'COPY . . with no .dockerignore: reported at the COPY',
      code: DOCKERFILE,
      workspace: alone(DOCKERFILE, { '/work/README.md': '# app\n' }),
      errors: [{ range: '2:0-2:8', data: { dockerignore: '/work/.dockerignore' } }],
    },
    {
      name: 'ADD ./ /app is reported once, at the first whole-context copy',
      code: 'FROM python:3.12\nADD ./ /app\nCOPY . /srv\n',
      workspace: alone(''),
      errors: [{ range: '1:0-1:11' }],
    },
  ],
});

it('dockerfile/missing-dockerignore: the fix creates a .dockerignore that silences the rule', async () => {
  const engine = await testEngine();
  const workspace = alone(DOCKERFILE);
  const [finding] = (await lint('/work/Dockerfile', DOCKERFILE, {}, workspace)).filter((candidate) => candidate.ruleId === 'dockerfile/missing-dockerignore');
  const fix = engine.fix({ path: '/work/Dockerfile', text: DOCKERFILE, workspace }, finding);
  assert.ok(fix, 'a fix is offered');
  assert.deepEqual(fix.edits, [], 'the Dockerfile itself is not edited');
  assert.deepEqual(fix.createFiles, [{ path: '/work/.dockerignore', text: DOCKERIGNORE_TEMPLATE }]);
  assert.ok(DOCKERIGNORE_TEMPLATE.split('\n').includes('.git'), 'the template leaves out .git');
  const after = await lint('/work/Dockerfile', DOCKERFILE, {}, alone(DOCKERFILE, { '/work/.dockerignore': DOCKERIGNORE_TEMPLATE }));
  assert.deepEqual(after.filter((candidate) => candidate.ruleId === 'dockerfile/missing-dockerignore'), []);
});
