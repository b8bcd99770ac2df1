import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('kubernetes/default-namespace', {
  valid: [
    { name: 'no namespace (chosen at apply time)', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
    { name: 'own namespace', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n' },
    { name: 'a Kustomization namespace is not object metadata', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: default\n' },
  ],
  invalid: [
    {
      name: 'explicit default on any kind',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\n',
      errors: [{ range: '1:0-1:13', severity: 'info' }, { range: '7:0-7:15' }],
      output: null,
    },
  ],
});
