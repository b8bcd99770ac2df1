import { defineRule } from '../../server/src/engine/rule';
import { childBlocks, type HclBlock } from '../../server/src/engine/terraform/hcl';
import type { TerraformDocument } from '../../server/src/engine/terraform/parse';
import { attributeValue, itemSites, nodeRange, resources, variableDeclared } from '../../server/src/engine/terraform/resources';
import { stringItems, type HclValue } from '../../server/src/engine/terraform/values';
import type { Severity } from '../../server/src/engine/types';

/** Ports attackers scan for first: remote shells and databases. */
export const SENSITIVE_PORTS = [22, 3389, 3306, 5432, 1433, 6379, 27017, 9200];
const OPEN_IPV4 = '0.0.0.0/0';
const OPEN_IPV6 = '::/0';
const OPEN_AZURE_SOURCES = new Set(['*', 'internet', '0.0.0.0/0', 'any']);

type Ports = 'all' | 'unknown' | { from: number; to: number }[];

interface OpenRange {
  block: HclBlock;
  attribute: string;
  ports: Ports;
  variable: string;
}

function number(value: HclValue | undefined): number | undefined {
  if (value?.kind === 'number') return value.value;
  if (value?.kind === 'string' && /^\d+$/.test(value.value)) return Number(value.value);
  return undefined;
}

function awsPorts(document: TerraformDocument, block: HclBlock, protocolAttribute: string): Ports {
  const protocol = attributeValue(document, block, protocolAttribute);
  const protocolText = protocol?.kind === 'string' ? protocol.value.toLowerCase() : protocol?.kind === 'number' ? String(protocol.value) : undefined;
  if (protocolText === '-1' || protocolText === 'all') return 'all';
  const from = number(attributeValue(document, block, 'from_port'));
  const to = number(attributeValue(document, block, 'to_port'));
  if (from === undefined || to === undefined) return 'unknown';
  if (from <= 0 && to >= 65535) return 'all';
  return [{ from, to }];
}

/** Parses `22`, `1000-2000` and `*` port specs as Azure and Google write them. */
function portSpecs(specs: string[]): Ports {
  const ranges: { from: number; to: number }[] = [];
  for (const spec of specs) {
    if (spec === '*') return 'all';
    const match = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
    if (!match) return 'unknown';
    ranges.push({ from: Number(match[1]), to: Number(match[2] ?? match[1]) });
  }
  if (ranges.some((range) => range.from <= 0 && range.to >= 65535)) return 'all';
  return ranges;
}

function severityFor(ports: Ports): Severity {
  if (ports === 'all') return 'error';
  if (ports === 'unknown') return 'warning';
  return ports.some((range) => SENSITIVE_PORTS.some((port) => port >= range.from && port <= range.to)) ? 'error' : 'warning';
}

function describePorts(ports: Ports): string {
  if (ports === 'all') return 'all ports';
  if (ports === 'unknown') return 'its ports';
  return ports.map((range) => (range.from === range.to ? `port ${range.from}` : `ports ${range.from}-${range.to}`)).join(', ');
}

function openRanges(document: TerraformDocument): OpenRange[] {
  const found: OpenRange[] = [];
  const awsRule = (block: HclBlock, protocolAttribute: string, v4: string, v6: string) => {
    const ports = awsPorts(document, block, protocolAttribute);
    found.push({ block, attribute: v4, ports, variable: 'allowed_ingress_cidr' }, { block, attribute: v6, ports, variable: 'allowed_ingress_ipv6_cidr' });
  };
  for (const resource of resources(document)) {
    const type = resource.labels[0];
    if (type === 'aws_security_group') {
      for (const ingress of childBlocks(resource, 'ingress')) awsRule(ingress, 'protocol', 'cidr_blocks', 'ipv6_cidr_blocks');
    } else if (type === 'aws_security_group_rule') {
      const direction = attributeValue(document, resource, 'type');
      if (direction?.kind === 'string' && direction.value === 'ingress') awsRule(resource, 'protocol', 'cidr_blocks', 'ipv6_cidr_blocks');
    } else if (type === 'aws_vpc_security_group_ingress_rule') {
      awsRule(resource, 'ip_protocol', 'cidr_ipv4', 'cidr_ipv6');
    } else if (type === 'azurerm_network_security_rule') {
      azureRule(document, resource, found);
    } else if (type === 'azurerm_network_security_group') {
      for (const rule of childBlocks(resource, 'security_rule')) azureRule(document, rule, found);
    } else if (type === 'google_compute_firewall') {
      googleRule(document, resource, found);
    }
  }
  return found;
}

function azureRule(document: TerraformDocument, block: HclBlock, found: OpenRange[]): void {
  const text = (name: string) => {
    const value = attributeValue(document, block, name);
    return value?.kind === 'string' ? value.value.toLowerCase() : undefined;
  };
  if (text('direction') !== 'inbound' || text('access') !== 'allow') return;
  const ports = portSpecs([
    ...stringItems(attributeValue(document, block, 'destination_port_range')).map((item) => item.value),
    ...stringItems(attributeValue(document, block, 'destination_port_ranges')).map((item) => item.value),
  ]);
  const known = ports !== 'unknown' && (ports === 'all' || ports.length > 0) ? ports : 'unknown';
  found.push({ block, attribute: 'source_address_prefix', ports: known, variable: 'allowed_source_address_prefix' });
  found.push({ block, attribute: 'source_address_prefixes', ports: known, variable: 'allowed_source_address_prefix' });
}

function googleRule(document: TerraformDocument, block: HclBlock, found: OpenRange[]): void {
  const direction = attributeValue(document, block, 'direction');
  if (direction && !(direction.kind === 'string' && direction.value.toUpperCase() === 'INGRESS')) return;
  const allows = childBlocks(block, 'allow');
  if (allows.length === 0) return;
  let ports: Ports = [];
  for (const allow of allows) {
    const protocol = attributeValue(document, allow, 'protocol');
    const specs = stringItems(attributeValue(document, allow, 'ports')).map((item) => item.value);
    const allowPorts: Ports = (protocol?.kind === 'string' && protocol.value.toLowerCase() === 'all') || !allow.attributes.has('ports') ? 'all' : portSpecs(specs);
    ports = ports === 'all' || allowPorts === 'all' ? 'all' : ports === 'unknown' || allowPorts === 'unknown' ? 'unknown' : [...ports, ...allowPorts];
  }
  found.push({ block, attribute: 'source_ranges', ports, variable: 'allowed_ingress_cidr' });
}

function isOpen(attribute: string, value: string): boolean {
  if (attribute.startsWith('source_address_prefix')) return OPEN_AZURE_SOURCES.has(value.toLowerCase());
  return value === OPEN_IPV4 || value === OPEN_IPV6;
}

export default defineRule({
  id: 'terraform/open-security-group',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.4.1#network-exposure',
  title: { en: 'Do not open ingress to the whole internet', ja: 'インバウンドをインターネット全体に開放しない' },
  messages: {
    open: {
      en: 'Ingress from {cidr} opens {ports} to the whole internet. Allow only the networks that need it (a VPN, a load balancer, an office range), e.g. through a variable.',
      ja: '{cidr} からのインバウンドで {ports} がインターネット全体に公開されています。必要なネットワーク（VPN、ロードバランサー、拠点の範囲など）だけを、たとえば変数経由で許可してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'aws-ec2-no-public-ingress-sgr', 'AVD-AWS-0107'],
  check({ document, report }) {
    for (const open of openRanges(document)) {
      for (const { value, site, literal } of itemSites(document, open.block.attributes.get(open.attribute))) {
        if (value.kind !== 'string' || !isOpen(open.attribute, value.value)) continue;
        report({
          range: nodeRange(document, site),
          messageId: 'open',
          args: { cidr: value.value, ports: describePorts(open.ports) },
          severity: severityFor(open.ports),
          data: { attribute: open.attribute, cidr: value.value, literal, variable: value.value === OPEN_IPV6 ? 'allowed_ingress_ipv6_cidr' : open.variable },
        });
      }
    }
  },
  fix({ document, finding }) {
    if (finding.data?.literal !== true || typeof finding.data.variable !== 'string') return undefined;
    const variable = finding.data.variable;
    const { lines } = document;
    const eol = lines.eol;
    const edits = [{ range: finding.range, newText: `var.${variable}` }];
    if (!variableDeclared(document, variable)) {
      const end = document.text.length;
      const prefix = document.text.endsWith('\n') || end === 0 ? '' : eol;
      const declaration = [
        '',
        `variable "${variable}" {`,
        `  description = "Network allowed to reach this rule. Keep it as narrow as the callers; never the whole internet for admin or database ports."`,
        '  type        = string',
        '}',
      ].join(eol);
      edits.push({ range: lines.rangeOf(end, end), newText: prefix + declaration + eol });
    }
    return { title: { en: `Replace ${String(finding.data.cidr)} with var.${variable}`, ja: `${String(finding.data.cidr)} を var.${variable} に置き換える` }, edits };
  },
});
