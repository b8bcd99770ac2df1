import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/http-listener', {
  valid: [
    { name: 'HTTPS listener', code: 'resource "aws_lb_listener" "https" {\n  port     = 443\n  protocol = "HTTPS"\n  default_action {\n    type = "forward"\n  }\n}\n' },
    {
      name: 'HTTP listener that redirects to HTTPS',
      code: 'resource "aws_lb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
    },
    { name: 'action type unknown', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = var.action\n  }\n}\n' },
    { name: 'NLB TCP listener', code: 'resource "aws_lb_listener" "tcp" {\n  protocol = "TCP"\n  default_action {\n    type = "forward"\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'HTTP forwarding to targets: at protocol',
      code: 'resource "aws_alb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n}\n',
      errors: [{ range: '2:13-2:19', severity: 'warning' }],
      output: null,
    },
    {
      name: 'redirect to another HTTP port still serves plain HTTP',
      code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port     = "8080"\n      protocol = "HTTP"\n    }\n  }\n}\n',
      errors: [{ range: '1:13-1:19' }],
    },
  ],
});

ruleTester('terraform/imdsv1-enabled', {
  valid: [
    { name: 'tokens required', code: 'resource "aws_instance" "web" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n' },
    { name: 'metadata endpoint disabled', code: 'resource "aws_instance" "web" {\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}\n' },
    { name: 'instance launched from a template', code: 'resource "aws_instance" "web" {\n  launch_template {\n    id = aws_launch_template.lt.id\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'no metadata_options: fix inserts the block',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n',
      errors: [{ range: '0:0-0:31', severity: 'warning' }],
      output: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    },
    {
      name: 'launch template with optional tokens',
      code: 'resource "aws_launch_template" "lt" {\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "optional"\n  }\n}\n',
      errors: [{ range: '3:20-3:30', messageIncludes: 'optional' }],
      output: 'resource "aws_launch_template" "lt" {\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "required"\n  }\n}\n',
    },
    {
      name: 'metadata_options without http_tokens: at the block, fix inserts into it',
      code: 'resource "aws_instance" "web" {\n  metadata_options {\n    http_put_response_hop_limit = 1\n  }\n}\n',
      errors: [{ range: '1:2-1:20' }],
      output: 'resource "aws_instance" "web" {\n  metadata_options {\n    http_put_response_hop_limit = 1\n    http_tokens = "required"\n  }\n}\n',
    },
  ],
});

ruleTester('terraform/eks-public-endpoint', {
  valid: [
    { name: 'private endpoint', code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}\n' },
    { name: 'public endpoint limited to an office range', code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    public_access_cidrs = ["203.0.113.0/24"]\n  }\n}\n' },
    { name: 'CIDRs unknown', code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    public_access_cidrs = var.cidrs\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'default public endpoint: at vpc_config',
      code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    subnet_ids = var.subnets\n  }\n}\n',
      errors: [{ range: '1:2-1:14', severity: 'warning' }],
      output: null,
    },
    {
      name: 'explicitly public and open to everyone: at endpoint_public_access',
      code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = true\n    public_access_cidrs    = ["0.0.0.0/0"]\n  }\n}\n',
      errors: [{ range: '2:29-2:33' }],
    },
  ],
});
