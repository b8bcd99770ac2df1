import { lint, fixed } from './test/helpers/engine';
const [rule, code] = [process.argv[2], process.argv[3].replace(/\\n/g, '\n')];
(async () => {
  const f = (await lint('/work/Dockerfile', code)).filter((x) => x.ruleId === rule);
  for (const x of f) console.log(JSON.stringify(x.range), x.message);
  if (f[0]) console.log(JSON.stringify(await fixed('/work/Dockerfile', code, f[0])));
})();
