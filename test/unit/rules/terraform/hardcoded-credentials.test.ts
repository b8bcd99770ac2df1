import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/hardcoded-credentials', {
  valid: [
    { name: 'variables, data sources, locals and functions', code: 'provider "aws" {\n  access_key = var.access_key\n  secret_key = data.vault_generic_secret.aws.data["secret"]\n}\n\nresource "aws_db_instance" "db" {\n  password = local.db_password\n}\n\nresource "azurerm_linux_virtual_machine" "vm" {\n  admin_password = file("secret.txt")\n}\n' },
    { name: 'empty string', code: 'resource "aws_db_instance" "db" {\n  password = ""\n}\n' },
    { name: 'interpolated template is not a literal', code: 'resource "aws_db_instance" "db" {\n  password = "${var.prefix}-pw"\n}\n' },
    { name: 'a variable default is another rule', code: 'variable "password" {\n  default = "hunter2"\n}\n' },
  ],
  invalid: [
    {
      name: 'provider keys: one finding per attribute, fix moves to a sensitive variable',
      code: 'provider "aws" {\n  region     = "us-east-1"\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n',
      errors: [
        { range: '2:15-2:37', severity: 'error', messageIncludes: 'access_key', data: { variable: 'aws_access_key' } },
        { range: '3:15-3:57', messageIncludes: 'secret_key' },
      ],
      output: 'provider "aws" {\n  region     = "us-east-1"\n  access_key = var.aws_access_key\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n\nvariable "aws_access_key" {\n  description = "Supplied at plan time (TF_VAR_… or a secret store); never committed."\n  type        = string\n  sensitive   = true\n}\n',
    },
    {
      name: 'nested block of a resource',
      code: 'resource "azurerm_virtual_machine" "vm" {\n  os_profile {\n    admin_username = "azureuser"\n    admin_password = "P@ssw0rd1234!"\n  }\n}\n',
      errors: [{ range: '3:21-3:36', data: { variable: 'vm_admin_password' } }],
      output: 'resource "azurerm_virtual_machine" "vm" {\n  os_profile {\n    admin_username = "azureuser"\n    admin_password = var.vm_admin_password\n  }\n}\n\nvariable "vm_admin_password" {\n  description = "Supplied at plan time (TF_VAR_… or a secret store); never committed."\n  type        = string\n  sensitive   = true\n}\n',
    },
    {
      name: 'an existing variable of the same name is reused',
      code: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nresource "aws_db_instance" "db" {\n  password = "changeme"\n}',
      errors: [{ range: '6:13-6:23' }],
      output: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nresource "aws_db_instance" "db" {\n  password = var.db_password\n}',
    },
  ],
});
