import { memoryWorkspace } from '../../../helpers/engine';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/unencrypted-storage', {
  valid: [
    { name: 'encrypted EBS volume', code: 'resource "aws_ebs_volume" "data" {\n  size      = 10\n  encrypted = true\n}\n' },
    { name: 'encrypted RDS instance and cluster', code: 'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n}\n\nresource "aws_rds_cluster" "c" {\n  storage_encrypted = true\n}\n' },
    { name: 'read replica inherits encryption', code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\n' },
    { name: 'Aurora Serverless v1 is always encrypted', code: 'resource "aws_rds_cluster" "c" {\n  engine_mode = "serverless"\n}\n' },
    { name: 'volume from a snapshot takes its encryption', code: 'resource "aws_ebs_volume" "restored" {\n  snapshot_id = "snap-1234"\n}\n' },
    {
      name: 'account-wide EBS encryption by default in another file',
      path: '/work/m/main.tf',
      code: 'resource "aws_ebs_volume" "data" {\n  size = 10\n}\n',
      workspace: memoryWorkspace({ '/work/m/main.tf': '', '/work/m/account.tf': 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\n' }),
    },
    { name: 'unknown value', code: 'resource "aws_efs_file_system" "fs" {\n  encrypted = var.encrypt\n}\n' },
    { name: 'a string "true" is converted to a bool by Terraform', code: 'resource "aws_ebs_volume" "v" {\n  encrypted = "true"\n}\n' },
  ],
  invalid: [
    {
      name: 'EBS volume without encrypted: header, fix inserts',
      code: 'resource "aws_ebs_volume" "data" {\n  size = 10\n}\n',
      errors: [{ range: '0:0-0:34', severity: 'error', messageIncludes: 'defaults to false' }],
      output: 'resource "aws_ebs_volume" "data" {\n  size = 10\n  encrypted = true\n}\n',
    },
    {
      name: 'RDS with storage_encrypted = false: fix sets true',
      code: 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = false\n}\n',
      errors: [{ range: '2:22-2:27', messageIncludes: 'storage_encrypted is false' }],
      output: 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = true\n}\n',
    },
    {
      name: 'empty EFS file system on one line: the fix breaks the braces apart',
      code: 'resource "aws_efs_file_system" "shared" {}\n',
      errors: [{ range: '0:0-0:41' }],
      output: 'resource "aws_efs_file_system" "shared" {\n  encrypted = true\n}\n',
    },
    {
      name: 'count makes one finding per block; CRLF kept',
      code: 'resource "aws_rds_cluster" "c" {\r\n  count = 3\r\n}\r\n',
      errors: [{ range: '0:0-0:32' }],
      output: 'resource "aws_rds_cluster" "c" {\r\n  count = 3\r\n  storage_encrypted = true\r\n}\r\n',
    },
  ],
});
