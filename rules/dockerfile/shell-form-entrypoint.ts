import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../server/src/engine/rule';
import { execFormWords, firstLineRange, instructionStartingAt } from '../../server/src/engine/dockerfile/instructions';
import { splitCommands } from '../../server/src/engine/dockerfile/shell';
import { finalImageStages, isPosixShell, shellAt } from '../../server/src/engine/dockerfile/stages';

/** Characters that make the shell do something (expand, redirect, chain, glob); with them the shell form is needed. */
const SHELL_SYNTAX = /[$`*?~<>|&;(){}[\]\\#!]/;

/** The exec-form words a shell-form command means, when that is certain; undefined when it needs a shell. */
export function execFormOf(content: string): string[] | undefined {
  const trimmed = content.trim();
  // `CMD ['node', 'app.js']` is not JSON, so Docker runs it through a shell; the intent is plain, though.
  const singleQuoted = /^\[\s*('[^'\\]*'\s*(,\s*'[^'\\]*'\s*)*)?\]$/.exec(trimmed);
  if (singleQuoted) return [...trimmed.matchAll(/'([^'\\]*)'/g)].map((match) => match[1]);
  if (trimmed === '' || SHELL_SYNTAX.test(trimmed)) return undefined;
  const commands = splitCommands(trimmed);
  if (commands.length !== 1 || /^[A-Za-z_][A-Za-z0-9_]*=/.test(commands[0].words[0])) return undefined;
  return commands[0].words;
}

function startsWithExec(instruction: Instruction): boolean {
  return /^exec\s/.test(instruction.getArgumentsContent()?.trim() ?? '');
}

export default defineRule({
  id: 'dockerfile/shell-form-entrypoint',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#workload-reliability',
  title: { en: 'Write CMD and ENTRYPOINT in exec form', ja: 'CMD と ENTRYPOINT は exec 形式で書く' },
  messages: {
    shellForm: {
      en: '{keyword} in shell form runs under "/bin/sh -c", so the shell is PID 1: SIGTERM never reaches your process and shutdown waits for the kill timeout. Use the JSON exec form, e.g. {keyword} ["executable", "arg"].',
      ja: 'シェル形式の {keyword} は「/bin/sh -c」の下で動くため、PID 1 がシェルになります。SIGTERM がプロセスに届かず、停止はタイムアウトによる強制終了まで待たされます。{keyword} ["実行ファイル", "引数"] のような JSON の exec 形式を使ってください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['DL3025'],
  check({ document, report }) {
    for (const stage of finalImageStages(document)) {
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT') continue;
        if (execFormWords(instruction) !== undefined || !instruction.getArgumentsRange()) continue;
        // `exec` makes the shell replace itself; PowerShell and cmd images follow other rules.
        if (startsWithExec(instruction) || !isPosixShell(shellAt(document, stage, instruction.getRange().start.line))) continue;
        report({ range: firstLineRange(document, instruction), messageId: 'shellForm', args: { keyword } });
      }
    }
  },
  fix({ document, finding }) {
    const instruction = instructionStartingAt(document, finding.range.start.line);
    const argumentsRange = instruction?.getArgumentsRange();
    if (!instruction || !argumentsRange) return undefined;
    const words = execFormOf(instruction.getArgumentsContent() ?? '');
    if (!words || words.length === 0) return undefined;
    const json = `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
    return { title: { en: `Convert to exec form: ${json}`, ja: `exec 形式に変換する: ${json}` }, edits: [{ range: argumentsRange, newText: json }] };
  },
});
