import { defineRule } from '../../server/src/engine/rule';
import { copiesWholeContext, firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import type { DockerfileDocument } from '../../server/src/engine/dockerfile/parse';

/** What rarely belongs in an image: version control, local dependencies and caches, editor files, local env files. */
export const DOCKERIGNORE_TEMPLATE = [
  '# Keep the build context small and free of secrets: only what the Dockerfile COPYs is needed.',
  '.git',
  '.gitignore',
  '.dockerignore',
  'Dockerfile*',
  '**/node_modules',
  '**/__pycache__',
  '**/*.pyc',
  '**/.venv',
  '**/.terraform',
  '.vscode',
  '.idea',
  '**/*.log',
  '.env',
  '**/.env.*',
  '',
].join('\n');

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : '/';
}

/** True when the Dockerfile's folder (the usual build context) holds a `.dockerignore` or `<Dockerfile>.dockerignore`. */
function hasIgnoreFile(document: DockerfileDocument, entries: readonly string[]): boolean {
  const name = document.path.slice(document.path.lastIndexOf('/') + 1);
  const own = `${name}.dockerignore`;
  // Folders of a large repository list thousands of entries: compare names in place, without a slice or closure each.
  for (const entry of entries) if (isNamed(entry, '.dockerignore') || isNamed(entry, own)) return true;
  return false;
}

/** True when a path's last segment is exactly `file`. */
function isNamed(path: string, file: string): boolean {
  return path.endsWith(file) && (path.length === file.length || path[path.length - file.length - 1] === '/');
}

export default defineRule({
  id: 'dockerfile/missing-dockerignore',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Add a .dockerignore when copying the whole context', ja: 'コンテキスト全体をコピーするなら .dockerignore を置く' },
  messages: {
    noDockerignore: {
      en: 'This COPY sends the whole folder into the image, and there is no .dockerignore next to the Dockerfile, so .git, local dependencies and .env files go in too. Add a .dockerignore that leaves them out.',
      ja: 'この COPY はフォルダー全体をイメージに入れますが、Dockerfile の隣に .dockerignore がないため、.git やローカルの依存関係、.env ファイルまで入ります。それらを除外する .dockerignore を追加してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: [],
  check({ document, report }) {
    const workspace = document.workspace;
    if (!workspace) return;
    const folder = folderOf(document.path);
    const entries = workspace.listFolder(folder);
    // An empty listing means the folder is unknown (an unsaved buffer, a remote file): say nothing.
    if (entries.length === 0 || hasIgnoreFile(document, entries)) return;
    for (const stage of document.stages) {
      const copy = stage.instructions.find(copiesWholeContext);
      if (copy) {
        report({ range: firstLineRange(document, copy), messageId: 'noDockerignore', data: { dockerignore: `${folder === '/' ? '' : folder}/.dockerignore` } });
        return;
      }
    }
  },
  fix({ finding }) {
    const path = finding.data?.dockerignore;
    if (typeof path !== 'string') return undefined;
    return {
      title: { en: 'Create a .dockerignore with common entries', ja: 'よく使う項目を書いた .dockerignore を作成する' },
      edits: [],
      createFiles: [{ path, text: DOCKERIGNORE_TEMPLATE }],
    };
  },
});
