import { defineRule } from '../../server/src/engine/rule';
import { settingState } from '../../server/src/engine/terraform/checks';
import { childBlocks } from '../../server/src/engine/terraform/hcl';
import { OPEN_IPV4 } from '../../server/src/engine/terraform/network';
import { headerRange, itemSites, nodeRange, resources } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/eks-public-endpoint',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.4.1#network-exposure',
  title: { en: 'Do not expose the EKS API endpoint to the whole internet', ja: 'EKS の API エンドポイントをインターネット全体に公開しない' },
  messages: {
    open: {
      en: 'The Kubernetes API of this cluster is reachable from the whole internet. Set endpoint_public_access = false (with endpoint_private_access = true), or limit public_access_cidrs to your office, VPN or CI ranges.',
      ja: 'このクラスターの Kubernetes API はインターネット全体から到達できます。endpoint_public_access = false（endpoint_private_access = true と併用）にするか、public_access_cidrs を拠点、VPN、CI のアドレス範囲に絞ってください。',
    },
  },
  peerIds: ['CKV_AWS_38', 'CKV_AWS_39', 'aws-eks-no-public-cluster-access', 'aws-eks-no-public-cluster-access-to-cidr', 'AVD-AWS-0040', 'AVD-AWS-0041'],
  check({ document, report }) {
    for (const cluster of resources(document, ['aws_eks_cluster'])) {
      for (const vpc of childBlocks(cluster, 'vpc_config')) {
        // The provider's default is a public endpoint open to 0.0.0.0/0.
        const access = settingState(document, vpc, 'endpoint_public_access', [false]);
        if (access.state === 'ok' || access.state === 'unknown') continue;
        const cidrs = vpc.attributes.get('public_access_cidrs');
        if (cidrs) {
          const sites = itemSites(document, cidrs);
          if (sites.some((site) => site.value.kind !== 'string')) continue;
          if (!sites.some((site) => site.value.kind === 'string' && site.value.value === OPEN_IPV4)) continue;
        }
        const range = access.state === 'wrong' ? nodeRange(document, access.attribute.expression) : headerRange(document, vpc);
        report({ range, messageId: 'open' });
      }
    }
  },
});
