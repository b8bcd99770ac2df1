import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from './server/src/engine/engine';
import { dockerfileRules } from './rules/dockerfile';
const root = '/work/shared/corpus/dockerfile';
const files: string[] = [];
const walk = (p: string) => { for (const e of readdirSync(p)) { const f = join(p, e); if (statSync(f).isDirectory()) walk(f); else if (!e.endsWith('.md')) files.push(f); } };
walk(root);
(async () => {
  const engine = await Engine.create({ rules: dockerfileRules });
  const counts: Record<string, number> = {};
  const only = process.argv[2];
  const t0 = Date.now();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const r = engine.lint({ path: f, text, languageId: 'dockerfile' });
    if (r.ruleErrors.length) console.log('ERR', f, r.ruleErrors.map(e => e.ruleId + ' ' + String((e.error as Error).stack)));
    for (const x of r.findings) {
      counts[x.ruleId] = (counts[x.ruleId] ?? 0) + 1;
      if (only && x.ruleId.includes(only)) {
        const lines = text.split('\n');
        console.log(f.replace(root + '/', ''), x.range.start.line + 1, '|', lines[x.range.start.line].slice(0, 150), '|', x.message.slice(0, 100));
      }
    }
  }
  console.log(Date.now() - t0, 'ms', files.length, 'files');
  console.log(counts);
})();
