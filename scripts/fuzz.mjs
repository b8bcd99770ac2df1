// `npm run fuzz -- --count N [--seed S] [--max-seed-kb K] [--out folder]`: a long, seeded fuzz run of the engine.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/unit/fuzz/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
