import { readFileSync } from 'node:fs';
import { parseDockerfile } from './server/src/engine/dockerfile/parse';
import { runSites } from './server/src/engine/dockerfile/run';
import { pipelines } from './server/src/engine/dockerfile/programs';
const f = process.argv[2]; const line = Number(process.argv[3]) - 1;
const text = readFileSync(f, 'utf8'); const d = parseDockerfile(f, text);
for (const s of runSites(d)) if (s.instruction.getRange().start.line === line)
  for (const p of pipelines(s.script.commands)) if (p.length > 1) console.log(p[0].substitution, p.map(c => c.words.slice(0, 3).join(' ')).join(' | '));
