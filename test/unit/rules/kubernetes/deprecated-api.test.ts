import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('kubernetes/deprecated-api', {
  valid: [
    { name: 'current versions', code: 'apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\n' },
    { name: 'custom groups are not ours to judge', code: 'apiVersion: monitoring.coreos.com/v1beta1\nkind: AlertmanagerConfig\n' },
    { name: 'kustomize configuration', code: 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n' },
    { name: 'Helm template', code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: {{ .Release.Name }}\n' },
  ],
  invalid: [
    {
      name: 'StorageClass v1beta1: same schema, fix changes apiVersion',
      code: 'kind: StorageClass\napiVersion: storage.k8s.io/v1beta1  # old\nmetadata:\n  name: fast\nprovisioner: kubernetes.io/aws-ebs\n',
      errors: [{ range: '0:0-0:18', severity: 'error', messageIncludes: 'Change apiVersion to storage.k8s.io/v1', data: { replacement: 'storage.k8s.io/v1' } }],
      output: 'kind: StorageClass\napiVersion: storage.k8s.io/v1  # old\nmetadata:\n  name: fast\nprovisioner: kubernetes.io/aws-ebs\n',
    },
    {
      name: 'CronJob batch/v1beta1 with CRLF',
      code: 'apiVersion: batch/v1beta1\r\nkind: CronJob\r\nmetadata:\r\n  name: nightly\r\n',
      errors: [{ range: '1:0-1:13' }],
      output: 'apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata:\r\n  name: nightly\r\n',
    },
    {
      name: 'extensions Deployment with a selector is fixable',
      code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nspec:\n  selector:\n    matchLabels: {app: web}\n',
      errors: [{ range: '1:0-1:16', messageIncludes: 'apps/v1' }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels: {app: web}\n',
    },
    {
      name: 'extensions DaemonSet without a selector needs a migration: no fix',
      code: 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nspec:\n  template: {}\n',
      errors: [{ range: '1:0-1:15', messageIncludes: 'some fields changed' }],
      output: null,
    },
    {
      name: 'Ingress changed its backend fields: no fix',
      code: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\n',
      errors: [{ range: '1:0-1:13', messageIncludes: 'networking.k8s.io/v1' }],
      output: null,
    },
    {
      name: 'PodSecurityPolicy has no successor API',
      code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\n',
      errors: [{ range: '1:0-1:23', messageIncludes: 'Pod Security Admission' }],
      output: null,
    },
    {
      name: 'RBAC v1beta1 inside a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1beta1\n  kind: ClusterRole\n  rules: []\n',
      errors: [{ range: '4:2-4:19' }],
      output: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  rules: []\n',
    },
  ],
});
