import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { LineIndex } from '../text';
import type { WorkspaceView } from '../types';
import { readBody, topLevelBlocks, type HclBlock } from './hcl';
import { parseHcl } from './tree-sitter';
import type { ModuleScope } from './values';

/** One parsed `.tf` file. The tree lives in wasm memory, so whoever creates it must `dispose()` it. */
export interface TerraformFile {
  path: string;
  text: string;
  lines: LineIndex;
  tree: Tree | undefined;
  blocks: HclBlock[];
}

export interface TerraformDocument extends TerraformFile {
  language: 'terraform';
  /** True when the syntax tree has errors; complete blocks are still read. */
  hasSyntaxErrors: boolean;
  module: ModuleScope;
  /** The other `.tf` files of the module folder, parsed on demand. */
  siblings(): TerraformFile[];
  dispose(): void;
}

export function parseTerraformFile(path: string, text: string): TerraformFile {
  const tree = parseHcl(text);
  return { path, text, lines: new LineIndex(text), tree, blocks: tree ? topLevelBlocks(tree.rootNode) : [] };
}

export function parseTerraform(path: string, text: string, workspace?: WorkspaceView, siblingCache?: SiblingCache): TerraformDocument {
  const file = parseTerraformFile(path, text);
  let siblings: TerraformFile[] | undefined;
  const loadSiblings = (): TerraformFile[] => {
    siblings ??= workspace && siblingCache ? siblingCache.siblingsOf(path, workspace) : [];
    return siblings;
  };
  const document: TerraformDocument = {
    ...file,
    language: 'terraform',
    hasSyntaxErrors: file.tree?.rootNode.hasError ?? true,
    siblings: loadSiblings,
    module: moduleScope(() => [file, ...loadSiblings()]),
    dispose: () => file.tree?.delete(),
  };
  return document;
}

function moduleScope(files: () => TerraformFile[]): ModuleScope {
  const find = (blockType: string, pick: (block: HclBlock) => SyntaxNode | undefined) => {
    for (const file of files()) {
      for (const block of file.blocks) {
        if (block.type !== blockType) continue;
        const expression = pick(block);
        if (expression) return { expression, file };
      }
    }
    return undefined;
  };
  return {
    variableDefault: (name) => find('variable', (block) => (block.labels[0] === name ? block.attributes.get('default')?.expression : undefined)),
    local: (name) => find('locals', (block) => block.attributes.get(name)?.expression),
  };
}

/** Parsed sibling files by path and text, so typing in one file does not re-parse the whole module folder. */
export class SiblingCache {
  private readonly files = new Map<string, TerraformFile>();

  constructor(private readonly maxFiles = 256) {}

  siblingsOf(path: string, workspace: WorkspaceView): TerraformFile[] {
    const folder = path.slice(0, path.lastIndexOf('/'));
    const result: TerraformFile[] = [];
    for (const candidate of workspace.listFolder(folder)) {
      if (candidate === path || !candidate.endsWith('.tf')) continue;
      const text = workspace.readFile(candidate);
      if (text === undefined) continue;
      let cached = this.files.get(candidate);
      if (!cached || cached.text !== text) {
        cached?.tree?.delete();
        cached = parseTerraformFile(candidate, text);
        this.files.delete(candidate);
        this.files.set(candidate, cached);
        this.evict();
      }
      result.push(cached);
    }
    return result;
  }

  private evict(): void {
    while (this.files.size > this.maxFiles) {
      const [oldest, file] = this.files.entries().next().value as [string, TerraformFile];
      file.tree?.delete();
      this.files.delete(oldest);
    }
  }

  clear(): void {
    for (const file of this.files.values()) file.tree?.delete();
    this.files.clear();
  }
}

export { readBody };
