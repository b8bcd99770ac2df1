import { childBlocks, type HclBlock } from './hcl';
import type { TerraformDocument } from './parse';
import { attributeValue } from './resources';
import { stringItems, type HclValue } from './values';

/**
 * The ports a firewall rule opens: every port, some ranges, none that have ports (ICMP and friends), or
 * unknown when they come from something only known at plan time.
 */
export type Ports = 'all' | 'unknown' | { from: number; to: number }[];

export const OPEN_IPV4 = '0.0.0.0/0';
export const OPEN_IPV6 = '::/0';

function portNumber(value: HclValue | undefined): number | undefined {
  if (value?.kind === 'number') return value.value;
  if (value?.kind === 'string' && /^-?\d+$/.test(value.value)) return Number(value.value);
  return undefined;
}

function lower(value: HclValue | undefined): string | undefined {
  if (value?.kind === 'string') return value.value.toLowerCase();
  if (value?.kind === 'number') return String(value.value);
  return undefined;
}

/** Protocols without ports: a rule for them opens no port range. */
const PORTLESS_PROTOCOLS = new Set(['icmp', 'icmpv6', '1', '58', 'esp', 'ah', '50', '51', 'ipip', 'gre', '47']);

/** Ports of an AWS rule (`protocol`/`ip_protocol` with `from_port`/`to_port`). */
export function awsPorts(document: TerraformDocument, block: HclBlock, protocolAttribute: string): Ports {
  const protocol = lower(attributeValue(document, block, protocolAttribute));
  if (protocol === '-1' || protocol === 'all') return 'all';
  if (protocol !== undefined && PORTLESS_PROTOCOLS.has(protocol)) return [];
  const from = portNumber(attributeValue(document, block, 'from_port'));
  const to = portNumber(attributeValue(document, block, 'to_port'));
  if (from === undefined || to === undefined) return 'unknown';
  if (from <= 0 && to >= 65535) return 'all';
  return [{ from, to }];
}

/** Parses `22`, `1000-2000` and `*` port specs as Azure and Google write them. */
export function portSpecs(specs: string[]): Ports {
  const ranges: { from: number; to: number }[] = [];
  for (const spec of specs) {
    if (spec.trim() === '*') return 'all';
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(spec.trim());
    if (!match) return 'unknown';
    ranges.push({ from: Number(match[1]), to: Number(match[2] ?? match[1]) });
  }
  if (ranges.some((range) => range.from <= 0 && range.to >= 65535)) return 'all';
  return ranges;
}

export function mergePorts(a: Ports, b: Ports): Ports {
  if (a === 'all' || b === 'all') return 'all';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return [...a, ...b];
}

/** Ports of an Azure security rule (`destination_port_range(s)`); `*` is every port. */
export function azurePorts(document: TerraformDocument, block: HclBlock): Ports {
  const protocol = lower(attributeValue(document, block, 'protocol'));
  if (protocol === 'icmp' || protocol === 'esp' || protocol === 'ah') return [];
  const single = attributeValue(document, block, 'destination_port_range');
  const list = attributeValue(document, block, 'destination_port_ranges');
  const specs = [...stringItems(single), ...stringItems(list)].map((item) => item.value);
  const unreadable = [single, list].some((value) => value && value.kind !== 'string' && value.kind !== 'tuple' && value.kind !== 'null');
  if (unreadable || specs.length === 0) return 'unknown';
  return portSpecs(specs);
}

/** Ports a Google firewall opens through its `allow` blocks: an `allow` without `ports` opens them all. */
export function googleAllowPorts(document: TerraformDocument, firewall: HclBlock): Ports | undefined {
  const allows = childBlocks(firewall, 'allow');
  if (allows.length === 0) return undefined;
  let ports: Ports = [];
  for (const allow of allows) {
    const protocol = lower(attributeValue(document, allow, 'protocol'));
    let allowPorts: Ports;
    if (protocol === 'all') allowPorts = 'all';
    else if (protocol !== undefined && PORTLESS_PROTOCOLS.has(protocol)) allowPorts = [];
    else if (!allow.attributes.has('ports')) allowPorts = protocol === undefined ? 'unknown' : 'all';
    else {
      const value = attributeValue(document, allow, 'ports');
      allowPorts = value?.kind === 'tuple' && value.items.every((item) => item.kind === 'string' || item.kind === 'number')
        ? portSpecs(value.items.map((item) => (item.kind === 'string' ? item.value : item.kind === 'number' ? String(item.value) : '')))
        : 'unknown';
    }
    ports = mergePorts(ports, allowPorts);
  }
  return ports;
}

/** Which way an enabled Google firewall rule points (INGRESS when unset); undefined when disabled or not known. */
export function googleDirection(document: TerraformDocument, firewall: HclBlock): 'INGRESS' | 'EGRESS' | undefined {
  const disabled = attributeValue(document, firewall, 'disabled');
  if (disabled?.kind === 'bool' && disabled.value) return undefined;
  const direction = attributeValue(document, firewall, 'direction');
  if (!direction) return 'INGRESS';
  if (direction.kind !== 'string') return undefined;
  const upper = direction.value.toUpperCase();
  return upper === 'INGRESS' || upper === 'EGRESS' ? upper : undefined;
}

export function includesPort(ports: Ports, candidates: readonly number[]): boolean {
  if (ports === 'all') return true;
  if (ports === 'unknown') return false;
  return ports.some((range) => candidates.some((port) => port >= range.from && port <= range.to));
}

/** `22`, `80-443`: language-neutral, so both the English and the Japanese message can show it. */
export function portList(ports: { from: number; to: number }[]): string {
  return ports.map((range) => (range.from === range.to ? String(range.from) : `${range.from}-${range.to}`)).join(', ');
}
