import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { YamlEditor } from '../../../server/src/engine/kubernetes/yaml-edit';
import { getIn } from '../../../server/src/engine/kubernetes/yaml-ast';
import { applyEdits, LineIndex } from '../../../server/src/engine/text';

function edit(text: string, path: string[], target: string[], value: unknown): string {
  const document = parseDocument(text);
  const map = target.length === 0 ? document.contents : getIn(document, document.contents as YAMLMap, target);
  assert.ok(isMap(map));
  const editor = new YamlEditor(text, new LineIndex(text), document);
  const result = applyEdits(text, [editor.setIn(map, path, value)]);
  assert.deepEqual(parseDocument(result).errors, [], `the edited YAML parses:\n${result}`);
  return result;
}

describe('YamlEditor.setIn', () => {
  it('adds a nested block at the mapping indentation', () => {
    const text = 'spec:\n  name: web\n  image: nginx\nnext: 1\n';
    assert.equal(edit(text, ['resources', 'limits', 'memory'], ['spec'], '256Mi'), 'spec:\n  name: web\n  image: nginx\n  resources:\n    limits:\n      memory: 256Mi\nnext: 1\n');
  });

  it('completes an existing mapping without touching its keys', () => {
    const text = 'c:\n  resources:\n    requests:\n      cpu: 100m\n';
    assert.equal(edit(text, ['resources', 'limits'], ['c'], { memory: '256Mi' }), 'c:\n  resources:\n    requests:\n      cpu: 100m\n    limits:\n      memory: 256Mi\n');
  });

  it('replaces an empty value and an empty flow mapping', () => {
    assert.equal(edit('c:\n  resources:\n  image: x\n', ['resources'], ['c'], { limits: { memory: '1Gi' } }), 'c:\n  resources:\n    limits:\n      memory: 1Gi\n  image: x\n');
    assert.equal(edit('c:\n  resources: {}\n', ['resources'], ['c'], { limits: { memory: '1Gi' } }), 'c:\n  resources:\n    limits:\n      memory: 1Gi\n');
  });

  it('writes flow style into flow mappings, keeping the spacing before the closing brace', () => {
    assert.equal(edit('c: {name: web, image: nginx}\n', ['resources', 'limits', 'memory'], ['c'], '1Gi'), 'c: {name: web, image: nginx, resources: { limits: { memory: 1Gi } }}\n');
  });

  it('keeps CRLF line breaks', () => {
    assert.equal(edit('c:\r\n  name: web\r\n', ['privileged'], ['c'], false), 'c:\r\n  name: web\r\n  privileged: false\r\n');
  });

  it('replaces a scalar value in place', () => {
    assert.equal(edit('c:\n  privileged: true # why\n', ['privileged'], ['c'], false), 'c:\n  privileged: false # why\n');
  });
});
