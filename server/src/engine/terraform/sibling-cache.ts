import type { WorkspaceView } from '../types';
import { parseTerraformFile, type TerraformFile } from './parse';

/**
 * Source characters of parsed files kept from folders other than the one in use. A tree takes some 75 bytes of
 * wasm memory per character and wasm memory never shrinks, so this bounds the language server's footprint
 * (a whole workspace of modules open must not keep every module's trees); one or two ordinary modules fit.
 */
const DEFAULT_MAX_OTHER_FOLDER_CHARS = 64 * 1024;

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * Parsed sibling files by path and text, so typing in one file does not re-parse the whole module folder.
 * Least recently used first out; the folder asked about last is always kept whole, however large, so typing
 * in a big module never re-parses its siblings.
 */
export class SiblingCache {
  private readonly files = new Map<string, TerraformFile>();
  private cachedChars = 0;
  private released = 0;

  /** Changes whenever a tree handed out earlier is released: lists of siblings taken before then are stale. */
  get generation(): number {
    return this.released;
  }

  constructor(private readonly maxOtherFolderChars = DEFAULT_MAX_OTHER_FOLDER_CHARS) {}

  siblingsOf(path: string, workspace: WorkspaceView): TerraformFile[] {
    const folder = folderOf(path);
    const result: TerraformFile[] = [];
    for (const candidate of workspace.listFolder(folder)) {
      if (candidate === path || !candidate.endsWith('.tf')) continue;
      const text = workspace.readFile(candidate);
      if (text === undefined) continue;
      const cached = this.files.get(candidate);
      const file = cached && cached.text === text ? cached : parseTerraformFile(candidate, text);
      if (cached && cached !== file) this.release(cached);
      this.store(file);
      result.push(file);
    }
    this.evict(folder);
    return result;
  }

  /** Removes and returns the cached parse of a file with exactly this text; the caller then owns its tree. */
  take(path: string, text: string): TerraformFile | undefined {
    const cached = this.files.get(path);
    if (!cached || cached.text !== text) return undefined;
    this.remove(path);
    return cached;
  }

  /** Takes ownership of a parsed file so that its neighbours can reuse it. */
  adopt(file: TerraformFile): void {
    const previous = this.files.get(file.path);
    if (previous && previous !== file) this.release(previous);
    this.store(file);
    this.evict(folderOf(file.path));
  }

  clear(): void {
    for (const file of this.files.values()) this.release(file);
    this.files.clear();
    this.cachedChars = 0;
  }

  /** Stores (or refreshes) a file as the most recently used; the caller has released any other tree for the path. */
  private store(file: TerraformFile): void {
    this.remove(file.path);
    this.files.set(file.path, file);
    this.cachedChars += file.text.length;
  }

  private remove(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    this.cachedChars -= file.text.length;
    this.files.delete(path);
  }

  private release(file: TerraformFile): void {
    file.tree?.delete();
    this.released++;
  }

  private evict(folderInUse: string): void {
    let inUseChars = 0;
    for (const file of this.files.values()) if (folderOf(file.path) === folderInUse) inUseChars += file.text.length;
    for (const [path, file] of this.files) {
      if (this.cachedChars - inUseChars <= this.maxOtherFolderChars) return;
      if (folderOf(path) === folderInUse) continue;
      this.release(file);
      this.remove(path);
    }
  }
}
