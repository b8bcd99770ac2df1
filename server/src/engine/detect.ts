import type { Language } from './types';

/** Which of our languages a file is, from its name and (in the editor) its language id. */
export function detectLanguage(path: string, languageId?: string): Language | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'terraform' || languageId === 'hcl') return lower.endsWith('.tfvars') ? undefined : 'terraform';
  if (languageId === 'yaml') return 'kubernetes';
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.')) return 'dockerfile';
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'kubernetes';
  return undefined;
}
