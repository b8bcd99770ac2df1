import openSecurityGroup from './open-security-group';

export const terraformRules = [openSecurityGroup];
