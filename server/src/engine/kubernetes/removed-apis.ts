/**
 * Built-in API versions that current Kubernetes no longer serves, per kind, from the upstream deprecation
 * guide. Custom groups are absent on purpose: only their own operators know their lifecycles.
 */
export interface RemovedApi {
  /** The apiVersion to move to, or undefined when the API was removed without a successor. */
  replacement: string | undefined;
  /** What to use instead when there is no successor apiVersion. */
  alternative?: string;
  removedIn: string;
  /**
   * `same`: only the apiVersion changes. `selector`: the same once `spec.selector` is written out (apps/v1
   * requires it). `changed`: fields were renamed or restructured, so a person must migrate the object.
   */
  schema: 'same' | 'selector' | 'changed';
}

type KindTable = Record<string, RemovedApi>;

const same = (replacement: string, removedIn: string): RemovedApi => ({ replacement, removedIn, schema: 'same' });
const selector = (replacement: string, removedIn: string): RemovedApi => ({ replacement, removedIn, schema: 'selector' });
const changed = (replacement: string, removedIn: string): RemovedApi => ({ replacement, removedIn, schema: 'changed' });
const gone = (alternative: string, removedIn: string): RemovedApi => ({ replacement: undefined, alternative, removedIn, schema: 'changed' });

const RBAC: KindTable = Object.fromEntries(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'RoleList', 'ClusterRoleList', 'RoleBindingList', 'ClusterRoleBindingList']
  .map((kind) => [kind, same('rbac.authorization.k8s.io/v1', '1.22')]));

const FLOW_CONTROL = (removedIn: string): KindTable => ({
  FlowSchema: changed('flowcontrol.apiserver.k8s.io/v1', removedIn),
  PriorityLevelConfiguration: changed('flowcontrol.apiserver.k8s.io/v1', removedIn),
});

/** Removed group/versions; `*` covers kinds of that version not listed (the whole version is gone). */
export const REMOVED_APIS: Record<string, KindTable> = {
  'extensions/v1beta1': {
    Deployment: selector('apps/v1', '1.16'),
    DaemonSet: selector('apps/v1', '1.16'),
    ReplicaSet: selector('apps/v1', '1.16'),
    NetworkPolicy: same('networking.k8s.io/v1', '1.16'),
    PodSecurityPolicy: gone('Pod Security Admission', '1.16'),
    Ingress: changed('networking.k8s.io/v1', '1.22'),
    '*': gone('apps/v1, networking.k8s.io/v1, policy/v1', '1.22'),
  },
  'apps/v1beta1': {
    Deployment: selector('apps/v1', '1.16'),
    StatefulSet: selector('apps/v1', '1.16'),
    ReplicaSet: selector('apps/v1', '1.16'),
    ControllerRevision: same('apps/v1', '1.16'),
    '*': gone('apps/v1', '1.16'),
  },
  'apps/v1beta2': {
    Deployment: selector('apps/v1', '1.16'),
    StatefulSet: selector('apps/v1', '1.16'),
    DaemonSet: selector('apps/v1', '1.16'),
    ReplicaSet: selector('apps/v1', '1.16'),
    ControllerRevision: same('apps/v1', '1.16'),
    '*': gone('apps/v1', '1.16'),
  },
  'batch/v1beta1': { CronJob: same('batch/v1', '1.25'), '*': gone('batch/v1', '1.25') },
  'batch/v2alpha1': { CronJob: same('batch/v1', '1.21'), '*': gone('batch/v1', '1.21') },
  'networking.k8s.io/v1beta1': {
    Ingress: changed('networking.k8s.io/v1', '1.22'),
    IngressClass: same('networking.k8s.io/v1', '1.22'),
    '*': gone('networking.k8s.io/v1', '1.22'),
  },
  'policy/v1beta1': {
    PodDisruptionBudget: same('policy/v1', '1.25'),
    PodSecurityPolicy: gone('Pod Security Admission', '1.25'),
    '*': gone('policy/v1', '1.25'),
  },
  'storage.k8s.io/v1beta1': {
    StorageClass: same('storage.k8s.io/v1', '1.22'),
    VolumeAttachment: same('storage.k8s.io/v1', '1.22'),
    CSIDriver: same('storage.k8s.io/v1', '1.22'),
    CSINode: same('storage.k8s.io/v1', '1.22'),
    CSIStorageCapacity: same('storage.k8s.io/v1', '1.27'),
    '*': gone('storage.k8s.io/v1', '1.27'),
  },
  'rbac.authorization.k8s.io/v1beta1': { ...RBAC, '*': gone('rbac.authorization.k8s.io/v1', '1.22') },
  'rbac.authorization.k8s.io/v1alpha1': { ...RBAC, '*': gone('rbac.authorization.k8s.io/v1', '1.22') },
  'admissionregistration.k8s.io/v1beta1': {
    MutatingWebhookConfiguration: changed('admissionregistration.k8s.io/v1', '1.22'),
    ValidatingWebhookConfiguration: changed('admissionregistration.k8s.io/v1', '1.22'),
    '*': gone('admissionregistration.k8s.io/v1', '1.22'),
  },
  'apiextensions.k8s.io/v1beta1': { CustomResourceDefinition: changed('apiextensions.k8s.io/v1', '1.22'), '*': gone('apiextensions.k8s.io/v1', '1.22') },
  'apiregistration.k8s.io/v1beta1': { APIService: same('apiregistration.k8s.io/v1', '1.22'), '*': gone('apiregistration.k8s.io/v1', '1.22') },
  'authentication.k8s.io/v1beta1': { TokenReview: same('authentication.k8s.io/v1', '1.22'), '*': gone('authentication.k8s.io/v1', '1.22') },
  'authorization.k8s.io/v1beta1': {
    SubjectAccessReview: changed('authorization.k8s.io/v1', '1.22'),
    LocalSubjectAccessReview: changed('authorization.k8s.io/v1', '1.22'),
    SelfSubjectAccessReview: same('authorization.k8s.io/v1', '1.22'),
    SelfSubjectRulesReview: same('authorization.k8s.io/v1', '1.22'),
    '*': gone('authorization.k8s.io/v1', '1.22'),
  },
  'certificates.k8s.io/v1beta1': { CertificateSigningRequest: changed('certificates.k8s.io/v1', '1.22'), '*': gone('certificates.k8s.io/v1', '1.22') },
  'coordination.k8s.io/v1beta1': { Lease: same('coordination.k8s.io/v1', '1.22'), '*': gone('coordination.k8s.io/v1', '1.22') },
  'scheduling.k8s.io/v1beta1': { PriorityClass: same('scheduling.k8s.io/v1', '1.22'), '*': gone('scheduling.k8s.io/v1', '1.22') },
  'scheduling.k8s.io/v1alpha1': { PriorityClass: same('scheduling.k8s.io/v1', '1.22'), '*': gone('scheduling.k8s.io/v1', '1.22') },
  'events.k8s.io/v1beta1': { Event: changed('events.k8s.io/v1', '1.25'), '*': gone('events.k8s.io/v1', '1.25') },
  'autoscaling/v2beta1': { HorizontalPodAutoscaler: changed('autoscaling/v2', '1.25'), '*': gone('autoscaling/v2', '1.25') },
  'autoscaling/v2beta2': { HorizontalPodAutoscaler: same('autoscaling/v2', '1.26'), '*': gone('autoscaling/v2', '1.26') },
  'discovery.k8s.io/v1beta1': { EndpointSlice: changed('discovery.k8s.io/v1', '1.25'), '*': gone('discovery.k8s.io/v1', '1.25') },
  'node.k8s.io/v1beta1': { RuntimeClass: same('node.k8s.io/v1', '1.25'), '*': gone('node.k8s.io/v1', '1.25') },
  'node.k8s.io/v1alpha1': { RuntimeClass: changed('node.k8s.io/v1', '1.22'), '*': gone('node.k8s.io/v1', '1.22') },
  'flowcontrol.apiserver.k8s.io/v1beta1': { ...FLOW_CONTROL('1.26'), '*': gone('flowcontrol.apiserver.k8s.io/v1', '1.26') },
  'flowcontrol.apiserver.k8s.io/v1beta2': { ...FLOW_CONTROL('1.29'), '*': gone('flowcontrol.apiserver.k8s.io/v1', '1.29') },
  'flowcontrol.apiserver.k8s.io/v1beta3': { ...FLOW_CONTROL('1.32'), '*': gone('flowcontrol.apiserver.k8s.io/v1', '1.32') },
  'settings.k8s.io/v1alpha1': { '*': gone('MutatingWebhookConfiguration', '1.20') },
};

export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  const table = Object.hasOwn(REMOVED_APIS, apiVersion.trim()) ? REMOVED_APIS[apiVersion.trim()] : undefined;
  return table ? (Object.hasOwn(table, kind) ? table[kind] : undefined) ?? table['*'] : undefined;
}
