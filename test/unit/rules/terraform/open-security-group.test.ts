import { memoryWorkspace } from '../../../helpers/engine';
import { ruleTester } from '../../../helpers/rule-tester';

const sshFromAnywhere = `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

ruleTester('terraform/open-security-group', {
  valid: [
    {
      name: 'ingress from a private range',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n',
    },
    {
      name: 'egress to anywhere is not ingress',
      code: 'resource "aws_security_group" "web" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    },
    {
      name: 'aws_security_group_rule of type egress',
      code: 'resource "aws_security_group_rule" "out" {\n  type        = "egress"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    },
    {
      name: 'Azure outbound and deny rules',
      code: `resource "azurerm_network_security_rule" "out" {
  direction               = "Outbound"
  access                  = "Allow"
  destination_port_range  = "*"
  source_address_prefix   = "*"
}

resource "azurerm_network_security_rule" "deny" {
  direction              = "Inbound"
  access                 = "Deny"
  destination_port_range = "22"
  source_address_prefix  = "*"
}
`,
    },
    {
      name: 'Google firewall made only of deny blocks',
      code: 'resource "google_compute_firewall" "block" {\n  deny {\n    protocol = "tcp"\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n',
    },
    {
      name: 'Google egress firewall',
      code: 'resource "google_compute_firewall" "out" {\n  direction = "EGRESS"\n  allow {\n    protocol = "tcp"\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n',
    },
    {
      name: 'variable without a default is unknown: never guessed',
      code: 'variable "cidr" {}\n\nresource "aws_vpc_security_group_ingress_rule" "ssh" {\n  ip_protocol = "tcp"\n  from_port   = 22\n  to_port     = 22\n  cidr_ipv4   = var.cidr\n}\n',
    },
    {
      name: 'dynamic ingress whose CIDRs come from the iterator',
      code: 'resource "aws_security_group" "web" {\n  dynamic "ingress" {\n    for_each = var.rules\n    content {\n      from_port   = ingress.value.port\n      to_port     = ingress.value.port\n      protocol    = "tcp"\n      cidr_blocks = ingress.value.cidrs\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'AWS inline ingress on SSH: error at the CIDR, fix uses a declared variable',
      code: sshFromAnywhere,
      errors: [{ range: '7:19-7:30', severity: 'error', messageIncludes: 'port 22', data: { literal: true, variable: 'allowed_ingress_cidr' } }],
      output: sshFromAnywhere.replace('["0.0.0.0/0"]', '[var.allowed_ingress_cidr]') + `
variable "allowed_ingress_cidr" {
  description = "Network allowed to reach this rule. Keep it as narrow as the callers; never the whole internet for admin or database ports."
  type        = string
}
`,
    },
    {
      name: 'HTTPS only is a warning; the variable already exists so nothing is appended',
      code: 'variable "allowed_ingress_cidr" {\n  type = string\n}\n\nresource "aws_security_group_rule" "https" {\n  type        = "ingress"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]\n}',
      errors: [{ range: '9:31-9:42', severity: 'warning', messageIncludes: 'port 443' }],
      output: 'variable "allowed_ingress_cidr" {\n  type = string\n}\n\nresource "aws_security_group_rule" "https" {\n  type        = "ingress"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8", var.allowed_ingress_cidr]\n}',
    },
    {
      name: 'VPC ingress rule with every protocol, IPv4 and IPv6',
      code: 'resource "aws_vpc_security_group_ingress_rule" "all" {\n  ip_protocol = "-1"\n  cidr_ipv4   = "0.0.0.0/0"\n}\n\nresource "aws_vpc_security_group_ingress_rule" "all6" {\n  ip_protocol = -1\n  cidr_ipv6   = "::/0"\n}\n',
      errors: [
        { range: '2:16-2:27', severity: 'error', messageIncludes: 'every port' },
        { range: '7:16-7:22', severity: 'error', data: { variable: 'allowed_ingress_ipv6_cidr' } },
      ],
      output: 'resource "aws_vpc_security_group_ingress_rule" "all" {\n  ip_protocol = "-1"\n  cidr_ipv4   = var.allowed_ingress_cidr\n}\n\nresource "aws_vpc_security_group_ingress_rule" "all6" {\n  ip_protocol = -1\n  cidr_ipv6   = "::/0"\n}\n\nvariable "allowed_ingress_cidr" {\n  description = "Network allowed to reach this rule. Keep it as narrow as the callers; never the whole internet for admin or database ports."\n  type        = string\n}\n',
    },
    {
      name: 'ICMP from anywhere opens no port: a warning',
      code: 'resource "aws_security_group_rule" "ping" {\n  type        = "ingress"\n  from_port   = -1\n  to_port     = -1\n  protocol    = "icmp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      errors: [{ range: '5:17-5:28', severity: 'warning', messageIncludes: 'accepts traffic' }],
    },
    {
      name: 'Azure standalone rule and inline security_rule',
      code: `resource "azurerm_network_security_rule" "rdp" {
  direction              = "Inbound"
  access                 = "Allow"
  protocol               = "Tcp"
  destination_port_range = "3389"
  source_address_prefix  = "Internet"
}

resource "azurerm_network_security_group" "web" {
  security_rule {
    direction               = "Inbound"
    access                  = "Allow"
    protocol                = "Tcp"
    destination_port_ranges = ["80", "443"]
    source_address_prefix   = "*"
  }
}
`,
      errors: [
        { range: '5:27-5:37', severity: 'error', messageIncludes: 'port 3389' },
        { range: '14:30-14:33', severity: 'warning', messageIncludes: 'port 80, 443' },
      ],
      output: `resource "azurerm_network_security_rule" "rdp" {
  direction              = "Inbound"
  access                 = "Allow"
  protocol               = "Tcp"
  destination_port_range = "3389"
  source_address_prefix  = var.allowed_source_address_prefix
}

resource "azurerm_network_security_group" "web" {
  security_rule {
    direction               = "Inbound"
    access                  = "Allow"
    protocol                = "Tcp"
    destination_port_ranges = ["80", "443"]
    source_address_prefix   = "*"
  }
}

variable "allowed_source_address_prefix" {
  description = "Network allowed to reach this rule. Keep it as narrow as the callers; never the whole internet for admin or database ports."
  type        = string
}
`,
    },
    {
      name: 'Azure wildcard port range is every port',
      code: 'resource "azurerm_network_security_rule" "any" {\n  direction              = "Inbound"\n  access                 = "Allow"\n  destination_port_range = "*"\n  source_address_prefix  = "0.0.0.0/0"\n}\n',
      errors: [{ range: '4:27-4:38', severity: 'error', messageIncludes: 'every port' }],
    },
    {
      name: 'Google firewall: allow without ports is every port; a later deny does not close it',
      code: 'resource "google_compute_firewall" "open" {\n  network = "default"\n  allow {\n    protocol = "tcp"\n  }\n  deny {\n    protocol = "udp"\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n',
      errors: [{ range: '8:19-8:30', severity: 'error', messageIncludes: 'every port' }],
    },
    {
      name: 'Google firewall on port 8080 only is a warning; on 5432 an error',
      code: 'resource "google_compute_firewall" "app" {\n  direction = "INGRESS"\n  allow {\n    protocol = "tcp"\n    ports    = ["8080"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n\nresource "google_compute_firewall" "db" {\n  allow {\n    protocol = "tcp"\n    ports    = ["5000-5500"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n',
      errors: [
        { range: '6:19-6:30', severity: 'warning', messageIncludes: 'port 8080' },
        { range: '14:19-14:30', severity: 'error', messageIncludes: 'port 5000-5500' },
      ],
    },
    {
      name: 'var and local from another file of the module: reported at the reference, no fix',
      path: '/work/net/main.tf',
      code: 'resource "aws_security_group" "db" {\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = [var.office]\n  }\n  ingress {\n    from_port   = 8080\n    to_port     = 8080\n    protocol    = "tcp"\n    cidr_blocks = local.everyone\n  }\n}\n',
      workspace: memoryWorkspace({
        '/work/net/main.tf': '',
        '/work/net/variables.tf': 'variable "office" {\n  default = "0.0.0.0/0"\n}\n',
        '/work/net/locals.tf': 'locals {\n  everyone = ["::/0"]\n}\n',
        '/work/other/variables.tf': 'variable "office" {\n  default = "10.0.0.0/8"\n}\n',
      }),
      errors: [
        { range: '5:19-5:29', severity: 'error', data: { literal: false } },
        { range: '11:18-11:32', severity: 'warning', data: { literal: false } },
      ],
      output: null,
    },
    {
      name: 'sensitivePorts option: 8080 configured as sensitive becomes an error',
      code: 'resource "aws_security_group_rule" "app" {\n  type        = "ingress"\n  from_port   = 8080\n  to_port     = 8080\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      settings: { rules: { 'terraform/open-security-group': { options: { sensitivePorts: ['8080'] } } } },
      errors: [{ range: '5:17-5:28', severity: 'error' }],
    },
    {
      name: 'Japanese comment keeps UTF-16 columns',
      code: 'resource "aws_security_group_rule" "app" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = [/* 全開放 */ "0.0.0.0/0"]\n}\n',
      errors: [{ range: '5:27-5:38', severity: 'error' }],
    },
  ],
});
