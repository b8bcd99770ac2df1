import type { AnyRule } from '../rule';
import type { RuleOption } from '../types';

/** JSON schema values; kept loose because this is data written into package.json. */
type Schema = Record<string, unknown>;

const LEVELS = ['off', 'error', 'warning', 'info', 'hint'];

function optionSchema(option: RuleOption): Schema {
  const base: Schema = option.type === 'array' ? { type: 'array', items: { type: 'string' } } : { type: option.type };
  return { ...base, default: option.default, description: option.description.en };
}

function ruleSchema(rule: AnyRule): Schema {
  const level = { enum: LEVELS };
  const options = Object.entries(rule.options ?? {});
  const properties: Schema = { severity: level };
  if (options.length > 0) {
    properties.options = {
      type: 'object',
      properties: Object.fromEntries(options.map(([name, option]) => [name, optionSchema(option)])),
      additionalProperties: false,
    };
  }
  return {
    markdownDescription: `${rule.title.en} (default: \`${rule.defaultSeverity}\`)`,
    anyOf: [level, { type: 'object', properties, additionalProperties: false }],
  };
}

/**
 * The `infracoach.rules` setting's schema, one property per rule with its options, so VS Code validates and
 * completes them. Written into package.json by scripts/generate-config-schema.mjs; a test keeps the two in sync.
 */
export function rulesSettingSchema(rules: readonly AnyRule[]): Schema {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    type: 'object',
    default: {},
    properties: Object.fromEntries(sorted.map((rule) => [rule.id, ruleSchema(rule)])),
    additionalProperties: false,
  };
}

/**
 * English texts of the settings this module contributes, keyed as in package.nls.json (package.json holds the
 * `%key%` placeholders; package.nls.ja.json has the Japanese). Listed here so the generator can add them.
 */
export const CONFIGURATION_TEXTS: Record<string, string> = {
  'configuration.enable.description': 'Check Dockerfiles, Kubernetes manifests and Terraform files.',
  'configuration.rules.description': 'Per-rule configuration: `"off"`, a severity (`"error"`, `"warning"`, `"info"`, `"hint"`) or `{ "severity": …, "options": { … } }`. Overrides `.infracoach.yaml`.',
  'configuration.exclude.description': 'Glob patterns (relative to the workspace folder) of files not to check, e.g. `vendor/**` or `*.generated.tf`. Added to the `exclude` list of `.infracoach.yaml`.',
  'configuration.checkWorkspaceOnStartup.description': 'Check every matching file in the workspace when the extension starts, so the Problems panel lists closed files too.',
  'configuration.suppressions.requireReason.description': 'Report `infracoach-disable-…` comments that give no `-- reason`. When off, `suppressions.requireReason` in `.infracoach.yaml` decides.',
  'configuration.suppressions.reportUnused.description': 'Show a hint on `infracoach-disable-…` comments that silence nothing. When on, `suppressions.reportUnused` in `.infracoach.yaml` decides.',
};

/** Every `contributes.configuration` property this module owns, in the order they appear in the settings UI. */
export function configurationProperties(rules: readonly AnyRule[]): Record<string, Schema> {
  const rulesSchema = rulesSettingSchema(rules);
  return {
    'infracoach.enable': { type: 'boolean', default: true, description: '%configuration.enable.description%' },
    'infracoach.rules': { ...rulesSchema, markdownDescription: '%configuration.rules.description%' },
    'infracoach.exclude': { type: 'array', items: { type: 'string' }, default: [], markdownDescription: '%configuration.exclude.description%' },
    'infracoach.checkWorkspaceOnStartup': { type: 'boolean', default: false, description: '%configuration.checkWorkspaceOnStartup.description%' },
    'infracoach.suppressions.requireReason': { type: 'boolean', default: false, markdownDescription: '%configuration.suppressions.requireReason.description%' },
    'infracoach.suppressions.reportUnused': { type: 'boolean', default: true, markdownDescription: '%configuration.suppressions.reportUnused.description%' },
  };
}
