import type { Language } from './types';

/** Which of our languages a file is, from its name and (in the editor) its language id. */
export function detectLanguage(path: string, languageId?: string): Language | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'terraform' || languageId === 'hcl') return lower.endsWith('.tfvars') ? undefined : 'terraform';
  if (languageId === 'yaml') return 'kubernetes';
  // A Dockerfile's own ignore file (`Dockerfile.prod.dockerignore`, `api.Dockerfile.dockerignore`) is not a Dockerfile.
  if (lower.endsWith('.dockerignore')) return undefined;
  // `Dockerfile`, `Dockerfile.debug`, `api.Dockerfile`, and prefixed copies such as `web-Dockerfile` or `svc__Dockerfile`.
  if (/(^|[._-])(dockerfile|containerfile)$/.test(lower) || /^(dockerfile|containerfile)\./.test(lower) || /[._-]dockerfile\.[a-z0-9-]+$/.test(lower)) return 'dockerfile';
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'kubernetes';
  return undefined;
}
