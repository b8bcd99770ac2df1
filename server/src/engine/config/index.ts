// The configuration model: `.infracoach.yaml` and editor settings, validated, merged and matched against paths.
export { newConfigText, turnOffRuleEdits } from './edit';
export { parseConfigText, rangeOfPath } from './file';
export { firstMatchingGlob, globProblem, matchGlob } from './glob';
export { exclusionOf, findConfigFile, mergeConfig, parentFolder, relativeTo, type ConfigLookup, type PlacedLayer } from './merge';
export * from './model';
export { configurationProperties, rulesSettingSchema } from './schema';
export { closestRuleId, validateConfig } from './validate';
