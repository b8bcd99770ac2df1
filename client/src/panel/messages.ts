/**
 * Messages the panel's webview may send to the extension. The webview is treated as untrusted: anything
 * that is not exactly one of these shapes is dropped, and hrefs are classified again by the extension.
 * No `vscode` import, so it is unit-tested under node.
 */

export const PANEL_ACTIONS = ['back', 'language', 'skillMap'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

export type PanelMessage =
  | { type: 'navigate'; href: string }
  | { type: 'finding'; index: number }
  | { type: 'action'; action: PanelAction };

export function parsePanelMessage(value: unknown): PanelMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'navigate':
      return typeof message.href === 'string' && message.href.length <= 2000 ? { type: 'navigate', href: message.href } : undefined;
    case 'finding':
      return Number.isSafeInteger(message.index) && (message.index as number) >= 0 ? { type: 'finding', index: message.index as number } : undefined;
    case 'action':
      return PANEL_ACTIONS.includes(message.action as PanelAction) ? { type: 'action', action: message.action as PanelAction } : undefined;
    default:
      return undefined;
  }
}
