/** Large but realistic files for the editor-latency benchmark, generated so the repo carries no fixtures. */

export function longDockerfile(lines: number): string {
  const out = ['# syntax=docker/dockerfile:1', 'FROM golang:1.22 AS build', 'WORKDIR /src'];
  for (let i = 0; out.length < lines - 6; i++) {
    out.push(`# step ${i}: fetch and build module ${i}`);
    out.push(`ENV MODULE_${i}_VERSION=1.${i}.0`);
    out.push(`RUN apt-get update && apt-get install -y --no-install-recommends pkg${i} \\`);
    out.push(`    && rm -rf /var/lib/apt/lists/*`);
    out.push(`COPY module${i}/ /src/module${i}/`);
  }
  out.push('RUN go build -o /app ./...', 'FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build /app /app', 'USER 10001', 'ENTRYPOINT ["/app"]');
  return out.join('\n') + '\n';
}

export function longManifest(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      '---', `# service ${i}`, 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: svc-${i}`, `  namespace: team-${i % 7}`, 'spec:',
      '  replicas: 3', '  selector:', '    matchLabels:', `      app: svc-${i}`, '  template:', '    metadata:', '      labels:', `        app: svc-${i}`,
      '    spec:', '      containers:', `        - name: app-${i}`, `          image: ghcr.io/example/svc-${i}:1.0.${i}`, '          resources:',
      '            requests: {cpu: 100m, memory: 128Mi}', i % 2 === 0 ? '            limits: {memory: 256Mi}' : '            limits: {}', '          ports:', '            - containerPort: 8080',
    );
  }
  return out.join('\n') + '\n';
}

export function longTerraform(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `# security group ${i}`,
      `variable "cidr_${i}" {`, '  type    = string', `  default = "10.${i % 250}.0.0/16"`, '}', '',
      `locals {`, `  port_${i} = ${1000 + i}`, '}', '',
      `resource "aws_security_group" "sg_${i}" {`, `  name   = "sg-${i}"`, '  vpc_id = var.vpc_id', '  ingress {',
      `    from_port   = local.port_${i}`, `    to_port     = local.port_${i}`, '    protocol    = "tcp"',
      i % 10 === 0 ? '    cidr_blocks = ["0.0.0.0/0"]' : `    cidr_blocks = [var.cidr_${i}]`, '  }', '  tags = { team = "platform" }', '}', '',
    );
  }
  return out.join('\n') + '\n';
}
