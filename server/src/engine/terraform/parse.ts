import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { LineIndex } from '../text';
import type { WorkspaceView } from '../types';
import { readBody, topLevelBlocks, type HclBlock } from './hcl';
import { editedCopy, spanEdit } from './incremental';
import { exceedsSyntaxDepth } from './nesting';
import type { SiblingCache } from './sibling-cache';
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
  /** Offset of the first syntax error, so a one-shot run can say where the file is broken. */
  firstSyntaxErrorAt?: number;
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

/** Time the error recovery below may spend re-parsing pieces of a broken file. */
const RECOVERY_BUDGET_MS = 400;

/**
 * `previous`: this file's last parse, when an editor is changing it. A tree of exactly the previous text (one
 * without syntax errors, not blanked) is edited and handed to tree-sitter, which then re-parses only around the change.
 */
export function parseTerraformFile(path: string, text: string, previous?: TerraformFile): TerraformFile {
  const { tree, hasSyntaxErrors, tooDeepAt, firstSyntaxErrorAt } = parseTolerant(text, reusableTree(previous, text));
  return {
    path, text, lines: new LineIndex(text), tree, hasSyntaxErrors, blocks: tree ? topLevelBlocks(tree.rootNode) : [],
    ...(tooDeepAt === undefined ? {} : { tooDeepAt }),
    ...(firstSyntaxErrorAt === undefined ? {} : { firstSyntaxErrorAt }),
  };
}

function reusableTree(previous: TerraformFile | undefined, text: string): Tree | undefined {
  if (!previous?.tree || previous.hasSyntaxErrors || previous.tooDeepAt !== undefined) return undefined;
  const edit = spanEdit(previous.text, text);
  return edit ? editedCopy(previous.tree, edit) : undefined;
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
function parseTolerant(text: string, editedPrevious: Tree | undefined): { tree: Tree | undefined; hasSyntaxErrors: boolean; tooDeepAt?: number; firstSyntaxErrorAt?: number } {
  let parsed: ReturnType<typeof parseTolerantTree>;
  try {
    parsed = parseTolerantTree(text, editedPrevious);
  } finally {
    editedPrevious?.delete();
  }
  if (!parsed.hasSyntaxErrors || !parsed.firstError) return parsed;
  const { firstError, ...rest } = parsed;
  return { ...rest, firstSyntaxErrorAt: firstError };
}

function parseTolerantTree(text: string, editedPrevious: Tree | undefined): { tree: Tree | undefined; hasSyntaxErrors: boolean; tooDeepAt?: number; firstError?: number } {
  // One deadline for every parse of this file, so recovery cannot multiply the time budget.
  const deadline = Date.now() + PARSE_TIMEOUT_MS;
  const tree = parseHcl(text, deadline, editedPrevious);
  // Recovery is a best effort on top of a tree we already have: it gets a short budget of its own, so a
  // pathological file (a huge line inside an unterminated comment) costs the editor at most this much more.
  const recoveryDeadline = Math.min(deadline, Date.now() + RECOVERY_BUDGET_MS);
  if (!tree) return { tree, hasSyntaxErrors: true };
  const hasSyntaxErrors = tree.rootNode.hasError;
  // Blocks nested too deeply for the recursive walkers are blanked out like broken ones (see nesting.ts).
  const tooDeep = exceedsSyntaxDepth(tree);
  if (!hasSyntaxErrors && !tooDeep) return { tree, hasSyntaxErrors };
  const errors = tooDeep ? [] : errorSpans(tree);
  const firstError = errors.reduce<number | undefined>((first, span) => (first === undefined || span.start < first ? span.start : first), undefined);
  let masked = '';
  let maskedAny = false;
  let tooDeepAt: number | undefined;
  let firstMasked: number | undefined;
  const chunks = topLevelChunks(text);
  const touchesError = (chunk: { start: number; end: number } | undefined) => chunk !== undefined && errors.some((span) => span.start < chunk.end && span.end > chunk.start);
  for (const [index, chunk] of chunks.entries()) {
    const piece = text.slice(chunk.start, chunk.end);
    // Pieces away from every error parsed cleanly in place and need no parse of their own. The piece before an
    // error is checked too: an unclosed block shows its error only where the next one starts, and kept unclosed
    // before a long blanked run it sent tree-sitter's recovery past the deadline (found by the fuzzer).
    if (!tooDeep && !touchesError(chunk) && !touchesError(chunks[index + 1])) {
      masked += piece;
      continue;
    }
    const alone = parseHcl(piece, recoveryDeadline);
    // Out of time: keep the first tree rather than blank blocks that may be fine.
    if (!alone && !tooDeep) return { tree, hasSyntaxErrors, firstError };
    const deep = tooDeep && alone !== undefined && exceedsSyntaxDepth(alone);
    const broken = !alone || alone.rootNode.hasError || deep;
    alone?.delete();
    if (deep) tooDeepAt ??= chunk.start;
    if (broken) firstMasked ??= chunk.start;
    masked += broken ? piece.replace(/[^\r\n]/g, ' ') : piece;
    maskedAny ||= broken;
  }
  const recovered = maskedAny ? parseHcl(masked, recoveryDeadline) : undefined;
  if (!recovered || (tooDeep && exceedsSyntaxDepth(recovered))) {
    // Never hand the walkers a tree that is still too deep.
    recovered?.delete();
    if (!tooDeep) return { tree, hasSyntaxErrors, firstError };
    tree.delete();
    return { tree: undefined, hasSyntaxErrors, tooDeepAt: tooDeepAt ?? 0 };
  }
  tree.delete();
  // A deep block cut into pieces at column-0 lines shows up as broken pieces: point at the first of them.
  if (tooDeep) tooDeepAt ??= firstMasked;
  return { tree: recovered, hasSyntaxErrors, firstError, ...(tooDeepAt === undefined ? {} : { tooDeepAt }) };
}

/** Where the tree has ERROR or MISSING nodes (an ERROR node may swallow every block after it); iterative, for deep trees. */
function errorSpans(tree: Tree): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const pending: SyntaxNode[] = [tree.rootNode];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'ERROR' || node.isMissing) {
      spans.push({ start: node.startIndex, end: Math.max(node.endIndex, node.startIndex + 1) });
      continue;
    }
    for (const child of node.children) if (child && (child.hasError || child.isMissing)) pending.push(child);
  }
  return spans;
}

/**
 * `reuseSiblingParse`: for one-shot runs (the CLI), take this file's tree from the sibling cache when another
 * file of the folder already parsed it, and give it back on dispose, so a folder of N files is parsed N times, not 2N.
 */
export function parseTerraform(path: string, text: string, workspace?: WorkspaceView, siblingCache?: SiblingCache, reuseSiblingParse = false, previous?: TerraformFile): TerraformDocument {
  const shared = reuseSiblingParse ? siblingCache?.take(path, text) : undefined;
  const file = shared ?? parseTerraformFile(path, text, previous);
  let siblings: { files: TerraformFile[]; generation: number } | undefined;
  const loadSiblings = (): TerraformFile[] => {
    if (!workspace || !siblingCache) return [];
    // A document kept for code actions must not hand out trees the cache has released since.
    if (siblings?.generation !== siblingCache.generation) siblings = { files: siblingCache.siblingsOf(path, workspace), generation: siblingCache.generation };
    return siblings.files;
  };
  const document: TerraformDocument = {
    ...file,
    language: 'terraform',
    siblings: loadSiblings,
    moduleFile: (relativePath) => workspace?.readFile(`${path.slice(0, path.lastIndexOf('/'))}/${relativePath}`),
    module: moduleScope(() => [file, ...loadSiblings()]),
    dispose: () => {
      if (reuseSiblingParse && siblingCache) siblingCache.adopt(file);
      else file.tree?.delete();
    },
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

export { readBody };
