import noMultiStage from './no-multi-stage';
import rootUser from './root-user';

export const dockerfileRules = [noMultiStage, rootUser];
