import { memoryWorkspace } from '../../../helpers/engine';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/missing-tags', {
  valid: [
    { name: 'tagged AWS resource', code: 'resource "aws_s3_bucket" "b" {\n  tags = { Owner = "data" }\n}\n' },
    { name: 'untaggable resource types', code: 'resource "aws_iam_role_policy_attachment" "a" {\n  role = "r"\n}\n\nresource "aws_security_group_rule" "r" {\n  type = "ingress"\n}\n' },
    {
      name: 'provider default_tags in another file of the module',
      path: '/work/m/main.tf',
      code: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
      workspace: memoryWorkspace({ '/work/m/main.tf': '', '/work/m/providers.tf': 'provider "aws" {\n  region = "eu-west-1"\n  default_tags {\n    tags = { Owner = "platform" }\n  }\n}\n' }),
    },
    { name: 'aliased provider with default_tags', code: 'provider "aws" {\n  alias = "west"\n  default_tags {\n    tags = var.tags\n  }\n}\n\nresource "aws_sqs_queue" "q" {\n  provider = aws.west\n}\n' },
    { name: 'Google labels', code: 'resource "google_storage_bucket" "b" {\n  labels = { owner = "data" }\n}\n' },
    { name: 'Azure resource without a location is not a tracked resource', code: 'resource "azurerm_subnet" "s" {\n  name = "s"\n}\n' },
    { name: 'GKE uses resource_labels', code: 'resource "google_container_cluster" "c" {\n  resource_labels = { owner = "k8s" }\n}\n' },
  ],
  invalid: [
    {
      name: 'AWS resource without tags: info at the header, fix inserts a skeleton',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n',
      errors: [{ range: '0:0-0:31', severity: 'info', messageIncludes: 'default_tags' }],
      output: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n  tags = {\n    # Owner      = "team-name"\n    # CostCenter = "cc-1234"\n  }\n}\n',
    },
    {
      name: 'default_tags on another alias do not count',
      code: 'provider "aws" {\n  alias = "west"\n  default_tags {\n    tags = { Owner = "x" }\n  }\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
      errors: [{ range: '7:0-7:30' }],
    },
    {
      name: 'Azure resource with a location, Google labels',
      code: 'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n\nresource "google_compute_instance" "vm" {\n  name = "vm"\n}\n',
      errors: [{ range: '0:0-0:40', messageIncludes: 'no tags' }, { range: '5:0-5:41', messageIncludes: 'no labels' }],
      output: 'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n  tags = {\n    # Owner      = "team-name"\n    # CostCenter = "cc-1234"\n  }\n}\n\nresource "google_compute_instance" "vm" {\n  name = "vm"\n}\n',
    },
    {
      name: 'requiredTags option: missing keys reported at tags, and the skeleton lists them',
      code: 'resource "aws_s3_bucket" "b" {\n  tags = { Owner = "data" }\n}\n\nresource "aws_sqs_queue" "q" {}\n',
      settings: { rules: { 'terraform/missing-tags': { options: { requiredTags: ['Owner', 'CostCenter'] } } } },
      errors: [{ range: '1:2-1:6', messageIncludes: 'CostCenter' }, { range: '4:0-4:30' }],
    },
    {
      name: 'requiredTags skeleton',
      code: 'resource "aws_sqs_queue" "q" {}\n',
      settings: { rules: { 'terraform/missing-tags': { options: { requiredTags: ['Owner', 'CostCenter'] } } } },
      errors: [{ range: '0:0-0:30' }],
      output: 'resource "aws_sqs_queue" "q" {\n  tags = {\n    Owner      = ""\n    CostCenter = ""\n  }\n}\n',
    },
  ],
});
