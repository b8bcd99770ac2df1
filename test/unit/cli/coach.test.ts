/** `infracoach skills` and `infracoach explain`, run as users run them: the built dist/cli.js (run `node build.mjs` first). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { SKILLS, TOPICS } from '../../../server/src/engine/skills';
import { hasJapanese } from '../../helpers/markdown';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  assert.ok(existsSync(CLI), 'dist/cli.js exists (run `node build.mjs` first)');
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SkillEntry {
  id: string;
  title: { en: string; ja: string };
  pages: { en: string; ja: string };
  rules: string[];
}

describe('infracoach skills', () => {
  it('--format json lists the 17 skills with both titles, both pages and their rules', () => {
    const { code, stdout } = run(['skills', '--format', 'json']);
    assert.equal(code, 0);
    const skills = JSON.parse(stdout) as SkillEntry[];
    assert.deepEqual(skills.map((skill) => skill.id), SKILLS.map((skill) => skill.id));
    for (const skill of skills) {
      assert.deepEqual(Object.keys(skill), ['id', 'title', 'pages', 'rules']);
      assert.deepEqual(skill.title, SKILLS.find((candidate) => candidate.id === skill.id)?.title, `${skill.id} has both titles`);
      assert.deepEqual(skill.pages, { en: `skills/${skill.id}.en.md`, ja: `skills/${skill.id}.ja.md` });
    }
    const byId = new Map(skills.map((skill) => [skill.id, skill]));
    assert.ok(byId.get('4.1.1')?.rules.includes('dockerfile/no-multi-stage'));
    assert.ok(byId.get('4.1.1')?.rules.includes('kubernetes/missing-resource-limits'));
    assert.ok(byId.get('4.4.1')?.rules.includes('dockerfile/root-user'));
    assert.ok(byId.get('4.4.1')?.rules.includes('terraform/open-security-group'));
    const rules = JSON.parse(run(['rules', '--format', 'json']).stdout) as { id: string; skill: string }[];
    for (const rule of rules) {
      assert.deepEqual(skills.filter((skill) => skill.rules.includes(rule.id)).map((skill) => skill.id), [rule.skill.split('#')[0]], `${rule.id} is listed under its skill only`);
    }
  });

  it('text output follows --lang and LANG', () => {
    assert.match(run(['skills']).stdout, /^4\.1\.1 +Containers and Kubernetes +\(\d+ rules?\)$/m);
    assert.match(run(['skills', '--lang', 'ja']).stdout, /^4\.1\.1 +コンテナと Kubernetes +\(ルール \d+ 件\)$/m);
    assert.match(run(['skills'], { LANG: 'ja_JP.UTF-8' }).stdout, /ゼロトラスト/);
  });
});

describe('infracoach explain', () => {
  const pageTitle = (path: string) => /^# (.+)$/m.exec(readFileSync(join(ROOT, path), 'utf8'))?.[1];

  it('prints a skill page as text: heading underlined, no Markdown or HTML markup left', (context) => {
    if (!existsSync(join(ROOT, 'skills/4.1.1.en.md'))) return context.skip('skills/4.1.1.en.md is not written yet');
    const { code, stdout } = run(['explain', '4.1.1']);
    assert.equal(code, 0);
    const title = pageTitle('skills/4.1.1.en.md')!;
    assert.ok(stdout.startsWith(`${title}\n${'='.repeat(title.length)}\n`), stdout.slice(0, 200));
    assert.doesNotMatch(stdout, /<a id=|<!--|^```|^#{1,6} |\]\(/m);
    assert.match(stdout, /^ {4}FROM /m, 'code blocks are indented');
    assert.match(stdout, /\(infracoach explain 4\.\d\.\d(#[a-z-]+)?\)/, 'links to other skills say how to read them');
    assert.ok(stdout.split('\n').every((line) => line.length <= 100 || line.startsWith('    ')), 'prose is wrapped');
  });

  it('prints only a topic\'s section for a topic id', (context) => {
    if (!existsSync(join(ROOT, 'skills/4.1.1.en.md'))) return context.skip('skills/4.1.1.en.md is not written yet');
    const { code, stdout } = run(['explain', '4.1.1#multi-stage-builds']);
    assert.equal(code, 0);
    assert.match(stdout, /^Multi-stage builds\n-+\n/);
    const next = TOPICS.find((topic) => topic.id === '4.1.1#image-pinning')!;
    assert.doesNotMatch(stdout, new RegExp(`^${next.title.en}$`, 'm'), 'stops before the next topic');
  });

  it('explains a rule in Japanese with --lang ja: its doc, or its skill topic until the doc is written', () => {
    const { code, stdout } = run(['explain', 'dockerfile/root-user', '--lang', 'ja']);
    assert.equal(code, 0);
    assert.ok(hasJapanese(stdout), stdout.slice(0, 200));
    assert.doesNotMatch(stdout, /^#{1,6} /m);
    const docPath = 'rules/docs/dockerfile/root-user.ja.md';
    if (existsSync(join(ROOT, docPath))) assert.ok(stdout.startsWith('dockerfile/root-user\n'), 'starts with the doc heading');
  });

  it('follows LANG when --lang is absent', () => {
    assert.ok(hasJapanese(run(['explain', '4.4.2'], { LANG: 'ja_JP.UTF-8' }).stdout));
  });

  it('a skill without a page still prints its title', () => {
    const { code, stdout } = run(['explain', '4.7.2']);
    assert.equal(code, 0);
    assert.match(stdout, /^Community and professional network|^\S/);
  });

  it('unknown ids and missing arguments are usage errors (exit 2)', () => {
    const unknown = run(['explain', 'dockerfile/no-such-rule']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no rule or skill "dockerfile\/no-such-rule"/);
    assert.equal(run(['explain']).code, 2);
    assert.equal(run(['explain', '4.1.1#no-such-topic']).code, 2);
    assert.equal(run(['skills', '--format', 'sarif']).code, 2);
    assert.equal(run(['explain', '4.1.1', '--lang', 'fr']).code, 2);
  });
});
