import type { FindingData, Range, TextEdit } from '../types';
import { attributeAt, blockAt, insertIntoBlock, setAttribute } from './edit';
import type { HclAttribute, HclBlock } from './hcl';
import type { TerraformDocument } from './parse';
import { headerRange, nodeRange } from './resources';
import { evaluate, type HclValue } from './values';

/**
 * How a block sets a setting that should have one safe value: `ok`, `absent` (the provider default applies),
 * `wrong` (written with another value) or `unknown` (only known at plan time: never guess).
 */
export type SettingState =
  | { state: 'ok' }
  | { state: 'absent' }
  | { state: 'wrong'; attribute: HclAttribute; value: HclValue }
  | { state: 'unknown' };

/** Compares an attribute with the values that are safe; strings compare case-insensitively, as AWS does. */
export function settingState(document: TerraformDocument, block: HclBlock, name: string, safe: readonly (string | number | boolean)[]): SettingState {
  const attribute = block.attributes.get(name);
  if (!attribute) return { state: 'absent' };
  const value = evaluate(attribute.expression, document, document.module);
  if (!value || (value.kind !== 'string' && value.kind !== 'number' && value.kind !== 'bool' && value.kind !== 'null')) return { state: 'unknown' };
  // `null` written here means "use the default"; a null reached through a variable often guards a dynamic block: unknown.
  if (value.kind === 'null') return value.viaReference ? { state: 'unknown' } : { state: 'absent' };
  // Terraform converts "true" and "5" to the argument's type, so compare as the argument would see it.
  const matches = safe.some((candidate) => {
    if (value.kind === 'string') {
      if (typeof candidate === 'string') return candidate.toLowerCase() === value.value.toLowerCase();
      return String(candidate) === value.value.trim().toLowerCase();
    }
    return candidate === value.value;
  });
  return matches ? { state: 'ok' } : { state: 'wrong', attribute, value };
}

/**
 * Where a finding about a setting goes and what its fix needs: at the value when it is written (the fix
 * rewrites it in place only when the literal is in this file), at the block header when it is absent.
 */
export function settingReport(document: TerraformDocument, block: HclBlock, state: SettingState, attribute: string, safeValueText: string): { range: Range; data: FindingData } | undefined {
  if (state.state === 'wrong') {
    const literal = !state.value.viaReference;
    return { range: nodeRange(document, state.attribute.expression), data: { attribute, value: safeValueText, literal } };
  }
  if (state.state === 'absent') return { range: headerRange(document, block), data: { attribute, value: safeValueText, literal: true } };
  return undefined;
}

/**
 * The edit for a finding made by `settingReport` (or one whose `data.lines` lists lines to insert into the
 * block at the finding): the finding's start locates the attribute or block again in the current text.
 */
export function settingEdit(document: TerraformDocument, finding: { range: Range; data?: FindingData }): TextEdit | undefined {
  const data = finding.data;
  if (!data || data.literal === false) return undefined;
  const offset = document.lines.offsetAt(finding.range.start);
  if (Array.isArray(data.lines)) {
    const block = blockAt(document.blocks, offset);
    return block ? insertIntoBlock(document, block, data.lines) : undefined;
  }
  if (typeof data.attribute !== 'string' || typeof data.value !== 'string') return undefined;
  const hit = attributeAt(document.blocks, offset);
  if (hit && hit.attribute.expression.startIndex === offset) return { range: nodeRange(document, hit.attribute.expression), newText: data.value };
  const block = blockAt(document.blocks, offset);
  return block ? setAttribute(document, block, data.attribute, data.value) : undefined;
}

