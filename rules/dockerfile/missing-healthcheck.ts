import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../server/src/engine/rule';
import { appendLines, firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { expandVariables, finalImageStages, knownVariables } from '../../server/src/engine/dockerfile/stages';

const DEFAULT_PORT = '8080';

export default defineRule({
  id: 'dockerfile/missing-healthcheck',
  language: 'dockerfile',
  defaultSeverity: 'info',
  skill: '4.1.1#health-probes',
  title: { en: 'Tell the runtime how to check the service is healthy', ja: 'サービスが健全かを確かめる方法をランタイムに伝える' },
  messages: {
    noHealthcheck: {
      en: 'This image serves on a port but defines no HEALTHCHECK, so Docker only knows whether the process exists, not whether it answers. Add a HEALTHCHECK (on Kubernetes, define liveness and readiness probes instead).',
      ja: 'このイメージはポートでサービスを提供しますが HEALTHCHECK がないため、Docker にはプロセスが存在するかしか分からず、応答しているかは分かりません。HEALTHCHECK を追加してください（Kubernetes では代わりに liveness/readiness プローブを定義します）。',
    },
  },
  fixable: 'quickfix',
  peerIds: [],
  check({ document, report }) {
    const stages = finalImageStages(document);
    const final = stages[0];
    if (!final) return;
    const instructions = stages.flatMap((stage) => stage.instructions);
    // HEALTHCHECK NONE is a deliberate choice, and one set in a stage this image is built FROM is inherited.
    if (instructions.some((instruction) => instruction.getKeyword() === 'HEALTHCHECK')) return;
    const expose = instructions.find((instruction) => instruction.getKeyword() === 'EXPOSE');
    if (!expose) return;
    report({ range: firstLineRange(document, final.from), messageId: 'noHealthcheck', data: { port: firstPort(expose, knownVariables(document, final)) } });
  },
  fix({ document, finding }) {
    const final = document.stages.at(-1);
    if (!final) return undefined;
    const port = typeof finding.data?.port === 'string' ? finding.data.port : DEFAULT_PORT;
    const { lines } = document;
    const template = [
      '# Probe the service the way a client would; the image must contain the tool (curl here). Adjust the path.',
      `HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:${port}/ || exit 1`,
    ];
    const runner = final.instructions.find((instruction) => instruction.getKeyword() === 'CMD' || instruction.getKeyword() === 'ENTRYPOINT');
    const title = { en: 'Add a HEALTHCHECK template', ja: 'HEALTHCHECK のひな形を追加する' };
    if (runner) {
      const offset = lines.lineStart(runner.getRange().start.line);
      return { title, isPreferred: false, edits: [{ range: lines.rangeOf(offset, offset), newText: template.join(lines.eol) + lines.eol }] };
    }
    return { title, isPreferred: false, edits: appendLines(document, template) };
  },
});

function firstPort(expose: Instruction, variables: ReadonlyMap<string, string>): string {
  for (const argument of expose.getArguments()) {
    const port = /^(\d+)/.exec(expandVariables(argument.getValue(), variables) ?? '');
    if (port) return port[1];
  }
  return DEFAULT_PORT;
}
