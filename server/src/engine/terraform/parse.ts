import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { LineIndex } from '../text';
import type { WorkspaceView } from '../types';
import { readBody, topLevelBlocks, type HclBlock } from './hcl';
import { exceedsSyntaxDepth } from './nesting';
import { parseHcl, PARSE_TIMEOUT_MS } from './tree-sitter';
import type { ModuleScope } from './values';

/** One parsed `.tf` file. The tree lives in wasm memory, so whoever creates it must `dispose()` it. */
export interface TerraformFile {
  path: string;
  text: string;
  lines: LineIndex;
  /** The syntax tree; after a syntax error, of the text with its broken top-level blocks blanked out. */
  tree: Tree | undefined;
  /** True when the file has syntax errors; the complete blocks are still read. */
  hasSyntaxErrors: boolean;
  blocks: HclBlock[];
  /** Offset of the first top-level block left out (blanked) because it nests deeper than the walkers can follow. */
  tooDeepAt?: number;
}

export interface TerraformDocument extends TerraformFile {
  language: 'terraform';
  module: ModuleScope;
  /** The other `.tf` files of the module folder, parsed on demand. */
  siblings(): TerraformFile[];
  /** Text of another file of the module folder (`.terraform.lock.hcl`, say), when the workspace can read it. */
  moduleFile(relativePath: string): string | undefined;
  dispose(): void;
}

export function parseTerraformFile(path: string, text: string): TerraformFile {
  const { tree, hasSyntaxErrors, tooDeepAt } = parseTolerant(text);
  return { path, text, lines: new LineIndex(text), tree, hasSyntaxErrors, blocks: tree ? topLevelBlocks(tree.rootNode) : [], ...(tooDeepAt === undefined ? {} : { tooDeepAt }) };
}

/** A line that starts a top-level block (`resource "a" "b" {`) or attribute, at column 0 as `terraform fmt` writes it. */
const TOP_LEVEL_START = /^[A-Za-z_][\w-]*(?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*[ \t]*(?:\{|=)/;

/** The file cut at lines that start a top-level block; each piece is one block plus the comments after it. */
function topLevelChunks(text: string): { start: number; end: number }[] {
  const starts: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (TOP_LEVEL_START.test(text.slice(lineStart, lineEnd))) starts.push(lineStart);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((start, index) => ({ start, end: starts[index + 1] ?? text.length }));
}

/**
 * Parses like an editor must: when the file has a syntax error, the top-level blocks that do not parse on
 * their own are blanked out (same length, line breaks kept, so offsets stay true) and the rest is parsed
 * again. tree-sitter alone often folds every block after a half-typed one into its error node.
 */
function parseTolerant(text: string): { tree: Tree | undefined; hasSyntaxErrors: boolean } {
  const deadline = Date.now() + PARSE_TIMEOUT_MS;
  const tree = parseHcl(text, deadline);
  if (!tree) return { tree, hasSyntaxErrors: true };
  if (!tree.rootNode.hasError) return { tree, hasSyntaxErrors: false };
  const errors = errorSpans(tree.rootNode);
  let masked = '';
  let maskedAny = false;
  for (const chunk of topLevelChunks(text)) {
    const piece = text.slice(chunk.start, chunk.end);
    // Only pieces that touch an error need a parse of their own; the rest parsed cleanly in place.
    let broken = false;
    if (errors.some((span) => span.start < chunk.end && span.end > chunk.start)) {
      const alone = parseHcl(piece, deadline);
      if (!alone) return { tree, hasSyntaxErrors: true };
      broken = alone.rootNode.hasError;
      alone.delete();
    }
    masked += broken ? piece.replace(/[^\r\n]/g, ' ') : piece;
    maskedAny ||= broken;
  }
  if (!maskedAny) return { tree, hasSyntaxErrors: true };
  const recovered = parseHcl(masked, deadline);
  if (!recovered) return { tree, hasSyntaxErrors: true };
  tree.delete();
  return { tree: recovered, hasSyntaxErrors: true };
}

/** Where the syntax tree has ERROR or MISSING nodes (an ERROR node may swallow every block after it). */
function errorSpans(root: SyntaxNode): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.type === 'ERROR' || node.isMissing) {
      spans.push({ start: node.startIndex, end: Math.max(node.endIndex, node.startIndex + 1) });
      return;
    }
    for (const child of node.children) if (child?.hasError || child?.isMissing) visit(child);
  };
  visit(root);
  return spans;
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
