import { memoryWorkspace } from '../../../helpers/engine';
import { ruleTester } from '../../../helpers/rule-tester';

const lockFile = `provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.31.0"
  constraints = ">= 5.0.0"
  hashes = [
    "h1:abc=",
  ]
}
`;

const unpinnedAws = 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n';

ruleTester('terraform/unpinned-provider', {
  valid: [
    { name: 'provider with a version', code: 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n' },
    { name: 'legacy string constraint', code: 'terraform {\n  required_providers {\n    aws = "~> 4.0"\n  }\n}\n' },
    { name: 'local module', code: 'module "net" {\n  source = "../modules/net"\n}\n' },
    { name: 'registry module with version', code: 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.1.2"\n}\n' },
    { name: 'git module pinned to a tag', code: 'module "vpc" {\n  source = "git::https://github.com/org/vpc.git?ref=v1.2.0"\n}\n' },
  ],
  invalid: [
    {
      name: 'provider without version: at the entry name; no lock file, no fix',
      code: unpinnedAws,
      errors: [{ range: '2:4-2:7', severity: 'warning' }],
      output: null,
    },
    {
      name: 'the fix takes the version from .terraform.lock.hcl',
      path: '/work/root/versions.tf',
      code: unpinnedAws,
      workspace: memoryWorkspace({ '/work/root/versions.tf': unpinnedAws, '/work/root/.terraform.lock.hcl': lockFile }),
      errors: [{ range: '2:4-2:7' }],
      output: 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n      version = "~> 5.31"\n    }\n  }\n}\n',
    },
    {
      name: 'one-line entry without source means hashicorp/<name>',
      path: '/work/root/versions.tf',
      code: 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n    random = {}\n  }\n}\n',
      workspace: memoryWorkspace({ '/work/root/.terraform.lock.hcl': lockFile }),
      errors: [{ range: '2:4-2:7' }, { range: '3:4-3:10' }],
      output: 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.31" }\n    random = {}\n  }\n}\n',
    },
    {
      name: 'registry module without version, fixed from modules.json',
      path: '/work/root/main.tf',
      code: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  name   = "main"\n}\n',
      workspace: memoryWorkspace({ '/work/root/.terraform/modules/modules.json': '{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.8.1","Dir":".terraform/modules/vpc"}]}' }),
      errors: [{ range: '1:11-1:42' }],
      output: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  name   = "main"\n  version = "~> 5.8"\n}\n',
    },
    {
      name: 'git module without ref, or on a branch',
      code: 'module "a" {\n  source = "git::https://github.com/org/a.git"\n}\n\nmodule "b" {\n  source = "github.com/org/b?ref=main"\n}\n',
      errors: [{ range: '1:11-1:46', messageIncludes: '?ref=' }, { range: '5:11-5:38', messageIncludes: 'branch "main"' }],
      output: null,
    },
  ],
});
