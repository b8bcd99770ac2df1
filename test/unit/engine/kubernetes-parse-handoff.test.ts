import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../../rules';
import { Engine } from '../../../server/src/engine/engine';
import { parseKubernetes } from '../../../server/src/engine/kubernetes/parse';
import { KubernetesParseHandoff } from '../../../server/src/engine/kubernetes/parse-handoff';
import { memoryWorkspace } from '../../helpers/engine';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n';

describe('Kubernetes parse handoff', () => {
  it('hands a parse on once, and only for exactly the text it was made from', () => {
    const handoff = new KubernetesParseHandoff();
    const parsed = parseKubernetes('/m/service.yaml', SERVICE);
    handoff.offer(parsed);
    assert.equal(handoff.take('/m/service.yaml', `${SERVICE}# edited\n`), undefined);
    assert.equal(handoff.take('/m/service.yaml', SERVICE), parsed);
    assert.equal(handoff.take('/m/service.yaml', SERVICE), undefined, 'taken once');
  });

  it('keeps at most its budget of source characters, dropping the oldest first', () => {
    const handoff = new KubernetesParseHandoff(SERVICE.length * 2);
    for (const name of ['a', 'b', 'c']) handoff.offer(parseKubernetes(`/m/${name}.yaml`, SERVICE));
    assert.equal(handoff.take('/m/a.yaml', SERVICE), undefined);
    assert.ok(handoff.take('/m/b.yaml', SERVICE));
    assert.ok(handoff.take('/m/c.yaml', SERVICE));
  });

  it('a one-shot lint that reuses a neighbour\'s summary parse finds what a fresh parse finds, with the workspace attached', async () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n';
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n';
    const files = { '/m/a-service.yaml': SERVICE, '/m/b-deployment.yaml': deployment, '/m/c-policy.yaml': policy };
    const oneShot = await Engine.create({ rules: allRules });
    const fresh = await Engine.create({ rules: allRules });
    try {
      const lintAll = (engine: Engine, workspace: ReturnType<typeof memoryWorkspace> | undefined) =>
        Object.entries(files).map(([path, text]) => engine.lint({ path, text, ...(workspace ? { workspace } : {}) }).findings.map((finding) => `${finding.ruleId}@${finding.range.start.line}`).sort());
      // Linting the Service summarises the Deployment; the Deployment's own lint then takes that parse.
      const reused = lintAll(oneShot, memoryWorkspace(files));
      const expected = Object.entries(files).map(([path, text]) => fresh.lint({ path, text, version: 1, workspace: memoryWorkspace(files) }).findings.map((finding) => `${finding.ruleId}@${finding.range.start.line}`).sort());
      assert.deepEqual(reused, expected);
      assert.ok(reused[0].includes('kubernetes/service-selects-nothing@5'), `the Service's selector matches no pod: ${reused[0].join(', ')}`);
      // The Deployment's lint took the parse made for the Service's scope; with its workspace it sees the NetworkPolicy.
      assert.ok(!reused[1].some((finding) => finding.startsWith('kubernetes/no-network-policy')), reused[1].join(', '));
    } finally {
      oneShot.dispose();
      fresh.dispose();
    }
  });
});
