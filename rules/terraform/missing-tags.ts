import { defineRule } from '../../server/src/engine/rule';
import { settingEdit } from '../../server/src/engine/terraform/checks';
import { childBlocks, type HclBlock } from '../../server/src/engine/terraform/hcl';
import type { TerraformDocument } from '../../server/src/engine/terraform/parse';
import { headerRange, moduleBlocks, nodeRange, resources } from '../../server/src/engine/terraform/resources';
import { tagArgument } from '../../server/src/engine/terraform/taggable';
import { evaluate } from '../../server/src/engine/terraform/values';
import type { RuleOptionValues } from '../../server/src/engine/types';

/**
 * Tag keys the AWS provider adds to every resource of a resource's provider configuration through
 * `default_tags`: a set of keys, `'unknown'` when they come from a variable we cannot read, or undefined
 * when that provider has no default tags. A resource using an alias we cannot see (passed in by the caller)
 * is `'unknown'`.
 */
function awsDefaultTags(document: TerraformDocument, resource: HclBlock): Set<string> | 'unknown' | undefined {
  const reference = resource.attributes.get('provider')?.expression.text.trim();
  const alias = reference?.startsWith('aws.') ? reference.slice(4) : undefined;
  if (reference && !alias) return 'unknown';
  const provider = moduleBlocks(document, 'provider').find(({ block, file }) => {
    if (block.labels[0] !== 'aws') return false;
    const aliasAttribute = block.attributes.get('alias');
    const value = aliasAttribute ? evaluate(aliasAttribute.expression, file, document.module) : undefined;
    return alias === undefined ? !aliasAttribute : value?.kind === 'string' && value.value === alias;
  });
  if (!provider) return alias === undefined ? undefined : 'unknown';
  const defaults = childBlocks(provider.block, 'default_tags')[0];
  if (!defaults) return undefined;
  const tags = defaults.attributes.get('tags');
  const value = tags ? evaluate(tags.expression, provider.file, document.module) : undefined;
  return value?.kind === 'object' ? new Set(value.entries.keys()) : 'unknown';
}

function requiredTags(options: RuleOptionValues): string[] {
  return Array.isArray(options.requiredTags) ? options.requiredTags.filter((tag) => tag.trim() !== '') : [];
}

function skeleton(argument: string, required: string[], cloud: string): string[] {
  if (required.length > 0) {
    const width = Math.max(...required.map((tag) => tag.length));
    return [`${argument} = {`, ...required.map((tag) => `  ${tag.padEnd(width)} = ""`), '}'];
  }
  // Google labels must be lower case; AWS and Azure tags conventionally use PascalCase keys.
  const examples = cloud === 'google' ? ['owner       = "team-name"', 'cost-center = "cc-1234"'] : ['Owner      = "team-name"', 'CostCenter = "cc-1234"'];
  return [`${argument} = {`, ...examples.map((example) => `  # ${example}`), '}'];
}

export default defineRule({
  id: 'terraform/missing-tags',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.1.3#tagging',
  title: { en: 'Tag cloud resources with their owner and cost centre', ja: 'クラウドリソースに所有者とコストセンターのタグを付ける' },
  messages: {
    missing: {
      en: 'This resource has no {argument}, so its cost and ownership cannot be attributed. Add {argument} (owner, cost centre, environment).',
      ja: 'このリソースには {argument} がないため、コストと所有者を特定できません。{argument}（所有者、コストセンター、環境など）を追加してください。',
    },
    missingAws: {
      en: 'This resource has no tags and its provider sets no default_tags, so its cost and ownership cannot be attributed. Add tags here or default_tags on the provider.',
      ja: 'このリソースには tags がなく、プロバイダーにも default_tags がないため、コストと所有者を特定できません。ここに tags を追加するか、プロバイダーに default_tags を設定してください。',
    },
    missingKeys: {
      en: 'The {argument} of this resource lack the required keys {keys}. Add them so cost reports and ownership queries find it.',
      ja: 'このリソースの {argument} には必須のキー {keys} がありません。コストレポートや所有者の検索で見つかるよう追加してください。',
    },
  },
  options: {
    requiredTags: {
      type: 'array',
      default: [],
      description: {
        en: 'Tag keys every resource must carry (e.g. ["Owner", "CostCenter"]). When empty, any tags satisfy the rule.',
        ja: 'すべてのリソースに必須のタグキー（例: ["Owner", "CostCenter"]）。空のときは、何らかのタグがあれば満たされます。',
      },
    },
  },
  fixable: 'quickfix',
  peerIds: ['aws_resource_missing_tags', 'CKV_AWS_153'],
  check({ document, options, report }) {
    const required = requiredTags(options);
    for (const resource of resources(document)) {
      const taggable = tagArgument(resource);
      if (!taggable) continue;
      const defaults = taggable.cloud === 'aws' ? awsDefaultTags(document, resource) : undefined;
      const tags = resource.attributes.get(taggable.argument);
      if (!tags) {
        if (defaults === 'unknown' || (defaults && required.every((tag) => defaults.has(tag)))) continue;
        report({
          range: headerRange(document, resource),
          messageId: taggable.cloud === 'aws' ? 'missingAws' : 'missing',
          args: { argument: taggable.argument },
          data: { argument: taggable.argument, lines: skeleton(taggable.argument, required, taggable.cloud) },
        });
        continue;
      }
      if (required.length === 0 || defaults === 'unknown') continue;
      const value = evaluate(tags.expression, document, document.module);
      if (value?.kind !== 'object') continue;
      const missing = required.filter((tag) => !value.entries.has(tag) && !defaults?.has(tag));
      if (missing.length > 0) report({ range: nodeRange(document, tags.nameNode), messageId: 'missingKeys', args: { argument: taggable.argument, keys: missing.join(', ') } });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    const argument = String(finding.data?.argument ?? 'tags');
    return edit ? { title: { en: `Add ${argument} to fill in`, ja: `記入用の ${argument} を追加する` }, edits: [edit] } : undefined;
  },
});
