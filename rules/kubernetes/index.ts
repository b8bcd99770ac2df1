import missingResourceLimits from './missing-resource-limits';

export const kubernetesRules = [missingResourceLimits];
