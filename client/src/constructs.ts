/**
 * Which skill topic a line of a Dockerfile, Kubernetes manifest or Terraform file is about, for "Explain this
 * skill" on a line without a finding. First match wins, so specific constructs come before general ones.
 * No `vscode` import, so it is unit-tested under node.
 */

export type ConstructLanguage = 'dockerfile' | 'yaml' | 'terraform';

export interface Construct {
  language: ConstructLanguage;
  pattern: RegExp;
  /** A topic id from the engine's TOPICS (a unit test checks it). */
  topic: string;
  /** A line the pattern recognises; the unit test runs every example. */
  example: string;
}

const yamlKey = (keys: string) => new RegExp(`^\\s*(?:-\\s+)?(?:${keys})\\s*:`);
const hclName = (names: string) => new RegExp(`^\\s*(?:${names})\\s*(?:=|\\{)`);
const hclResource = (types: string) => new RegExp(`^\\s*(?:resource|data)\\s+"(?:${types})"`);

export const CONSTRUCTS: readonly Construct[] = [
  // Dockerfile
  { language: 'dockerfile', pattern: /^\s*FROM\s+\S+\s+AS\s+\S+/i, topic: '4.1.1#multi-stage-builds', example: 'FROM golang:1.22 AS build' },
  { language: 'dockerfile', pattern: /^\s*COPY\s+(?:--\S+\s+)*--from=/i, topic: '4.1.1#multi-stage-builds', example: 'COPY --from=build /out/app /app' },
  { language: 'dockerfile', pattern: /^\s*FROM\b/i, topic: '4.1.1#image-pinning', example: 'FROM node:20' },
  { language: 'dockerfile', pattern: /^\s*USER\b/i, topic: '4.4.1#least-privilege', example: 'USER 10001' },
  { language: 'dockerfile', pattern: /^\s*HEALTHCHECK\b/i, topic: '4.1.1#health-probes', example: 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1' },
  { language: 'dockerfile', pattern: /^\s*(?:ARG|ENV)\s+\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i, topic: '4.4.1#secrets-management', example: 'ARG NPM_TOKEN' },
  { language: 'dockerfile', pattern: /^\s*RUN\b.*--mount=type=secret/i, topic: '4.4.1#secrets-management', example: 'RUN --mount=type=secret,id=npmrc npm ci' },
  { language: 'dockerfile', pattern: /^\s*RUN\b.*\b(?:curl|wget)\b.*\|\s*(?:ba|z)?sh\b/i, topic: '4.4.1#supply-chain', example: 'RUN curl -fsSL https://example.com/install.sh | sh' },
  { language: 'dockerfile', pattern: /^\s*ADD\s+(?:--\S+\s+)*https?:/i, topic: '4.4.1#supply-chain', example: 'ADD https://example.com/tool.tar.gz /tmp/' },
  { language: 'dockerfile', pattern: /^\s*EXPOSE\b/i, topic: '4.4.1#network-exposure', example: 'EXPOSE 8080' },
  { language: 'dockerfile', pattern: /^\s*(?:RUN|COPY|ADD)\b/i, topic: '4.1.1#layer-hygiene', example: 'RUN apt-get update && apt-get install -y curl' },
  // Kubernetes YAML
  { language: 'yaml', pattern: yamlKey('resources|limits|requests|memory|cpu'), topic: '4.1.1#requests-and-limits', example: '        resources:' },
  { language: 'yaml', pattern: yamlKey('livenessProbe|readinessProbe|startupProbe'), topic: '4.1.1#health-probes', example: '        livenessProbe:' },
  { language: 'yaml', pattern: yamlKey('runAsNonRoot|runAsUser|runAsGroup|allowPrivilegeEscalation|serviceAccountName|automountServiceAccountToken'), topic: '4.4.1#least-privilege', example: '          runAsNonRoot: true' },
  { language: 'yaml', pattern: yamlKey('securityContext|privileged|readOnlyRootFilesystem|capabilities|seccompProfile|hostNetwork|hostPID|hostIPC|hostPath'), topic: '4.4.1#container-isolation', example: '        securityContext:' },
  { language: 'yaml', pattern: yamlKey('image|imagePullPolicy'), topic: '4.1.1#image-pinning', example: '      - image: nginx:latest' },
  { language: 'yaml', pattern: /^\s*kind:\s*Secret\b|^\s*(?:-\s+)?(?:secretKeyRef|secretName|secretRef)\s*:/, topic: '4.4.1#secrets-management', example: '              secretKeyRef:' },
  { language: 'yaml', pattern: /^\s*kind:\s*NetworkPolicy\b|^\s*(?:-\s+)?(?:podSelector|policyTypes|namespaceSelector)\s*:/, topic: '4.4.2#segmentation', example: 'kind: NetworkPolicy' },
  { language: 'yaml', pattern: /^\s*kind:\s*(?:Ingress|Gateway)\b|^\s*type:\s*(?:LoadBalancer|NodePort)\b/, topic: '4.4.1#network-exposure', example: '  type: LoadBalancer' },
  { language: 'yaml', pattern: /^\s*kind:\s*(?:PodDisruptionBudget|HorizontalPodAutoscaler)\b|^\s*(?:-\s+)?(?:replicas|topologySpreadConstraints|podAntiAffinity|minAvailable|maxUnavailable)\s*:/, topic: '4.5.1#availability', example: '  replicas: 3' },
  { language: 'yaml', pattern: yamlKey('strategy|terminationGracePeriodSeconds|lifecycle|preStop|restartPolicy|backoffLimit'), topic: '4.1.1#workload-reliability', example: '      terminationGracePeriodSeconds: 30' },
  // Terraform
  { language: 'terraform', pattern: hclName('tracing_config|xray_tracing_enabled'), topic: '4.5.2#tracing', example: '  tracing_config {' },
  { language: 'terraform', pattern: hclResource('aws_lambda_function') , topic: '4.1.2#function-configuration', example: 'resource "aws_lambda_function" "api" {' },
  { language: 'terraform', pattern: hclName('timeout|memory_size|reserved_concurrent_executions|dead_letter_config'), topic: '4.1.2#function-configuration', example: '  memory_size = 256' },
  { language: 'terraform', pattern: hclName('ingress|egress|security_rule|allow|deny'), topic: '4.4.1#network-exposure', example: '  ingress {' },
  { language: 'terraform', pattern: hclName('cidr_blocks|ipv6_cidr_blocks|cidr_ipv4|cidr_ipv6|source_ranges|source_address_prefix|source_address_prefixes|from_port|to_port'), topic: '4.4.1#network-exposure', example: '    cidr_blocks = ["0.0.0.0/0"]' },
  { language: 'terraform', pattern: hclName('publicly_accessible|associate_public_ip_address|map_public_ip_on_launch'), topic: '4.4.1#network-exposure', example: '  publicly_accessible = true' },
  { language: 'terraform', pattern: hclResource('aws_security_group|aws_security_group_rule|aws_vpc_security_group_ingress_rule|aws_vpc_security_group_egress_rule|azurerm_network_security_group|azurerm_network_security_rule|google_compute_firewall'), topic: '4.4.1#network-exposure', example: 'resource "aws_security_group" "web" {' },
  { language: 'terraform', pattern: hclName('encrypted|storage_encrypted|kms_key_id|kms_master_key_id|sse_algorithm|server_side_encryption_configuration|encryption_configuration|kms_key_arn'), topic: '4.4.1#encryption', example: '  storage_encrypted = true' },
  { language: 'terraform', pattern: hclResource('aws_s3_bucket_server_side_encryption_configuration|aws_kms_key'), topic: '4.4.1#encryption', example: 'resource "aws_kms_key" "data" {' },
  { language: 'terraform', pattern: hclName('password|master_password|secret_key|access_key|token|api_key|client_secret'), topic: '4.4.1#secrets-management', example: '  password = "hunter2"' },
  { language: 'terraform', pattern: hclResource('aws_iam_policy|aws_iam_role_policy|aws_iam_user_policy|aws_iam_policy_document|aws_iam_role'), topic: '4.4.1#least-privilege', example: 'data "aws_iam_policy_document" "read" {' },
  { language: 'terraform', pattern: hclName('actions|not_actions|principals|Action|Principal') , topic: '4.4.1#least-privilege', example: '    actions = ["s3:*"]' },
  { language: 'terraform', pattern: hclName('tags|default_tags'), topic: '4.1.3#tagging', example: '  tags = {' },
  { language: 'terraform', pattern: hclName('required_version|required_providers|version'), topic: '4.2.2#version-pinning', example: '  required_version = ">= 1.6"' },
  { language: 'terraform', pattern: hclName('multi_az|availability_zones|availability_zone|zone_redundant'), topic: '4.5.1#availability', example: '  multi_az = true' },
  { language: 'terraform', pattern: hclName('acl|block_public_acls|block_public_policy|ignore_public_acls|restrict_public_buckets|deletion_protection|backup_retention_period|versioning|skip_final_snapshot'), topic: '4.1.3#managed-service-settings', example: '  acl = "public-read"' },
];

const DOCKERFILE_NAME = /(?:^|[\\/])(?:Dockerfile|Containerfile)(?:\.[^\\/]*)?$|\.(?:Dockerfile|Containerfile)$/i;

export function constructLanguage(languageId: string, fileName: string): ConstructLanguage | undefined {
  if (languageId === 'dockerfile' || DOCKERFILE_NAME.test(fileName)) return 'dockerfile';
  if (languageId === 'yaml' || /\.ya?ml$/i.test(fileName)) return 'yaml';
  if (languageId === 'terraform' || languageId === 'hcl' || /\.tf(?:vars)?$/i.test(fileName)) return 'terraform';
  return undefined;
}

export function topicForLine(language: ConstructLanguage, line: string): string | undefined {
  return CONSTRUCTS.find((construct) => construct.language === language && construct.pattern.test(line))?.topic;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/**
 * The topic of the line at `index`, else of the construct it belongs to: the instruction a Dockerfile
 * continuation line continues, or the enclosing YAML key / HCL block (up to a few levels up).
 */
export function topicAt(language: ConstructLanguage, lines: readonly string[], index: number): string | undefined {
  const line = lines[index];
  if (line === undefined) return undefined;
  const direct = topicForLine(language, line);
  if (direct) return direct;
  if (language === 'dockerfile') {
    let start = index;
    while (start > 0 && /\\\s*$/.test(lines[start - 1])) start--;
    return start === index ? undefined : topicForLine(language, lines[start]);
  }
  let indent = line.trim() === '' ? Number.POSITIVE_INFINITY : indentOf(line);
  let parents = 0;
  for (let i = index - 1; i >= 0 && parents < 4 && indent > 0; i--) {
    const candidate = lines[i];
    if (candidate.trim() === '' || /^\s*#/.test(candidate)) continue;
    if (indentOf(candidate) >= indent) continue;
    indent = indentOf(candidate);
    parents++;
    const topic = topicForLine(language, candidate);
    if (topic) return topic;
  }
  return undefined;
}
