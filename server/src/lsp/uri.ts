import { fileURLToPath } from 'node:url';

/** The engine works on `/`-separated paths; file URIs map to their path, other schemes keep their path part. */
export function pathOfUri(uri: string): string {
  try {
    const url = new URL(uri);
    if (url.protocol === 'file:') return fileURLToPath(url).replace(/\\/g, '/');
    return decodeURIComponent(url.pathname) || uri;
  } catch {
    return uri;
  }
}
