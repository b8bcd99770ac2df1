import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange, hasCacheMount, instructionStartingAt } from '../../server/src/engine/dockerfile/instructions';
import { hasOption, isPipInstall, programCall, removesPath, type ProgramCall } from '../../server/src/engine/dockerfile/programs';
import { runScript, runSites, type RunCommand } from '../../server/src/engine/dockerfile/run';
import { finalImageStages, knownVariables } from '../../server/src/engine/dockerfile/stages';
import type { Instruction } from 'dockerfile-ast';

const PIP_CACHE = /^(\/root|~|\$HOME|\$\{HOME\})\/\.cache(\/pip)?(\/\*?)?$/;

/** pip installs that keep their download cache in the layer. */
function cachingInstalls(commands: readonly RunCommand[], instruction: Instruction): { command: RunCommand; call: ProgramCall }[] {
  if (hasCacheMount(instruction, /(^|\/)\.cache(\/pip)?$/) || removesPath(commands, PIP_CACHE)) return [];
  const found: { command: RunCommand; call: ProgramCall }[] = [];
  let exported = false;
  for (const command of commands) {
    const call = programCall(command);
    if (call?.name === 'export' && call.words.some((word) => word.startsWith('PIP_NO_CACHE_DIR='))) exported = true;
    if (!call || !isPipInstall(call) || exported || hasOption(call, '--no-cache-dir')) continue;
    if (command.words.slice(0, call.offset).some((word) => word.startsWith('PIP_NO_CACHE_DIR='))) continue;
    found.push({ command, call });
  }
  return found;
}

export default defineRule({
  id: 'dockerfile/pip-no-cache-dir',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#layer-hygiene',
  title: { en: 'Install Python packages without the pip cache', ja: 'pip のキャッシュを残さずに Python パッケージを入れる' },
  messages: {
    missingFlag: {
      en: 'pip install keeps its download cache (~/.cache/pip) in this layer. Add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1 once, or use a BuildKit cache mount.',
      ja: 'pip install はダウンロードキャッシュ（~/.cache/pip）をこのレイヤーに残します。--no-cache-dir を付けるか、ENV PIP_NO_CACHE_DIR=1 を一度設定するか、BuildKit のキャッシュマウントを使ってください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['DL3042'],
  check({ document, report }) {
    for (const { stage, instruction, script } of runSites(document, finalImageStages(document))) {
      const line = instruction.getRange().start.line;
      if (knownVariables(document, stage, line).has('PIP_NO_CACHE_DIR')) continue;
      if (cachingInstalls(script.commands, instruction).length > 0) report({ range: firstLineRange(document, instruction), messageId: 'missingFlag' });
    }
  },
  fix({ document, finding }) {
    const instruction = instructionStartingAt(document, finding.range.start.line);
    if (!instruction) return undefined;
    const script = runScript(document, instruction);
    const edits = cachingInstalls(script.commands, instruction).map(({ command, call }) => {
      const end = command.spans[call.offset + call.subcommandIndex].end;
      return { range: document.lines.rangeOf(end, end), newText: script.execForm ? ', "--no-cache-dir"' : ' --no-cache-dir' };
    });
    return edits.length > 0 ? { title: { en: 'Add --no-cache-dir', ja: '--no-cache-dir を追加する' }, edits } : undefined;
  },
});
