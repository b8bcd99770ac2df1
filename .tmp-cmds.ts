import { readFileSync } from 'node:fs';
import { parseDockerfile } from './server/src/engine/dockerfile/parse';
import { runSites } from './server/src/engine/dockerfile/run';
const f = process.argv[2]; const line = Number(process.argv[3]) - 1;
const text = readFileSync(f, 'utf8'); const d = parseDockerfile(f, text);
for (const s of runSites(d)) if (s.instruction.getRange().start.line <= line && s.instruction.getRange().end.line >= line)
  for (const c of s.script.commands) console.log(c.substitution ? 'S' : ' ', c.subshellDepth, JSON.stringify(c.words.slice(0, 6)), c.operator);
