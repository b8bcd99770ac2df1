/**
 * Decides whether a variable, argument or key name says it holds a credential. Shared by the Dockerfile,
 * Kubernetes and Terraform rules so that all three agree on what a "secret-looking" name is.
 */

/** Single words that name a credential on their own. */
const CREDENTIAL_WORDS = new Set(['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS']);

/** Two consecutive words that together name a credential (`KEY` alone is too vague: `GPG_KEY` is a public key id). */
const CREDENTIAL_PAIRS: readonly [string, string][] = [
  ['API', 'KEY'],
  ['PRIVATE', 'KEY'],
  ['ACCESS', 'KEY'],
  ['SECRET', 'KEY'],
  ['AUTH', 'TOKEN'],
];

/** A name ending in one of these points at a credential (a file, a path, a reference) instead of holding one. */
const POINTER_SUFFIXES = new Set(['FILE', 'PATH', 'DIR', 'URL', 'NAME', 'VERSION', 'ID']);

/**
 * Splits a name into upper-cased words at `_`, `-`, `.` and camelCase boundaries:
 * `dbPassword` → DB PASSWORD, `APIKey` → API KEY, `aws_secret_access_key` → AWS SECRET ACCESS KEY.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.\-]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toUpperCase());
}

export function containsCredentialWord(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (POINTER_SUFFIXES.has(words[words.length - 1])) return false;
  if (words.some((word) => CREDENTIAL_WORDS.has(word))) return true;
  return words.some((word, index) => index + 1 < words.length && CREDENTIAL_PAIRS.some(([first, second]) => word === first && words[index + 1] === second));
}
