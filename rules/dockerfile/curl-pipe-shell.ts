import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { hasPipe, pipelines, programCall, SHELL_PROGRAMS } from '../../server/src/engine/dockerfile/programs';
import { runSites } from '../../server/src/engine/dockerfile/run';
import { programName, splitCommands, type ShellCommand } from '../../server/src/engine/dockerfile/shell';

const DOWNLOADERS = new Set(['curl', 'wget']);
/** `$(curl …)`, `` `wget …` `` or `<(curl …)` inside a word that a shell then runs. */
const DOWNLOAD_SUBSTITUTION = /(\$\(|`|<\()\s*(\S*\/)?(curl|wget)\b/;
const EVALUATORS = new Set([...SHELL_PROGRAMS, 'eval', 'source', '.']);

/** The downloader and the shell when downloaded text is run as a script, else undefined. */
function downloadedScript(commands: readonly ShellCommand[], depth = 0): { downloader: string; shell: string } | undefined {
  // A download piped into a shell needs a pipe; most scripts have none, so skip building their pipelines.
  for (const pipeline of hasPipe(commands) ? pipelines(commands) : []) {
    const names = pipeline.map((command) => programName(command) ?? '');
    const downloadAt = names.findIndex((name) => DOWNLOADERS.has(name));
    const shellAt = names.findIndex((name, index) => index > downloadAt && SHELL_PROGRAMS.has(name));
    if (downloadAt >= 0 && shellAt > downloadAt) return { downloader: names[downloadAt], shell: names[shellAt] };
  }
  for (const command of commands) {
    const call = programCall(command);
    if (!call || !EVALUATORS.has(call.name)) continue;
    const substituted = call.words.slice(1).map((word) => DOWNLOAD_SUBSTITUTION.exec(word)).find((match) => match);
    if (substituted) return { downloader: substituted[3], shell: call.name };
    // `bash -c "curl … | sh"`: read the script one level down.
    const script = call.words[call.words.indexOf('-c') + 1];
    if (SHELL_PROGRAMS.has(call.name) && call.words.includes('-c') && script && depth === 0) {
      const inner = downloadedScript(splitCommands(script), depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

export default defineRule({
  id: 'dockerfile/curl-pipe-shell',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.4.1#supply-chain',
  title: { en: 'Do not pipe downloads into a shell', ja: 'ダウンロードしたものをそのままシェルに渡さない' },
  messages: {
    pipedScript: {
      en: 'This RUN runs a script straight from {downloader} with {shell}: whatever the server returns today (or a truncated download) runs in your build unseen. Download to a file, verify its checksum or signature, then run it; or install from a package manager.',
      ja: 'この RUN は {downloader} で取得したスクリプトをそのまま {shell} で実行しています。サーバーがその日に返したもの（や途中で切れたダウンロード）が、誰にも確認されずにビルド内で実行されます。ファイルにダウンロードしてチェックサムや署名を検証してから実行するか、パッケージマネージャーからインストールしてください。',
    },
  },
  peerIds: [],
  check({ document, report }) {
    for (const { instruction, script, posix } of runSites(document)) {
      if (!posix) continue;
      const found = downloadedScript(script.commands);
      if (found) report({ range: firstLineRange(document, instruction), messageId: 'pipedScript', args: found, data: found });
    }
  },
});
