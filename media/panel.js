// The Infra Coach panel's only script (loaded with the render's nonce). It never navigates by itself: links,
// findings and toolbar buttons post a message, and the extension decides what, if anything, to open.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const ACTIVE = '[data-anchor],[data-href],[data-finding],[data-action]';

  function scrollToAnchor(id) {
    const target = typeof id === 'string' ? document.getElementById(id) : null;
    if (target) target.scrollIntoView({ block: 'start' });
  }

  function activate(element) {
    const data = element.dataset;
    if (data.anchor !== undefined) scrollToAnchor(data.anchor);
    else if (data.href !== undefined) vscode.postMessage({ type: 'navigate', href: data.href });
    else if (data.finding !== undefined) vscode.postMessage({ type: 'finding', index: Number(data.finding) });
    else if (data.action !== undefined && !element.disabled) vscode.postMessage({ type: 'action', action: data.action });
  }

  document.addEventListener('click', (event) => {
    const element = event.target instanceof Element ? event.target.closest(ACTIVE) : null;
    if (!element) return;
    event.preventDefault();
    activate(element);
  });

  // Links are focusable spans of text without an href, so Enter and Space must work on them like on a link.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const element = event.target instanceof Element ? event.target.closest(ACTIVE) : null;
    if (!element || element.tagName === 'BUTTON') return;
    event.preventDefault();
    activate(element);
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'findings' && typeof message.html === 'string') {
      // Built by the extension from escaped text only (client/src/panel/html.ts findingsHtml).
      const section = document.getElementById('findings');
      if (section) section.innerHTML = message.html;
    } else if (message.type === 'scroll') {
      scrollToAnchor(message.anchor);
    }
  });

  // Kept by the editor across a reload, so the panel comes back on the same page (client/src/panel/saved-state.ts).
  vscode.setState({ page: document.body.dataset.page, locale: document.documentElement.lang, anchor: document.body.dataset.anchor });
  scrollToAnchor(document.body.dataset.anchor);
})();
