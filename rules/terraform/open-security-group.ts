import { defineRule } from '../../server/src/engine/rule';
import { childBlocks, type HclBlock } from '../../server/src/engine/terraform/hcl';
import type { TerraformDocument } from '../../server/src/engine/terraform/parse';
import { attributeValue, itemSites, nodeRange, resources, variableDeclared } from '../../server/src/engine/terraform/resources';
import { appendToFile } from '../../server/src/engine/terraform/edit';
import {
  awsPorts, azurePorts, googleAllowPorts, googleDirection, includesPort, OPEN_IPV4, OPEN_IPV6, portList, type Ports,
} from '../../server/src/engine/terraform/network';
import { asString } from '../../server/src/engine/terraform/values';
import type { RuleOptionValues, Severity } from '../../server/src/engine/types';

/** Ports attackers scan for first: remote shells and databases. */
export const SENSITIVE_PORTS = [22, 3389, 3306, 5432, 1433, 6379, 27017, 9200];
const OPEN_AZURE_SOURCES = new Set(['*', 'internet', '0.0.0.0/0', 'any']);

interface OpenRange {
  block: HclBlock;
  attribute: string;
  ports: Ports;
  variable: string;
}

function openRanges(document: TerraformDocument): OpenRange[] {
  const found: OpenRange[] = [];
  const awsRule = (block: HclBlock, protocolAttribute: string, v4: string, v6: string) => {
    const ports = awsPorts(document, block, protocolAttribute);
    found.push({ block, attribute: v4, ports, variable: 'allowed_ingress_cidr' }, { block, attribute: v6, ports, variable: 'allowed_ingress_ipv6_cidr' });
  };
  const azureRule = (block: HclBlock) => {
    const text = (name: string) => asString(attributeValue(document, block, name))?.toLowerCase();
    if (text('direction') !== 'inbound' || text('access') !== 'allow') return;
    const ports = azurePorts(document, block);
    for (const attribute of ['source_address_prefix', 'source_address_prefixes']) found.push({ block, attribute, ports, variable: 'allowed_source_address_prefix' });
  };
  for (const resource of resources(document)) {
    const type = resource.labels[0];
    if (type === 'aws_security_group') {
      for (const ingress of childBlocks(resource, 'ingress')) awsRule(ingress, 'protocol', 'cidr_blocks', 'ipv6_cidr_blocks');
    } else if (type === 'aws_security_group_rule') {
      if (asString(attributeValue(document, resource, 'type')) === 'ingress') awsRule(resource, 'protocol', 'cidr_blocks', 'ipv6_cidr_blocks');
    } else if (type === 'aws_vpc_security_group_ingress_rule') {
      awsRule(resource, 'ip_protocol', 'cidr_ipv4', 'cidr_ipv6');
    } else if (type === 'azurerm_network_security_rule') {
      azureRule(resource);
    } else if (type === 'azurerm_network_security_group') {
      for (const rule of childBlocks(resource, 'security_rule')) azureRule(rule);
    } else if (type === 'google_compute_firewall' && googleDirection(document, resource) === 'INGRESS') {
      // Only `allow` blocks open anything: a rule made of `deny` blocks closes ports.
      const ports = googleAllowPorts(document, resource);
      if (ports) found.push({ block: resource, attribute: 'source_ranges', ports, variable: 'allowed_ingress_cidr' });
    }
  }
  return found;
}

function isOpen(attribute: string, value: string): boolean {
  if (attribute.startsWith('source_address_prefix')) return OPEN_AZURE_SOURCES.has(value.toLowerCase());
  return value === OPEN_IPV4 || value === OPEN_IPV6;
}

function sensitivePorts(options: RuleOptionValues): number[] {
  const configured = options.sensitivePorts;
  return Array.isArray(configured) ? configured.map(Number).filter((port) => Number.isInteger(port)) : SENSITIVE_PORTS;
}

function describe(ports: Ports, sensitive: number[]): { messageId: string; ports: string; severity: Severity } {
  if (ports === 'all') return { messageId: 'openAll', ports: '0-65535', severity: 'error' };
  if (ports === 'unknown') return { messageId: 'open', ports: '', severity: 'warning' };
  if (ports.length === 0) return { messageId: 'openPortless', ports: '', severity: 'warning' };
  return { messageId: 'openPorts', ports: portList(ports), severity: includesPort(ports, sensitive) ? 'error' : 'warning' };
}

export default defineRule({
  id: 'terraform/open-security-group',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.4.1#network-exposure',
  title: { en: 'Do not open ingress to the whole internet', ja: 'インバウンドをインターネット全体に開放しない' },
  messages: {
    openAll: {
      en: 'Ingress from {cidr} opens every port to the whole internet. Allow only the networks and ports that need it (a VPN, a load balancer, an office range), e.g. through a variable.',
      ja: '{cidr} からのインバウンドで全ポートがインターネット全体に公開されています。必要なネットワーク（VPN、ロードバランサー、拠点の範囲など）とポートだけを、たとえば変数経由で許可してください。',
    },
    openPorts: {
      en: 'Ingress from {cidr} opens port {ports} to the whole internet. Allow only the networks that need it (a VPN, a load balancer, an office range), e.g. through a variable.',
      ja: '{cidr} からのインバウンドでポート {ports} がインターネット全体に公開されています。必要なネットワーク（VPN、ロードバランサー、拠点の範囲など）だけを、たとえば変数経由で許可してください。',
    },
    openPortless: {
      en: 'Ingress from {cidr} accepts traffic from the whole internet. Allow only the networks that need it, e.g. through a variable.',
      ja: '{cidr} からのインバウンドでインターネット全体の通信を受け付けています。必要なネットワークだけを、たとえば変数経由で許可してください。',
    },
    open: {
      en: 'Ingress from {cidr} is open to the whole internet. Allow only the networks that need it (a VPN, a load balancer, an office range), e.g. through a variable.',
      ja: '{cidr} からのインバウンドがインターネット全体に開放されています。必要なネットワーク（VPN、ロードバランサー、拠点の範囲など）だけを、たとえば変数経由で許可してください。',
    },
  },
  options: {
    sensitivePorts: {
      type: 'array',
      default: SENSITIVE_PORTS.map(String),
      description: {
        en: 'Ports whose exposure is reported as an error rather than a warning (remote shells and databases by default).',
        ja: '公開されているとき警告ではなくエラーとして報告するポート（既定はリモートシェルとデータベース）。',
      },
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'aws-ec2-no-public-ingress-sgr', 'AVD-AWS-0107'],
  check({ document, options, report }) {
    const sensitive = sensitivePorts(options);
    for (const open of openRanges(document)) {
      const description = describe(open.ports, sensitive);
      for (const { value, site, literal } of itemSites(document, open.block.attributes.get(open.attribute))) {
        if (value.kind !== 'string' || !isOpen(open.attribute, value.value)) continue;
        report({
          range: nodeRange(document, site),
          messageId: description.messageId,
          args: { cidr: value.value, ports: description.ports },
          severity: description.severity,
          data: { attribute: open.attribute, cidr: value.value, literal, variable: value.value === OPEN_IPV6 ? 'allowed_ingress_ipv6_cidr' : open.variable },
        });
      }
    }
  },
  fix({ document, finding }) {
    if (finding.data?.literal !== true || typeof finding.data.variable !== 'string') return undefined;
    const variable = finding.data.variable;
    const edits = [{ range: finding.range, newText: `var.${variable}` }];
    if (!variableDeclared(document, variable)) {
      edits.push(appendToFile(document, [
        `variable "${variable}" {`,
        '  description = "Network allowed to reach this rule. Keep it as narrow as the callers; never the whole internet for admin or database ports."',
        '  type        = string',
        '}',
      ]));
    }
    return { title: { en: `Replace ${String(finding.data.cidr)} with var.${variable}`, ja: `${String(finding.data.cidr)} を var.${variable} に置き換える` }, edits };
  },
});
