/**
 * The real skill pages and rule docs, rendered as the panel renders them: every link in them must be one the
 * panel can follow, every topic anchor must be there to scroll to, and no markup may come through unescaped.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { classifyLink } from '../../../client/src/panel/links';
import { renderMarkdown } from '../../../client/src/panel/markdown';
import { skillIdOf, TOPICS } from '../../../server/src/engine/skills';
import { outline } from '../../helpers/markdown';

const ROOT = resolve(__dirname, '../../..');

function markdownFiles(folder: string): string[] {
  const absolute = join(ROOT, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => relative(ROOT, join(absolute, name)).split('\\').join('/'))
    .sort();
}

const pages = [...markdownFiles('skills'), ...markdownFiles('rules/docs')];

describe('the panel renders every page and can follow every link in it', () => {
  if (pages.length === 0) it.skip('no skill pages or rule docs yet');
  for (const path of pages) {
    it(path, () => {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const unfollowable = outline(text).links
        .filter((link) => classifyLink(path, link.target) === undefined)
        .map((link) => `${path}:${link.line + 1} ${link.target}`);
      assert.deepEqual(unfollowable, [], 'links the panel would show as plain text');
      const rendered = renderMarkdown(text, (href) => {
        const link = classifyLink(path, href);
        return link?.kind === 'anchor' ? link : link ? { kind: 'navigate', href } : undefined;
      });
      assert.doesNotMatch(rendered.html, /<(?!\/?(h[1-6]|p|ul|ol|li|blockquote|pre|code|div|table|thead|tbody|tr|th|td|a|strong|em|del|hr|br|span)[\s>])/, 'only the renderer\'s own tags');
      const skill = /^skills\/(\d+\.\d+\.\d+)\.(en|ja)\.md$/.exec(path);
      if (skill) {
        for (const topic of TOPICS.filter((candidate) => skillIdOf(candidate.id) === skill[1])) {
          assert.ok(rendered.ids.includes(topic.id.split('#')[1]), `the panel can scroll to ${topic.id}`);
        }
      }
    });
  }
});
