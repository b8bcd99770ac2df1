import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/public-database', {
  valid: [
    { name: 'private database', code: 'resource "aws_db_instance" "db" {\n  publicly_accessible = false\n}\n' },
    { name: 'absent means private', code: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n' },
    { name: 'unknown', code: 'resource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n' },
  ],
  invalid: [
    {
      name: 'publicly accessible: fix sets false',
      code: 'resource "aws_db_instance" "db" {\n  engine              = "mysql"\n  publicly_accessible = true\n}\n',
      errors: [{ range: '2:24-2:28', severity: 'error' }],
      output: 'resource "aws_db_instance" "db" {\n  engine              = "mysql"\n  publicly_accessible = false\n}\n',
    },
    {
      name: 'for_each makes one finding per block, not per instance',
      code: 'resource "aws_db_instance" "db" {\n  for_each            = toset(["a", "b", "c"])\n  publicly_accessible = true\n}\n',
      errors: [{ range: '2:24-2:28' }],
    },
    {
      name: 'Aurora instance through a local',
      code: 'locals {\n  public = true\n}\n\nresource "aws_rds_cluster_instance" "i" {\n  publicly_accessible = local.public\n}\n',
      errors: [{ range: '5:24-5:36' }],
      output: null,
    },
  ],
});
