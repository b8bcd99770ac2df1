import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from './server/src/engine/engine';
import { dockerfileRules } from './rules/dockerfile';
const root = '/work/shared/corpus/dockerfile';
const files: string[] = [];
const walk = (p: string) => { for (const e of readdirSync(p)) { const f = join(p, e); if (statSync(f).isDirectory()) walk(f); else if (!e.endsWith('.md')) files.push(f); } };
walk(root);
const texts = files.map(f => readFileSync(f, 'utf8'));
(async () => {
  for (const rule of [undefined, ...dockerfileRules]) {
    const engine = await Engine.create({ rules: rule ? [rule] : [] });
    const t0 = performance.now();
    for (let i = 0; i < files.length; i++) engine.lint({ path: files[i], text: texts[i], languageId: 'dockerfile' });
    console.log(rule?.id ?? 'parse only', Math.round(performance.now() - t0));
  }
})();
