// Bundles the extension client, the language server and the CLI, and copies the tree-sitter wasm beside them.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle must supply itself.
  define: { 'import.meta.url': '__bundleFileUrl' },
};
const fileUrlBanner = "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;";

await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', banner: { js: fileUrlBanner } }),
  build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: `#!/usr/bin/env node\n${fileUrlBanner}` } }),
]);

// The grammar wasm is tied to the runtime's ABI: both come from the pinned packages in package.json.
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');
copyFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'), 'dist/tree-sitter-terraform.wasm');
