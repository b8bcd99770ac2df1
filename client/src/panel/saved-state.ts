import { isRuleId, isSkillId, type PageRef } from './links';
import type { PanelTarget } from './pages';

/** What the panel's script saves with `setState` (media/panel.js), so the editor can bring the panel back after a reload. */
export interface SavedPanelState {
  page: string;
  locale: string;
  anchor?: string;
}

const ANCHOR = /^[\w-]{1,100}$/;

/**
 * The page a restored panel shows. The state comes back from the webview, which is untrusted: only a known kind
 * of page with a well-formed id and locale is accepted; anything else restores nothing.
 */
export function targetOfSavedState(state: unknown): PanelTarget | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { page, locale, anchor } = state as Partial<Record<keyof SavedPanelState, unknown>>;
  if (typeof page !== 'string' || (locale !== 'en' && locale !== 'ja')) return undefined;
  const separator = page.indexOf(':');
  const kind = page.slice(0, separator);
  const id = page.slice(separator + 1);
  let ref: PageRef;
  if (kind === 'skill' && isSkillId(id)) ref = { kind, id, locale };
  else if (kind === 'rule' && isRuleId(id)) ref = { kind, id, locale };
  else return undefined;
  return typeof anchor === 'string' && ANCHOR.test(anchor) ? { page: ref, anchor } : { page: ref };
}
