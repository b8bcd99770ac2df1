import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange, instructionStartingAt } from '../../server/src/engine/dockerfile/instructions';
import { isAptInstall, programCall, type ProgramCall } from '../../server/src/engine/dockerfile/programs';
import { runScript, runSites, type RunCommand } from '../../server/src/engine/dockerfile/run';
import { finalImageStages } from '../../server/src/engine/dockerfile/stages';
import type { DockerfileDocument } from '../../server/src/engine/dockerfile/parse';
import type { Instruction } from 'dockerfile-ast';

/** `APT::Install-Recommends "false"` written to apt's configuration turns recommends off for every later install. */
const CONFIG_OFF = /APT::Install-Recommends\s*(=|\s)\s*\\?["']?\\?(false|0|no)\b/i;

function skipsRecommends(call: ProgramCall): boolean {
  return call.words.some((word, index) =>
    word === '--no-install-recommends' ||
    (/^(-o|--option)$/.test(call.words[index - 1] ?? '') && CONFIG_OFF.test(word.replace('=', ' '))) ||
    /^(-o|--option=)APT::Install-Recommends=(false|0|no)$/i.test(word));
}

/** apt installs in the commands that would pull recommended packages. */
function installsWithRecommends(commands: readonly RunCommand[]): { command: RunCommand; call: ProgramCall }[] {
  const found: { command: RunCommand; call: ProgramCall }[] = [];
  for (const command of commands) {
    const call = programCall(command);
    if (call && isAptInstall(call) && !skipsRecommends(call)) found.push({ command, call });
  }
  return found;
}

function instructionText(document: DockerfileDocument, instruction: Instruction): string {
  const range = instruction.getRange();
  return document.text.slice(document.lines.offsetAt(range.start), document.lines.offsetAt(range.end));
}

export default defineRule({
  id: 'dockerfile/apt-no-install-recommends',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Install apt packages without recommends', ja: 'apt パッケージは推奨パッケージなしでインストールする' },
  messages: {
    missingFlag: {
      en: 'apt-get install also pulls "recommended" packages you did not ask for. Add --no-install-recommends and list what you really need.',
      ja: 'apt-get install は頼んでいない「推奨」パッケージまで入れてしまいます。--no-install-recommends を付け、本当に必要なものだけを列挙してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['DL3015'],
  check({ document, report }) {
    let configuredOff = false;
    for (const { instruction, script, posix } of runSites(document, finalImageStages(document))) {
      // An earlier RUN (or this one) may write the setting into /etc/apt/apt.conf.d for every install.
      if (CONFIG_OFF.test(instructionText(document, instruction))) configuredOff = true;
      if (!posix || configuredOff) continue;
      if (installsWithRecommends(script.commands).length > 0) report({ range: firstLineRange(document, instruction), messageId: 'missingFlag' });
    }
  },
  fix({ document, finding }) {
    const instruction = instructionStartingAt(document, finding.range.start.line);
    if (!instruction) return undefined;
    const script = runScript(document, instruction);
    const edits = installsWithRecommends(script.commands).map(({ command, call }) => {
      const end = command.spans[call.offset + call.subcommandIndex].end;
      return { range: document.lines.rangeOf(end, end), newText: script.execForm ? ', "--no-install-recommends"' : ' --no-install-recommends' };
    });
    return edits.length > 0 ? { title: { en: 'Add --no-install-recommends', ja: '--no-install-recommends を追加する' }, edits } : undefined;
  },
});
