import { memoryWorkspace } from '../../../helpers/engine';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/sensitive-variable-default', {
  valid: [
    { name: 'secret variable without default', code: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n' },
    { name: 'numbers and booleans are settings', code: 'variable "token_ttl" {\n  default = 3600\n}\n\nvariable "enable_password_auth" {\n  default = true\n}\n' },
    { name: 'pointer names are not secrets', code: 'variable "secret_name" {\n  default = "prod/db"\n}\n\nvariable "api_key_file" {\n  default = "key.pem"\n}\n' },
    { name: 'empty default', code: 'variable "api_token" {\n  default = ""\n}\n' },
    { name: 'not a credential word', code: 'variable "region" {\n  default = "eu-west-1"\n}\n' },
  ],
  invalid: [
    {
      name: 'password default: at default',
      code: 'variable "db_password" {\n  type    = string\n  default = "Aa1234321Bb"\n}\n',
      errors: [{ range: '2:12-2:25', severity: 'warning', messageIncludes: 'db_password' }],
      output: null,
    },
    {
      name: 'camelCase and heredoc',
      code: 'variable "githubToken" {\n  default = <<EOT\nghp_abc\nEOT\n}\n',
      errors: [{ range: '1:12-3:3' }],
    },
  ],
});

ruleTester('terraform/missing-required-version', {
  valid: [
    { name: 'required_version set', code: 'terraform {\n  required_version = ">= 1.6"\n}\n' },
    {
      name: 'required_version in another terraform block of the module',
      path: '/work/m/backend.tf',
      code: 'terraform {\n  backend "s3" {}\n}\n',
      workspace: memoryWorkspace({ '/work/m/backend.tf': '', '/work/m/versions.tf': 'terraform {\n  required_version = ">= 1.6"\n}\n' }),
    },
    { name: 'no terraform block at all', code: 'resource "aws_sqs_queue" "q" {}\n' },
  ],
  invalid: [
    {
      name: 'terraform block without required_version: first line, fix inserts',
      code: 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n',
      errors: [{ range: '0:0-0:11', severity: 'info' }],
      output: 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n  required_version = ">= 1.0"\n}\n',
    },
    {
      name: 'constraint option',
      code: 'terraform {}\n',
      settings: { rules: { 'terraform/missing-required-version': { options: { constraint: '>= 1.7.0' } } } },
      errors: [{ range: '0:0-0:11', messageIncludes: '>= 1.7.0' }],
      output: 'terraform {\n  required_version = ">= 1.7.0"\n}\n',
    },
  ],
});

ruleTester('terraform/s3-versioning-disabled', {
  valid: [
    {
      name: 'versioning resource for the bucket in another file',
      path: '/work/m/main.tf',
      code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
      workspace: memoryWorkspace({ '/work/m/main.tf': '', '/work/m/versioning.tf': 'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' }),
    },
    { name: 'legacy inline versioning', code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\n' },
    { name: 'versioning status unknown', code: 'resource "aws_s3_bucket" "b" {}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b[0].id\n  versioning_configuration {\n    status = var.status\n  }\n}\n' },
    { name: 'versioning for a bucket we cannot identify', code: 'resource "aws_s3_bucket" "b" {}\n\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = var.bucket\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'bucket without versioning: at the header',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_s3_bucket_versioning" "other" {\n  bucket = aws_s3_bucket.other.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
      errors: [{ range: '0:0-0:30', severity: 'info' }],
      output: null,
    },
    {
      name: 'suspended versioning resource and disabled inline versioning',
      code: 'resource "aws_s3_bucket" "old" {\n  versioning {\n    enabled = false\n  }\n}\n\nresource "aws_s3_bucket" "b" {}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n',
      errors: [{ range: '2:14-2:19' }, { range: '6:0-6:30' }, { range: '11:13-11:24', messageIncludes: 'Suspended' }],
    },
  ],
});
