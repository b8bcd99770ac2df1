import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { expandVariables, knownVariables } from '../../server/src/engine/dockerfile/stages';

const SSH_PORT = 22;

/** True when an EXPOSE argument (`22`, `22/tcp`, `20-30`) covers the SSH port over TCP. */
export function exposesSsh(port: string): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(port.trim());
  if (!match || (match[3] && match[3].toLowerCase() !== 'tcp')) return false;
  const low = Number(match[1]);
  const high = match[2] ? Number(match[2]) : low;
  return low <= SSH_PORT && SSH_PORT <= high;
}

export default defineRule({
  id: 'dockerfile/ssh-port-exposed',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.4.1#network-exposure',
  title: { en: 'Do not run SSH in a container', ja: 'コンテナで SSH を動かさない' },
  messages: {
    sshExposed: {
      en: 'This image exposes port 22 (SSH). An SSH server in a container is one more service to patch and attack; get a shell with "docker exec" or "kubectl exec" instead, and remove port 22 and the SSH server.',
      ja: 'このイメージはポート 22（SSH）を公開しています。コンテナ内の SSH サーバーは、パッチを当てるべきもの・攻撃されるものが 1 つ増えるだけです。シェルが必要なら「docker exec」や「kubectl exec」を使い、ポート 22 と SSH サーバーを取り除いてください。',
    },
  },
  peerIds: [],
  check({ document, report }) {
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'EXPOSE') continue;
        const variables = knownVariables(document, stage, instruction.getRange().start.line);
        const ports = instruction.getArguments().map((argument) => expandVariables(argument.getValue(), variables) ?? '');
        if (ports.some(exposesSsh)) report({ range: firstLineRange(document, instruction), messageId: 'sshExposed' });
      }
    }
  },
});
