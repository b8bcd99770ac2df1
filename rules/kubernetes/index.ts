import capabilitiesNotDropped from './capabilities-not-dropped';
import clusterAdminBinding from './cluster-admin-binding';
import defaultNamespace from './default-namespace';
import deprecatedApi from './deprecated-api';
import dockerSocketMount from './docker-socket-mount';
import hostNamespace from './host-namespace';
import hostPathVolume from './host-path-volume';
import hostPort from './host-port';
import imageLatestTag from './image-latest-tag';
import missingLivenessProbe from './missing-liveness-probe';
import missingReadinessProbe from './missing-readiness-probe';
import missingResourceLimits from './missing-resource-limits';
import missingResourceRequests from './missing-resource-requests';
import missingSeccompProfile from './missing-seccomp-profile';
import noNetworkPolicy from './no-network-policy';
import privilegeEscalation from './privilege-escalation';
import privilegedContainer from './privileged-container';
import rbacWildcard from './rbac-wildcard';
import runAsRoot from './run-as-root';
import secretInEnv from './secret-in-env';
import selectorMismatch from './selector-mismatch';
import serviceExposed from './service-exposed';
import serviceSelectsNothing from './service-selects-nothing';
import singleReplica from './single-replica';
import sshPort from './ssh-port';
import writableRootFilesystem from './writable-root-filesystem';

/** Every Kubernetes rule, in catalog order: resources, security, reliability, then rules that look across files. */
export const kubernetesRules = [
  missingResourceLimits,
  missingResourceRequests,
  runAsRoot,
  privilegedContainer,
  privilegeEscalation,
  writableRootFilesystem,
  capabilitiesNotDropped,
  missingSeccompProfile,
  hostNamespace,
  hostPathVolume,
  dockerSocketMount,
  hostPort,
  sshPort,
  secretInEnv,
  imageLatestTag,
  missingLivenessProbe,
  missingReadinessProbe,
  singleReplica,
  defaultNamespace,
  selectorMismatch,
  deprecatedApi,
  rbacWildcard,
  clusterAdminBinding,
  serviceExposed,
  serviceSelectsNothing,
  noNetworkPolicy,
];
