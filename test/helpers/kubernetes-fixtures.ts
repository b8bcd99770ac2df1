/** Minimal manifests around a container list written by the test (already indented for its place). */

/** A Deployment whose `containers:` sits at six spaces: container items start at `      - name:`. */
export const deployment = (containers: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
${containers}`;

/** A Pod whose `containers:` sits at two spaces: container items start at `  - name:`; `podLines` go before it, in `spec`. */
export const pod = (containers: string, podLines = ''): string => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${podLines}  containers:
${containers}`;

/** Any workload kind with a pod template, its `containers:` at six spaces like `deployment`. */
export const workload = (kind: string, containers: string, apiVersion = 'apps/v1'): string => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
spec:
  template:
    spec:
      containers:
${containers}`;
