import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kubernetesRules } from '../../../../rules/kubernetes';
import { testEngine } from '../../../helpers/engine';
import { applyEdits } from '../../../../server/src/engine/text';
import { treeWorkspace } from './tree-workspace';

/** Inputs that are valid YAML but odd Kubernetes, or not YAML at all: no rule may throw, and every fix must apply. */
const ODD_INPUTS: Record<string, string> = {
  empty: '',
  'only separators and comments': '---\n--- # nothing\n# just a comment\n---\n',
  'a scalar document': 'just text\n',
  'a top-level list': '- apiVersion: v1\n  kind: Pod\n',
  'kind is a number': 'apiVersion: v1\nkind: 5\nspec: {containers: [{name: a}]}\n',
  'containers is a scalar': 'apiVersion: v1\nkind: Pod\nspec:\n  containers: 5\n',
  'container items that are not mappings': 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [1, null, "x", [a]]\n',
  'null everywhere': 'apiVersion: v1\nkind: Pod\nmetadata:\nspec:\n  securityContext:\n  containers:\n  - name:\n    env:\n    - name:\n      value:\n    ports:\n    - containerPort:\n    securityContext:\n      capabilities:\n        drop:\n',
  'broken YAML': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n   image: [unclosed\n',
  'Helm template': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n      {{- range .Values.containers }}\n      - name: {{ .name }}\n      {{- end }}\n',
  'self-referencing merge': 'x: &a\n  <<: *a\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - <<: *a\n    name: c\n',
  'duplicate keys': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    name: b\n    securityContext: {}\n    securityContext: {privileged: true}\n',
  'List with odd items': 'apiVersion: v1\nkind: List\nitems:\n- 1\n- {kind: Deployment}\n- {apiVersion: apps/v1, kind: Deployment, spec: {template: {spec: {containers: [{name: a}]}}}}\n',
  'Service selector with odd values': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: [a], tier: null, n: 1}\n',
  'Role with odd rules': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules: [null, 1, {verbs: "*"}, {resources: [null]}]\n',
  'tabs and CRLF': 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: "x\tlatest"\r\n',
};

describe('kubernetes rules on odd input', () => {
  for (const [name, text] of Object.entries(ODD_INPUTS)) {
    it(name, async () => {
      const engine = await testEngine();
      const path = '/work/odd/manifest.yaml';
      const workspace = treeWorkspace({ [path]: text, '/work/odd/sub/other.yaml': text });
      const result = engine.lint({ path, text, workspace });
      assert.deepEqual(result.ruleErrors.map((error) => `${error.ruleId}: ${String(error.error)}`), []);
      for (const finding of result.findings.filter((candidate) => candidate.ruleId.startsWith('kubernetes/'))) {
        const fix = engine.fix({ path, text, workspace }, finding);
        if (fix) assert.doesNotThrow(() => applyEdits(text, fix.edits), `${finding.ruleId} fix applies`);
      }
    });
  }

  it('Helm templates produce no Kubernetes findings at all', async () => {
    const engine = await testEngine();
    const findings = engine.lint({ path: '/work/chart/deployment.yaml', text: ODD_INPUTS['Helm template'] }).findings;
    assert.deepEqual(findings.filter((finding) => finding.ruleId.startsWith('kubernetes/')), []);
  });

  it('non-Kubernetes YAML produces nothing', async () => {
    const engine = await testEngine();
    const compose = 'services:\n  web:\n    image: nginx:latest\n    privileged: true\n    environment:\n      DB_PASSWORD: hunter2\n';
    const workflow = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n    - uses: actions/checkout@v4\n';
    for (const text of [compose, workflow]) {
      assert.deepEqual(engine.lint({ path: '/work/compose.yaml', text }).findings.filter((finding) => finding.ruleId.startsWith('kubernetes/')), []);
    }
  });

  it('every Kubernetes rule has an id, a skill and messages', () => {
    assert.equal(kubernetesRules.length, 26);
    assert.equal(new Set(kubernetesRules.map((rule) => rule.id)).size, kubernetesRules.length);
  });
});
