import { defineRule } from '../../server/src/engine/rule';
import { childBlocks, type HclBlock } from '../../server/src/engine/terraform/hcl';
import type { TerraformDocument } from '../../server/src/engine/terraform/parse';
import { attributeValue, nodeRange, resources } from '../../server/src/engine/terraform/resources';
import { asString } from '../../server/src/engine/terraform/values';

/** True when a listener's default action redirects to HTTPS; undefined when that cannot be known. */
function redirectsToHttps(document: TerraformDocument, listener: HclBlock): boolean | undefined {
  const actions = childBlocks(listener, 'default_action');
  if (actions.length === 0) return undefined;
  let known = true;
  for (const action of actions) {
    const type = asString(attributeValue(document, action, 'type'));
    if (type === undefined) known = false;
    if (type !== 'redirect') continue;
    for (const redirect of childBlocks(action, 'redirect')) {
      const protocol = asString(attributeValue(document, redirect, 'protocol'));
      if (protocol?.toUpperCase() === 'HTTPS') return true;
      if (protocol === undefined && redirect.attributes.has('protocol')) known = false;
    }
  }
  return known ? false : undefined;
}

export default defineRule({
  id: 'terraform/http-listener',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.4.1#encryption',
  title: { en: 'Serve load balancer traffic over HTTPS', ja: 'ロードバランサーの通信は HTTPS で提供する' },
  messages: {
    plainHttp: {
      en: 'This listener serves plain HTTP, so requests, cookies and tokens cross the network unencrypted. Listen on HTTPS with a certificate, and keep port 80 only to redirect to HTTPS.',
      ja: 'このリスナーは平文の HTTP を提供しているため、リクエスト、Cookie、トークンが暗号化されずにネットワークを流れます。証明書を使って HTTPS で待ち受け、ポート 80 は HTTPS へのリダイレクトだけに使ってください。',
    },
  },
  peerIds: ['CKV_AWS_2', 'CKV_AWS_103', 'aws-elb-http-not-used', 'AVD-AWS-0054'],
  check({ document, report }) {
    for (const listener of resources(document, ['aws_lb_listener', 'aws_alb_listener'])) {
      const protocol = listener.attributes.get('protocol');
      const value = protocol ? asString(attributeValue(document, listener, 'protocol')) : undefined;
      if (!protocol || value?.toUpperCase() !== 'HTTP') continue;
      if (redirectsToHttps(document, listener) !== false) continue;
      report({ range: nodeRange(document, protocol.expression), messageId: 'plainHttp' });
    }
  },
});
