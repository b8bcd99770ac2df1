import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyLink } from '../../../client/src/panel/links';
import { escapeHtml, renderMarkdown, slugify, type ResolvedLink } from '../../../client/src/panel/markdown';

/** Resolves links as the panel does for a page at skills/4.1.1.en.md. */
function panelResolver(href: string): ResolvedLink | undefined {
  const link = classifyLink('skills/4.1.1.en.md', href);
  if (!link) return undefined;
  if (link.kind === 'anchor') return link;
  return { kind: 'navigate', href: link.kind === 'external' ? link.url : href };
}

const render = (markdown: string) => renderMarkdown(markdown, panelResolver);

/** Every tag name the renderer may write; anything else in the output means input leaked through. */
const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'strong', 'em', 'del', 'hr', 'br', 'span']);
const ALLOWED_ATTRIBUTES = new Set(['id', 'class', 'tabindex', 'role', 'data-href', 'data-anchor', 'title', 'start']);

/** Attribute values the renderer wrote; input text outside tags is escaped and harmless whatever it says. */
function assertOnlyOurMarkup(html: string): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(ALLOWED_TAGS.has(match[1]), `unexpected tag <${match[1]}> in ${html}`);
    const rest = match[2].replace(/\s([\w-]+)(?:="([^"<>]*)")?/g, (_, name: string, value: string | undefined) => {
      assert.ok(ALLOWED_ATTRIBUTES.has(name), `unexpected attribute ${name} in ${match[0]}`);
      if (value !== undefined) values.push(value);
      return '';
    });
    assert.equal(rest.trim(), '', `unparsed attribute text in ${match[0]}`);
  }
  return values;
}

describe('markdown renderer: structure', () => {
  it('renders headings with ids and takes the first h1 as title', () => {
    const result = render('# Containers and Kubernetes\n\n## Multi-stage builds ##\n\n### Why *it* matters\n');
    assert.equal(result.title, 'Containers and Kubernetes');
    assert.match(result.html, /<h1 id="containers-and-kubernetes">Containers and Kubernetes<\/h1>/);
    assert.match(result.html, /<h2 id="multi-stage-builds">Multi-stage builds<\/h2>/);
    assert.match(result.html, /<h3 id="why-it-matters">Why <em>it<\/em> matters<\/h3>/);
  });

  it('keeps explicit anchors and never gives a heading the same id', () => {
    const result = render('<a id="least-privilege"></a>\n## Least privilege\n\n## Least privilege\n');
    assert.match(result.html, /<a class="anchor" id="least-privilege"><\/a>/);
    assert.deepEqual(result.ids, ['least-privilege', 'least-privilege-1', 'least-privilege-2']);
  });

  it('slugs keep Japanese letters', () => {
    assert.equal(slugify('最小権限 (Least privilege)'), '最小権限-least-privilege');
  });

  it('renders paragraphs, emphasis, code spans, strikethrough and hard breaks', () => {
    const { html } = render('Use **numeric** uids, *not* names, `USER 10001`.  \nNext ~~line~~.\n\nsnake_case_name stays, 2 * 3 * 4 too.');
    assert.match(html, /<p>Use <strong>numeric<\/strong> uids, <em>not<\/em> names, <code>USER 10001<\/code>.<br>\nNext <del>line<\/del>.<\/p>/);
    assert.match(html, /<p>snake_case_name stays, 2 \* 3 \* 4 too.<\/p>/);
  });

  it('renders nested, ordered and loose lists', () => {
    const { html } = render('- one\n- two\n  - nested\n- three\n\n3. third\n4. fourth\n');
    assert.match(html, /<ul>\n<li>one<\/li>\n<li>two\n<ul>\n<li>nested<\/li>\n<\/ul><\/li>\n<li>three<\/li>\n<\/ul>/);
    assert.match(html, /<li>nested<\/li>/);
    assert.match(html, /<ol start="3">\n<li>third<\/li>\n<li>fourth<\/li>\n<\/ol>/);
    const loose = render('- first\n\n  continued paragraph\n- second\n').html;
    assert.match(loose, /<li><p>first<\/p>\n<p>continued paragraph<\/p><\/li>/);
  });

  it('renders fenced code blocks verbatim, with their info string as a label', () => {
    const { html } = render('```dockerfile before\nFROM node:20\n## not a heading\n<b>x</b>\n```\n\n~~~\nplain\n~~~\n');
    assert.match(html, /<div class="code-label">dockerfile before<\/div><pre><code class="language-dockerfile">FROM node:20\n## not a heading\n&lt;b&gt;x&lt;\/b&gt;<\/code><\/pre>/);
    assert.match(html, /<pre><code>plain<\/code><\/pre>/);
  });

  it('renders pipe tables with alignment classes, escaped pipes and code in cells', () => {
    const { html } = render('| Rule | Fires | Severity |\n|:--|:-:|--:|\n| `a\\|b` | **yes** | error |\n| x |\n');
    assert.match(html, /<th class="align-left">Rule<\/th><th class="align-center">Fires<\/th><th class="align-right">Severity<\/th>/);
    assert.match(html, /<td class="align-left"><code>a\|b<\/code><\/td><td class="align-center"><strong>yes<\/strong><\/td>/);
    assert.match(html, /<tr><td class="align-left">x<\/td><td class="align-center"><\/td><td class="align-right"><\/td><\/tr>/);
  });

  it('renders block quotes and rules, and drops HTML comments', () => {
    const { html } = render('> A quote\n> with **two** lines\n\n---\n\n<!-- generated: keep -->\ntext <!-- hidden --> after\n');
    assert.match(html, /<blockquote>\n<p>A quote\nwith <strong>two<\/strong> lines<\/p>\n<\/blockquote>/);
    assert.match(html, /<hr>/);
    assert.doesNotMatch(html, /generated|hidden|&lt;!--/);
    assert.match(html, /<p>text  after<\/p>/);
  });

  it('links: anchors scroll, our pages navigate, https goes through the extension, everything else is text', () => {
    const { html } = render('[a](#multi-stage-builds) [b](4.4.1.en.md#least-privilege) [c](../rules/docs/dockerfile/root-user.en.md) [d](https://kubernetes.io/docs/ "Docs") [e](../../etc/passwd) [f](javascript:alert(1))');
    assert.match(html, /<a class="nav" tabindex="0" role="link" data-anchor="multi-stage-builds">a<\/a>/);
    assert.match(html, /data-href="4.4.1.en.md#least-privilege" title="4.4.1.en.md#least-privilege">b<\/a>/);
    assert.match(html, /data-href="..\/rules\/docs\/dockerfile\/root-user.en.md"/);
    assert.match(html, /data-href="https:\/\/kubernetes.io\/docs\/" title="Docs">d<\/a>/);
    assert.match(html, / e /);
    assert.match(html, / f<\/p>/);
    assertOnlyOurMarkup(html);
  });
});

describe('markdown renderer: hostile input', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a id="x" onclick="alert(1)"></a>',
    '<a id="x&quot; onmouseover=&quot;alert(1)"></a>',
    '<a id="\u0022 autofocus onfocus=alert(1) x=\u0022"></a>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox)',
    '[x](command:workbench.action.terminal.new)',
    '[x](file:///etc/passwd)',
    '[x](vscode://settings)',
    '[x](//evil.example/x)',
    '[x](http://evil.example/)',
    '[x](https://user:pass@evil.example/)',
    '[x](<javascript:alert(1)>)',
    '[x](java\nscript:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](#" onmouseover="alert(1))',
    '[x](4.4.1.en.md#"><script>alert(1)</script>)',
    '![x](https://evil.example/track.png)',
    '<https://evil.example/"onmouseover="alert(1)>',
    '<javascript:alert(1)>',
    '# <script>alert(1)</script>',
    '```"><script>alert(1)</script>\ncode\n```',
    '| <b>x</b> | y |\n|---|---|\n| <i onclick=1> | `<x>` |',
    '- <iframe src="https://evil.example"></iframe>',
    '> <style>body{display:none}</style>',
    '**<svg onload=alert(1)>**',
    '`</code><script>alert(1)</script>`',
    '&lt;script&gt; &amp; &#60;script&#62;',
    '<!-- unterminated comment <script>alert(1)</script>',
    'x <!-- --> <script>y</script>',
    '\u0000<script>\u0000',
    '[' .repeat(2000) + 'x' + ']'.repeat(2000),
    '*'.repeat(3000) + 'x',
    '`'.repeat(1000),
  ];
  for (const input of hostile) {
    it(`escapes ${JSON.stringify(input).slice(0, 60)}`, () => {
      const { html } = render(input);
      const values = assertOnlyOurMarkup(html);
      assert.doesNotMatch(html, /<script|<img|<iframe|<style|<svg|<i\s|<b>/i);
      for (const value of values) {
        assert.doesNotMatch(value, /javascript|vbscript|data:|command:|file:|vscode:|http:|user:pass|["'<>]/i, `attribute value ${value} is safe`);
      }
    });
  }

  it('escapes all five HTML-special characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('finishes quickly on pathological nesting', () => {
    const started = process.hrtime.bigint();
    render('[a'.repeat(3000) + '](b)'.repeat(3000) + '\n' + '- '.repeat(500) + 'x\n' + '> '.repeat(500) + 'y\n');
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(elapsedMs < 5000, `took ${elapsedMs} ms`);
  });
});
