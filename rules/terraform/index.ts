import dbDeletionProtectionDisabled from './db-deletion-protection-disabled';
import deprecatedLambdaRuntime from './deprecated-lambda-runtime';
import eksPublicEndpoint from './eks-public-endpoint';
import hardcodedCredentials from './hardcoded-credentials';
import httpListener from './http-listener';
import iamWildcard from './iam-wildcard';
import imdsv1Enabled from './imdsv1-enabled';
import kmsKeyRotationDisabled from './kms-key-rotation-disabled';
import lambdaNoTimeoutOrMemory from './lambda-no-timeout-or-memory';
import lambdaNoTracing from './lambda-no-tracing';
import missingRequiredVersion from './missing-required-version';
import missingTags from './missing-tags';
import noBackupRetention from './no-backup-retention';
import openEgress from './open-egress';
import openSecurityGroup from './open-security-group';
import publicBucket from './public-bucket';
import publicDatabase from './public-database';
import s3VersioningDisabled from './s3-versioning-disabled';
import sensitiveVariableDefault from './sensitive-variable-default';
import singleAzDatabase from './single-az-database';
import unencryptedStorage from './unencrypted-storage';
import unpinnedProvider from './unpinned-provider';

export const terraformRules = [
  openSecurityGroup,
  openEgress,
  publicBucket,
  unencryptedStorage,
  publicDatabase,
  iamWildcard,
  hardcodedCredentials,
  missingTags,
  unpinnedProvider,
  lambdaNoTimeoutOrMemory,
  lambdaNoTracing,
  httpListener,
  singleAzDatabase,
  noBackupRetention,
  imdsv1Enabled,
  deprecatedLambdaRuntime,
  sensitiveVariableDefault,
  missingRequiredVersion,
  kmsKeyRotationDisabled,
  eksPublicEndpoint,
  s3VersioningDisabled,
  dbDeletionProtectionDisabled,
];
