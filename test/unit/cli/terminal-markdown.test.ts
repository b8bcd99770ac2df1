import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayWidth, markdownToText, wrap } from '../../../server/src/cli/terminal-markdown';

const plain = (markdown: string, width = 40) => markdownToText(markdown, { width, colour: false, linkTarget: (href) => (href.startsWith('https:') ? href : href.includes('skills/') ? 'infracoach explain 4.4.1' : undefined) });

describe('Markdown in the terminal', () => {
  it('counts wide characters twice and ANSI styles not at all', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('最小権限'), 8);
    assert.equal(displayWidth('\x1b[1mab\x1b[0m'), 2);
  });

  it('wraps English at spaces and Japanese between characters, never before closing punctuation', () => {
    assert.deepEqual(wrap('one two three four', 9), ['one two', 'three', 'four']);
    const japanese = wrap('コンテナはプロセスです。カーネルが隔離します。', 12);
    assert.ok(japanese.every((line) => displayWidth(line) <= 14), JSON.stringify(japanese));
    assert.ok(japanese.every((line) => !/^[、。]/.test(line)), JSON.stringify(japanese));
    assert.equal(japanese.join(''), 'コンテナはプロセスです。カーネルが隔離します。');
  });

  it('underlines headings, indents code, bullets lists, keeps code spans literal and says where links go', () => {
    const text = plain([
      '# Least privilege', '', '<a id="x"></a>', '## Why', '',
      'Grant `*` on `*` to **nobody**; see [the topic](../skills/4.4.1.en.md#least-privilege) or [docs](https://example.com/).', '',
      '- first item', '- second', '', '```yaml before', 'kind: Role', '## not a heading', '```', '', '<!-- generated -->',
    ].join('\n'), 100);
    assert.equal(text, [
      'Least privilege', '===============', '', 'Why', '---', '',
      'Grant `*` on `*` to nobody; see the topic (infracoach explain 4.4.1) or docs (https://example.com/).', '',
      '  • first item', '  • second', '',
      '    [yaml before]', '    kind: Role', '    ## not a heading', '',
    ].join('\n'));
  });

  it('aligns tables by display width', () => {
    const text = plain('| 名前 | AWS |\n|---|---|\n| 関数 | Lambda |\n| NoSQL | DynamoDB |\n');
    assert.deepEqual(text.trimEnd().split('\n'), ['  名前   AWS', '  ─────  ────────', '  関数   Lambda', '  NoSQL  DynamoDB']);
  });

  it('styles bold and code only with colour', () => {
    const coloured = markdownToText('**bold** and `code`', { width: 80, colour: true, linkTarget: () => undefined });
    assert.equal(coloured, '\x1b[1mbold\x1b[0m and \x1b[36mcode\x1b[0m\n');
  });
});
