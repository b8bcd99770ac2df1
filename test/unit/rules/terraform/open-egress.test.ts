import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/open-egress', {
  valid: [
    { name: 'egress on 443 only', code: 'resource "aws_security_group" "app" {\n  egress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
    { name: 'all ports to a private range', code: 'resource "aws_vpc_security_group_egress_rule" "vpc" {\n  ip_protocol = "-1"\n  cidr_ipv4   = "10.0.0.0/16"\n}\n' },
    { name: 'ingress is another rule', code: 'resource "aws_security_group_rule" "in" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n' },
    { name: 'Google egress on 443', code: 'resource "google_compute_firewall" "out" {\n  direction = "EGRESS"\n  allow {\n    protocol = "tcp"\n    ports    = ["443"]\n  }\n  destination_ranges = ["0.0.0.0/0"]\n}\n' },
  ],
  invalid: [
    {
      name: 'inline egress with protocol -1, both address families',
      code: 'resource "aws_security_group" "app" {\n  egress {\n    from_port        = 0\n    to_port          = 0\n    protocol         = "-1"\n    cidr_blocks      = ["0.0.0.0/0"]\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n',
      errors: [{ range: '5:24-5:35', severity: 'info' }, { range: '6:24-6:30', severity: 'info' }],
      output: null,
    },
    {
      name: 'rule resources and Azure outbound',
      code: 'resource "aws_security_group_rule" "out" {\n  type        = "egress"\n  from_port   = 0\n  to_port     = 65535\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n\nresource "aws_vpc_security_group_egress_rule" "all" {\n  ip_protocol = "-1"\n  cidr_ipv4   = "0.0.0.0/0"\n}\n\nresource "azurerm_network_security_rule" "out" {\n  direction                  = "Outbound"\n  access                     = "Allow"\n  destination_port_range     = "*"\n  destination_address_prefix = "Internet"\n}\n',
      errors: [{ range: '5:17-5:28' }, { range: '10:16-10:27' }, { range: '17:31-17:41' }],
    },
    {
      name: 'Google egress allowing everything',
      code: 'resource "google_compute_firewall" "out" {\n  direction = "EGRESS"\n  allow {\n    protocol = "all"\n  }\n  destination_ranges = ["0.0.0.0/0"]\n}\n',
      errors: [{ range: '5:24-5:35' }],
    },
  ],
});
