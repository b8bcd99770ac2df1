import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/lambda-no-timeout-or-memory', {
  valid: [
    { name: 'both set', code: 'resource "aws_lambda_function" "f" {\n  timeout     = 10\n  memory_size = 256\n}\n' },
    { name: 'set through variables', code: 'resource "aws_lambda_function" "f" {\n  timeout     = var.timeout\n  memory_size = var.memory\n}\n' },
  ],
  invalid: [
    {
      name: 'both missing: one info finding, fix writes the defaults down',
      code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime       = "python3.12"\n}\n',
      errors: [{ range: '0:0-0:36', severity: 'info', messageIncludes: 'timeout, memory_size' }],
      output: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime       = "python3.12"\n  timeout     = 3   # seconds (the Lambda default); set just above the slowest expected run\n  memory_size = 128 # MB (the Lambda default); CPU grows with memory, so measure before lowering\n}\n',
    },
    {
      name: 'only memory missing',
      code: 'resource "aws_lambda_function" "f" {\n  timeout = 30\n}\n',
      errors: [{ range: '0:0-0:36', messageIncludes: 'memory_size' }],
      output: 'resource "aws_lambda_function" "f" {\n  timeout = 30\n  memory_size = 128 # MB (the Lambda default); CPU grows with memory, so measure before lowering\n}\n',
    },
  ],
});

ruleTester('terraform/lambda-no-tracing', {
  valid: [
    { name: 'active tracing', code: 'resource "aws_lambda_function" "f" {\n  tracing_config {\n    mode = "Active"\n  }\n}\n' },
    { name: 'dynamic tracing guarded by a null variable', code: 'variable "tracing_mode" {\n  default = null\n}\n\nresource "aws_lambda_function" "f" {\n  dynamic "tracing_config" {\n    for_each = var.tracing_mode == null ? [] : [true]\n    content {\n      mode = var.tracing_mode\n    }\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'no tracing_config: fix inserts the block',
      code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n',
      errors: [{ range: '0:0-0:36', severity: 'info' }],
      output: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  tracing_config {\n    mode = "Active"\n  }\n}\n',
    },
    {
      name: 'PassThrough: fix sets Active',
      code: 'resource "aws_lambda_function" "f" {\n  tracing_config {\n    mode = "PassThrough"\n  }\n}\n',
      errors: [{ range: '2:11-2:24', messageIncludes: 'PassThrough' }],
      output: 'resource "aws_lambda_function" "f" {\n  tracing_config {\n    mode = "Active"\n  }\n}\n',
    },
    {
      name: 'tracing_config without mode',
      code: 'resource "aws_lambda_function" "f" {\n  tracing_config {}\n}\n',
      errors: [{ range: '1:2-1:18' }],
      output: 'resource "aws_lambda_function" "f" {\n  tracing_config {\n    mode = "Active"\n  }\n}\n',
    },
  ],
});

ruleTester('terraform/deprecated-lambda-runtime', {
  valid: [
    { name: 'supported runtime', code: 'resource "aws_lambda_function" "f" {\n  runtime = "python3.13"\n}\n' },
    { name: 'unknown runtime string', code: 'resource "aws_lambda_function" "f" {\n  runtime = "java99"\n}\n' },
    { name: 'runtime from a variable without default', code: 'resource "aws_lambda_function" "f" {\n  runtime = var.runtime\n}\n' },
  ],
  invalid: [
    {
      name: 'runtimes long past their date',
      code: 'resource "aws_lambda_function" "a" {\n  runtime = "nodejs12.x"\n}\n\nresource "aws_lambda_function" "b" {\n  runtime = "python3.8"\n}\n\nresource "aws_lambda_function" "c" {\n  runtime = "go1.x"\n}\n',
      errors: [
        { range: '1:12-1:24', severity: 'warning', messageIncludes: '2023-03-31' },
        { range: '5:12-5:23', messageIncludes: 'python3.8' },
        { range: '9:12-9:19', messageIncludes: 'go1.x' },
      ],
      output: null,
    },
    {
      name: 'warnDaysAhead reports runtimes whose end is near',
      code: 'resource "aws_lambda_function" "f" {\n  runtime = "python3.13"\n}\n',
      settings: { rules: { 'terraform/deprecated-lambda-runtime': { options: { warnDaysAhead: 365 * 100 } } } },
      errors: [{ range: '1:12-1:24', messageIncludes: '2029-06-30' }],
    },
  ],
});
