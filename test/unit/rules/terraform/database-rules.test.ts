import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/single-az-database', {
  valid: [{ name: 'multi-AZ', code: 'resource "aws_db_instance" "db" {\n  multi_az = true\n}\n' }],
  invalid: [
    {
      name: 'absent: header, fix inserts',
      code: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n',
      errors: [{ range: '0:0-0:33', severity: 'info' }],
      output: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  multi_az = true\n}\n',
    },
    {
      name: 'false: at the value, fix sets true',
      code: 'resource "aws_db_instance" "db" {\n  multi_az = false\n}\n',
      errors: [{ range: '1:13-1:18' }],
      output: 'resource "aws_db_instance" "db" {\n  multi_az = true\n}\n',
    },
  ],
});

ruleTester('terraform/no-backup-retention', {
  valid: [
    { name: 'seven days', code: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\n' },
    { name: 'absent uses the provider default', code: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n' },
    { name: 'read replica without backups', code: 'resource "aws_db_instance" "r" {\n  replicate_source_db     = aws_db_instance.db.identifier\n  backup_retention_period = 0\n}\n' },
  ],
  invalid: [
    {
      name: 'zero days',
      code: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 0\n}\n',
      errors: [{ range: '1:28-1:29', severity: 'warning' }],
      output: null,
    },
  ],
});

ruleTester('terraform/db-deletion-protection-disabled', {
  valid: [{ name: 'protected', code: 'resource "aws_rds_cluster" "c" {\n  deletion_protection = true\n}\n' }],
  invalid: [
    {
      name: 'instance without protection and a cluster with it off',
      code: 'resource "aws_db_instance" "db" {\n}\n\nresource "aws_rds_cluster" "c" {\n  deletion_protection = false\n}\n',
      errors: [{ range: '0:0-0:33', severity: 'info' }, { range: '4:24-4:29' }],
      output: 'resource "aws_db_instance" "db" {\n  deletion_protection = true\n}\n\nresource "aws_rds_cluster" "c" {\n  deletion_protection = false\n}\n',
    },
  ],
});

ruleTester('terraform/kms-key-rotation-disabled', {
  valid: [
    { name: 'rotation on', code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' },
    { name: 'asymmetric keys cannot rotate', code: 'resource "aws_kms_key" "sign" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage                = "SIGN_VERIFY"\n}\n' },
    { name: 'HMAC keys cannot rotate', code: 'resource "aws_kms_key" "mac" {\n  customer_master_key_spec = "HMAC_256"\n  key_usage                = "GENERATE_VERIFY_MAC"\n}\n' },
  ],
  invalid: [
    {
      name: 'absent rotation',
      code: 'resource "aws_kms_key" "k" {\n  description = "logs"\n}\n',
      errors: [{ range: '0:0-0:28', severity: 'warning' }],
      output: 'resource "aws_kms_key" "k" {\n  description = "logs"\n  enable_key_rotation = true\n}\n',
    },
    {
      name: 'rotation explicitly off',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n',
      errors: [{ range: '1:24-1:29' }],
      output: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n',
    },
  ],
});
