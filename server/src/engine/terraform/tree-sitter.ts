import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';

let ready: Promise<Parser> | undefined;

/** A parse that takes longer than this is abandoned: the editor must never wait on a pathological file. */
export const PARSE_TIMEOUT_MS = 2_000;

/**
 * Finds a wasm file: next to the bundle (`dist/`), or in node_modules when running from source (tests).
 * `__dirname` is the bundle's folder once esbuild has bundled this module.
 */
function locate(file: string, packageFile: string, wasmDirectory?: string): string {
  const candidates = [wasmDirectory, typeof __dirname === 'string' ? __dirname : undefined]
    .filter((dir): dir is string => Boolean(dir))
    .map((dir) => join(dir, file));
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  return require.resolve(packageFile);
}

export function initTreeSitter(wasmDirectory?: string): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init({ locateFile: () => locate('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm', wasmDirectory) });
    const language = await Language.load(
      locate('tree-sitter-terraform.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', wasmDirectory),
    );
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

let parserInstance: Parser | undefined;

export async function loadTerraformParser(wasmDirectory?: string): Promise<void> {
  parserInstance = await initTreeSitter(wasmDirectory);
}

/**
 * Parses HCL; returns undefined when the parse was abandoned for taking too long. `editedPrevious` (the last tree of
 * this file, with the edit since applied) lets tree-sitter re-parse only around the change. Callers that parse several
 * times for one file (error recovery) pass one shared deadline so the whole job stays within the budget.
 */
export function parseHcl(text: string, deadline = Date.now() + PARSE_TIMEOUT_MS, editedPrevious?: Tree): Tree | undefined {
  if (!parserInstance) throw new Error('Terraform parser used before loadTerraformParser() finished');
  parserInstance.reset();
  if (Date.now() > deadline) return undefined;
  // Returning true from the progress callback abandons the parse.
  return parserInstance.parse(text, editedPrevious ?? null, { progressCallback: () => Date.now() > deadline }) ?? undefined;
}
