// Preloaded (`node --require`) into the language server by test/lsp/no-network.test.ts. The network and
// process-spawning modules still load, because libraries import them at start-up, but calling or constructing
// anything they export throws, and every attempt is written to stderr so the test sees it even when the
// server catches the error. `fetch` and friends are blocked the same way.
'use strict';
const Module = require('node:module');

const BLOCKED = new Set(['net', 'http', 'https', 'http2', 'dns', 'dns/promises', 'tls', 'dgram', 'child_process', 'cluster', 'inspector']);
const MARK = 'INFRACOACH-NO-NETWORK-VIOLATION';

function violation(what) {
  process.stderr.write(`${MARK} ${what}\n${new Error('stack').stack}\n`);
  return new Error(`${what} is not allowed: Infra Coach makes no network requests and runs no programs`);
}

function guard(name, target) {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return new Proxy(value, {
        apply() {
          throw violation(`${name}.${String(property)}()`);
        },
        construct() {
          throw violation(`new ${name}.${String(property)}()`);
        },
      });
    },
  });
}

const guarded = new Map();
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  const loaded = originalLoad.call(this, request, parent, isMain);
  const name = typeof request === 'string' && request.startsWith('node:') ? request.slice(5) : request;
  if (!BLOCKED.has(name)) return loaded;
  if (!guarded.has(name)) guarded.set(name, guard(name, loaded));
  return guarded.get(name);
};

for (const name of ['fetch', 'WebSocket', 'EventSource']) {
  if (typeof globalThis[name] === 'function') {
    globalThis[name] = function blocked() {
      throw violation(`${name}()`);
    };
  }
}

process.stderr.write('INFRACOACH-NO-NETWORK-GUARD active\n');
