import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange, hasCacheMount, instructionStartingAt } from '../../server/src/engine/dockerfile/instructions';
import { hasOption, isAptInstall, programCall, removesPath, type ProgramCall } from '../../server/src/engine/dockerfile/programs';
import { runScript, runSites, type RunCommand } from '../../server/src/engine/dockerfile/run';
import { finalImageStages } from '../../server/src/engine/dockerfile/stages';
import type { TextEdit } from '../../server/src/engine/types';

type Manager = 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf';

const APT_LISTS = /^\/var\/lib\/apt\/lists(\/\*?)?$/;
const APT_CACHE_MOUNT = /^\/var\/(cache\/apt|lib\/apt(\/lists)?)$/;
const APK_CACHE = /^\/var\/cache\/apk(\/\*?)?$/;
const RPM_CACHE = /^\/var\/cache\/(yum|dnf)(\/\*?)?$/;
const RPM_MANAGERS = new Set(['yum', 'dnf', 'microdnf']);

function installs(call: ProgramCall | undefined): Manager | undefined {
  if (!call) return undefined;
  if (isAptInstall(call)) return 'apt';
  // `--no-network` installs from packages already on disk, so no index is fetched.
  if (call.name === 'apk' && call.subcommand === 'add' && !hasOption(call, '--no-cache', '--no-network')) return 'apk';
  if (RPM_MANAGERS.has(call.name) && /^(install|groupinstall|reinstall|upgrade|update)$/.test(call.subcommand ?? '')) return call.name as Manager;
  return undefined;
}

/** The first package manager that leaves its cache or indexes in this RUN's layer, if any. */
function uncleanedManager(commands: readonly RunCommand[], instruction: Parameters<typeof hasCacheMount>[0]): Manager | undefined {
  const calls = commands.map(programCall);
  const managers = calls.map(installs).filter((manager): manager is Manager => manager !== undefined);
  for (const manager of managers) {
    if (manager === 'apt') {
      const cleaned = removesPath(commands, APT_LISTS) || hasCacheMount(instruction, APT_CACHE_MOUNT) || calls.some((call) => call?.name === 'apt-get' && /^dist-?clean$/.test(call.subcommand ?? ''));
      if (!cleaned) return manager;
    } else if (manager === 'apk') {
      if (!removesPath(commands, APK_CACHE) && !hasCacheMount(instruction, /^\/var\/cache\/apk$/) && !calls.some((call) => call?.name === 'apk' && call.subcommand === 'cache' && call.words.includes('clean'))) return manager;
    } else {
      const cleaned = calls.some((call) => call && RPM_MANAGERS.has(call.name) && call.subcommand === 'clean' && call.words.includes('all')) || removesPath(commands, RPM_CACHE) || hasCacheMount(instruction, /^\/var\/cache\/(yum|dnf)$/);
      if (!cleaned) return manager;
    }
  }
  return undefined;
}

const CLEANUP: Record<Exclude<Manager, 'apk'>, string> = {
  apt: 'rm -rf /var/lib/apt/lists/*',
  yum: 'yum clean all',
  dnf: 'dnf clean all',
  microdnf: 'microdnf clean all',
};

export default defineRule({
  id: 'dockerfile/apt-cache-not-cleaned',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Clean the package manager cache in the same RUN', ja: 'パッケージマネージャーのキャッシュは同じ RUN で削除する' },
  messages: {
    apt: {
      en: 'This RUN installs with apt but leaves /var/lib/apt/lists in the layer. Add "&& rm -rf /var/lib/apt/lists/*" at the end of the same RUN (a later RUN cannot shrink this layer).',
      ja: 'この RUN は apt でインストールしますが /var/lib/apt/lists をレイヤーに残しています。同じ RUN の末尾に「&& rm -rf /var/lib/apt/lists/*」を追加してください（後の RUN で消してもこのレイヤーは小さくなりません）。',
    },
    apk: {
      en: 'This RUN runs "apk add" without --no-cache, so the package index stays in the layer. Use "apk add --no-cache …".',
      ja: 'この RUN は --no-cache なしで「apk add」を実行しているため、パッケージインデックスがレイヤーに残ります。「apk add --no-cache …」を使ってください。',
    },
    rpm: {
      en: 'This RUN installs with {manager} but never runs "{manager} clean all", so the metadata and package cache stay in the layer. Add "&& {manager} clean all" to the same RUN.',
      ja: 'この RUN は {manager} でインストールしますが「{manager} clean all」を実行していないため、メタデータとパッケージキャッシュがレイヤーに残ります。同じ RUN に「&& {manager} clean all」を追加してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['DL3009', 'DL3019', 'DL3032', 'DL3040'],
  check({ document, report }) {
    // Only layers that ship matter: a build stage's cache is left behind when its output is copied.
    for (const { instruction, script, posix } of runSites(document, finalImageStages(document))) {
      if (!posix) continue;
      const manager = uncleanedManager(script.commands, instruction);
      if (!manager) continue;
      const messageId = manager === 'apt' || manager === 'apk' ? manager : 'rpm';
      report({ range: firstLineRange(document, instruction), messageId, args: { manager }, data: { manager } });
    }
  },
  fix({ document, finding }) {
    const instruction = instructionStartingAt(document, finding.range.start.line);
    const manager = finding.data?.manager as Manager | undefined;
    if (!instruction || !manager) return undefined;
    const script = runScript(document, instruction);
    if (manager === 'apk') {
      const edits: TextEdit[] = [];
      for (const command of script.commands) {
        const call = programCall(command);
        if (call?.name !== 'apk' || call.subcommand !== 'add' || hasOption(call, '--no-cache', '--no-network')) continue;
        const end = command.spans[call.offset + call.subcommandIndex].end;
        edits.push({ range: document.lines.rangeOf(end, end), newText: script.execForm ? ', "--no-cache"' : ' --no-cache' });
      }
      return edits.length > 0 ? { title: { en: 'Use "apk add --no-cache"', ja: '「apk add --no-cache」を使う' }, edits } : undefined;
    }
    // An exec-form RUN has no shell to chain a cleanup with.
    if (script.execForm || script.end < 0) return undefined;
    const cleanup = CLEANUP[manager];
    return {
      title: { en: `Append "${cleanup}" to this RUN`, ja: `この RUN の末尾に「${cleanup}」を追加する` },
      edits: [{ range: document.lines.rangeOf(script.end, script.end), newText: ` && ${cleanup}` }],
    };
  },
});
