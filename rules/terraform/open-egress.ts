import { defineRule } from '../../server/src/engine/rule';
import { childBlocks, type HclBlock } from '../../server/src/engine/terraform/hcl';
import { awsPorts, azurePorts, googleAllowPorts, googleDirection, OPEN_IPV4, OPEN_IPV6 } from '../../server/src/engine/terraform/network';
import type { TerraformDocument } from '../../server/src/engine/terraform/parse';
import { attributeValue, itemSites, nodeRange, resources } from '../../server/src/engine/terraform/resources';
import { asString } from '../../server/src/engine/terraform/values';

const OPEN_AZURE_DESTINATIONS = new Set(['*', 'internet', '0.0.0.0/0', 'any']);

/** Blocks that allow outbound traffic on every port, with the attributes that hold their destinations. */
function allPortEgress(document: TerraformDocument): { block: HclBlock; attributes: string[] }[] {
  const found: { block: HclBlock; attributes: string[] }[] = [];
  const aws = (block: HclBlock, protocol: string, attributes: string[]) => {
    if (awsPorts(document, block, protocol) === 'all') found.push({ block, attributes });
  };
  const azure = (block: HclBlock) => {
    const text = (name: string) => asString(attributeValue(document, block, name))?.toLowerCase();
    if (text('direction') === 'outbound' && text('access') === 'allow' && azurePorts(document, block) === 'all') {
      found.push({ block, attributes: ['destination_address_prefix', 'destination_address_prefixes'] });
    }
  };
  for (const resource of resources(document)) {
    const type = resource.labels[0];
    if (type === 'aws_security_group') {
      for (const egress of childBlocks(resource, 'egress')) aws(egress, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']);
    } else if (type === 'aws_security_group_rule') {
      if (asString(attributeValue(document, resource, 'type')) === 'egress') aws(resource, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']);
    } else if (type === 'aws_vpc_security_group_egress_rule') {
      aws(resource, 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6']);
    } else if (type === 'azurerm_network_security_rule') {
      azure(resource);
    } else if (type === 'azurerm_network_security_group') {
      for (const rule of childBlocks(resource, 'security_rule')) azure(rule);
    } else if (type === 'google_compute_firewall' && googleDirection(document, resource) === 'EGRESS' && googleAllowPorts(document, resource) === 'all') {
      found.push({ block: resource, attributes: ['destination_ranges'] });
    }
  }
  return found;
}

function isOpen(attribute: string, value: string): boolean {
  if (attribute.startsWith('destination_address_prefix')) return OPEN_AZURE_DESTINATIONS.has(value.toLowerCase());
  return value === OPEN_IPV4 || value === OPEN_IPV6;
}

export default defineRule({
  id: 'terraform/open-egress',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.4.2#segmentation',
  title: { en: 'Limit outbound traffic to what the workload needs', ja: 'アウトバウンド通信をワークロードに必要な範囲に絞る' },
  messages: {
    openEgress: {
      en: 'Outbound traffic to {cidr} is allowed on every port, so a compromised workload can reach any host to exfiltrate data or fetch tools. Allow only the destinations and ports it calls (VPC endpoints, a proxy, 443 to known ranges).',
      ja: '{cidr} へのアウトバウンド通信が全ポートで許可されているため、侵害されたワークロードが任意のホストへデータを持ち出したりツールを取得したりできます。呼び出す宛先とポート（VPC エンドポイント、プロキシ、既知の範囲への 443 など）だけを許可してください。',
    },
  },
  peerIds: ['CKV_AWS_382', 'aws-ec2-no-public-egress-sgr', 'AVD-AWS-0104'],
  check({ document, report }) {
    for (const { block, attributes } of allPortEgress(document)) {
      for (const attribute of attributes) {
        for (const { value, site } of itemSites(document, block.attributes.get(attribute))) {
          if (value.kind !== 'string' || !isOpen(attribute, value.value)) continue;
          report({ range: nodeRange(document, site), messageId: 'openEgress', args: { cidr: value.value } });
        }
      }
    }
  },
});
