import type { AnyRule } from '../server/src/engine/rule';
import { dockerfileRules } from './dockerfile';
import { kubernetesRules } from './kubernetes';
import { terraformRules } from './terraform';

/** Every rule Infra Coach ships. A new rule is added to its language's index. */
export const allRules: readonly AnyRule[] = [...dockerfileRules, ...kubernetesRules, ...terraformRules];
