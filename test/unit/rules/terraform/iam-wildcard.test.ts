import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/iam-wildcard', {
  valid: [
    {
      name: 's3:* on a specific bucket ARN',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:*"]\n      Resource = "arn:aws:s3:::logs/*"\n    }]\n  })\n}\n',
    },
    {
      name: 'Deny statements never fire',
      code: 'resource "aws_iam_policy" "guard" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Deny"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n',
    },
    {
      name: 'narrow actions on every resource',
      code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["ec2:DescribeInstances", "s3:Get*"]\n    resources = ["*"]\n  }\n}\n',
    },
    {
      name: 'effect from an unknown variable is not guessed',
      code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    effect    = var.effect\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n',
    },
    {
      name: 'NotAction is not a wildcard grant',
      code: 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Statement": [{"Effect": "Allow", "NotAction": "*", "Resource": "*"}]}\nEOF\n}\n',
    },
    {
      name: 'assume role policy has no Resource',
      code: 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]\n  })\n}\n',
    },
  ],
  invalid: [
    {
      name: 'jsonencode with Action "*" and Resource "*"',
      code: 'resource "aws_iam_policy" "admin" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      {\n        Effect   = "Allow"\n        Action   = "*"\n        Resource = "*"\n      },\n    ]\n  })\n}\n',
      errors: [{ range: '6:19-6:22', severity: 'error', messageIncludes: 'full administrator' }],
      output: null,
    },
    {
      name: 'Effect absent means Allow; service wildcards in a list, each on its line',
      code: 'resource "aws_iam_role_policy" "p" {\n  policy = jsonencode({\n    Statement = {\n      Action = [\n        "s3:*",\n        "ec2:DescribeInstances",\n        "dynamodb:*",\n      ]\n      Resource = ["*"]\n    }\n  })\n}\n',
      errors: [{ range: '4:8-4:14', messageIncludes: 's3:*' }, { range: '6:8-6:20', messageIncludes: 'dynamodb:*' }],
    },
    {
      name: 'heredoc JSON: mapped back to the line in the .tf file',
      code: 'resource "aws_iam_policy" "p" {\n  policy = <<-EOF\n    {\n      "Version": "2012-10-17",\n      "Statement": [\n        {\n          "Effect": "Allow",\n          "Action": ["ec2:*", "s3:GetObject"],\n          "Resource": "*"\n        }\n      ]\n    }\n  EOF\n}\n',
      errors: [{ range: '7:21-7:28', messageIncludes: 'ec2:*' }],
    },
    {
      name: 'quoted JSON string with escapes',
      code: 'resource "aws_iam_policy" "p" {\n  policy = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"*\\", \\"Resource\\": \\"*\\"}]}"\n}\n',
      errors: [{ range: '1:65-1:70' }],
    },
    {
      name: 'aws_iam_policy_document data source, and a statement through dynamic content',
      code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    effect    = "Allow"\n    actions   = ["iam:*"]\n    resources = ["*"]\n  }\n  statement {\n    effect    = "Deny"\n    actions   = ["*"]\n    resources = ["*"]\n  }\n  dynamic "statement" {\n    for_each = [1]\n    content {\n      actions   = ["*"]\n      resources = ["*"]\n    }\n  }\n}\n',
      errors: [{ range: '3:17-3:24' }, { range: '14:19-14:22' }],
    },
    {
      name: 'policy kept in a local is reported where it is written',
      code: 'locals {\n  admin = {\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  }\n}\n\nresource "aws_iam_policy" "p" {\n  policy = jsonencode(local.admin)\n}\n',
      errors: [{ range: '3:46-3:49' }],
    },
  ],
});
