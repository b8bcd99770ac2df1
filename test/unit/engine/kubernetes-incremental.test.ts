import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { visit, type Document } from 'yaml';
import { allRules } from '../../../rules';
import { Engine } from '../../../server/src/engine/engine';
import { MIN_CHUNKED_CHARS, parseDocumentsIncrementally, parseYamlDocuments, type ParsedChunk } from '../../../server/src/engine/kubernetes/document-chunks';
import { typeAfter, typeAnywhere, typist, type Keystroke } from '../../helpers/typist';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/kubernetes/deployment.yaml'), 'utf8');
const CORPUS = join(__dirname, '../../../../shared/corpus/kubernetes');

/** Every node's range and the data, document by document: what the rules read. */
function shape(documents: readonly Document.Parsed[]): string[] {
  return documents.map((document) => {
    const ranges: number[][] = [];
    visit(document, { Node: (_key, node) => void (node.range && ranges.push([...node.range])) });
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      data = `unreadable: ${(error as Error).message}`;
    }
    return JSON.stringify({ range: document.range, errors: document.errors.map((error) => error.pos), data, ranges });
  });
}

/** A multi-document file of the example Deployment, numbered, over the chunking threshold. */
function manyDocuments(count: number): string {
  return Array.from({ length: count }, (_, index) => `---\n# object ${index}\n${EXAMPLE.replace(/name: web\b/, `name: web-${index}`)}`).join('');
}

/** Edits mostly inside values and comments, sometimes a new or removed document, sometimes one that breaks the YAML. */
const yamlKeystroke: Keystroke = (text, random) => {
  const roll = random.next();
  if (roll < 0.3) return { text: typeAfter(text, /# /g, random.pick(['x', '日本', '😀 ', '--- ']), random) };
  if (roll < 0.5) return { text: typeAfter(text, /image: /g, 'r', random) };
  if (roll < 0.6) return { text: typeAfter(text, /memory: \d/g, '0', random) };
  if (roll < 0.7) return { text: typeAfter(text, /^---\n/gm, `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${random.int(100)}\n`, random) };
  if (roll < 0.8) {
    const starts = [...text.matchAll(/^---\n/gm)].map((match) => match.index);
    if (starts.length < 3) return { text };
    const index = 1 + random.int(starts.length - 2);
    return { text: text.slice(0, starts[index]) + text.slice(starts[index + 1]) };
  }
  if (roll < 0.9) return { text: typeAfter(text, /name: /g, random.pick(['"', '[', '{', '\n---\n', '&a ', '*a ']), random), breaks: true };
  return { text: typeAnywhere(text, random.pick(['"', ':', '\n  - ', '\t', '\n%YAML 1.2\n']), random), breaks: true };
};

describe('Kubernetes: re-parsing only the documents an edit changed', () => {
  it('re-uses the unchanged documents, moved to their new offsets, and parses the changed one', () => {
    const text = manyDocuments(40);
    assert.ok(text.length > MIN_CHUNKED_CHARS);
    const first = parseDocumentsIncrementally(text, undefined);
    assert.equal(first.documents.length, 40);
    const edited = text.replace('# object 20\n', '# object twenty\n');
    const second = parseDocumentsIncrementally(edited, first.chunks);
    assert.deepEqual(shape(second.documents), shape(parseYamlDocuments(edited)));
    assert.equal(second.documents[19], first.documents[19], 'a document before the edit is re-used');
    assert.equal(second.documents[30], first.documents[30], 'a document after the edit is re-used, moved');
    assert.notEqual(second.documents[20], first.documents[20], 'the edited document is parsed again');
  });

  it('parses the whole text, as before, for small files, % directives and chunks that do not parse on their own', () => {
    const small = manyDocuments(2);
    assert.equal(parseDocumentsIncrementally(small, undefined).chunks, undefined);
    const directive = `%YAML 1.2\n${manyDocuments(40)}`;
    assert.equal(parseDocumentsIncrementally(directive, undefined).chunks, undefined);
    const openQuote = manyDocuments(40).replace('# object 3\n', '# object 3\nnote: "open\n');
    const parsed = parseDocumentsIncrementally(openQuote, undefined);
    assert.equal(parsed.chunks, undefined);
    assert.deepEqual(shape(parsed.documents), shape(parseYamlDocuments(openQuote)));
  });

  it('equals a whole-file parse after each of 150 seeded edits, through broken states and back', () => {
    const type = typist(20261129, yamlKeystroke);
    // Well over the threshold, so removed documents do not take it below.
    let text = manyDocuments(80);
    let chunks: ParsedChunk[] | undefined;
    let reusedSteps = 0;
    for (let step = 0; step < 150; step++) {
      text = type(text);
      const parsed = parseDocumentsIncrementally(text, chunks);
      if (chunks && parsed.chunks) reusedSteps++;
      assert.deepEqual(shape(parsed.documents), shape(parseYamlDocuments(text)), `step ${step}`);
      chunks = parsed.chunks;
    }
    assert.ok(reusedSteps > 60, `only ${reusedSteps} steps re-used documents`);
  });

  it('an editor document linted version after version gets the findings of a one-shot lint of the same text', async () => {
    const editor = await Engine.create({ rules: allRules });
    const oneShot = await Engine.create({ rules: allRules });
    const type = typist(7, yamlKeystroke);
    let text = manyDocuments(70);
    assert.ok(text.length > MIN_CHUNKED_CHARS * 1.5);
    const findings = (engine: Engine, version: number | undefined) => {
      const result = engine.lint({ path: '/m/all.yaml', text, ...(version === undefined ? {} : { version }) });
      return [...result.findings, ...result.notices].map((finding) => `${'ruleId' in finding ? finding.ruleId : finding.code}@${JSON.stringify(finding.range)}`);
    };
    try {
      for (let version = 1; version <= 40; version++) {
        text = type(text);
        assert.deepEqual(findings(editor, version), findings(oneShot, undefined), `version ${version}`);
        // Fixes read node offsets too: the one for the last finding is the same edit both ways.
        const last = editor.lint({ path: '/m/all.yaml', text, version }).findings.at(-1);
        if (last) assert.deepEqual(editor.fix({ path: '/m/all.yaml', text, version }, last), oneShot.fix({ path: '/m/all.yaml', text }, last), `fix at version ${version}`);
      }
    } finally {
      editor.dispose();
      oneShot.dispose();
    }
  });

  it('a document left out as an alias bomb stays left out, with its notice, while another document is edited', async () => {
    const levels = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level <= 10; level++) levels.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
    const bomb = `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: laughs}\n${levels.join('\n')}\ndata: {a: *l10}\n`;
    const engine = await Engine.create({ rules: allRules });
    try {
      let text = manyDocuments(45) + bomb;
      for (let version = 1; version <= 3; version++) {
        const notices = engine.lint({ path: '/m/all.yaml', text, version }).notices.map((notice) => notice.code);
        assert.deepEqual(notices, ['infracoach/not-analysed'], `version ${version}`);
        text = text.replace('# object 2', `# object 2${version}`);
      }
    } finally {
      engine.dispose();
    }
  });

  it('cutting at document markers changes nothing on the real-world corpus', (context) => {
    if (!existsSync(CORPUS)) {
      context.skip(`the shared corpus is not at ${CORPUS}`);
      return;
    }
    let chunked = 0;
    for (const folder of readdirSync(CORPUS, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const name of readdirSync(join(CORPUS, folder.name)).filter((file) => /\.ya?ml$/.test(file))) {
        const text = readFileSync(join(CORPUS, folder.name, name), 'utf8');
        const parsed = parseDocumentsIncrementally(text, undefined, 0);
        if (parsed.chunks) chunked++;
        assert.deepEqual(shape(parsed.documents), shape(parseYamlDocuments(text)), `${folder.name}/${name}`);
      }
    }
    assert.ok(chunked > 100, `only ${chunked} corpus files were cut into documents`);
  });
});
