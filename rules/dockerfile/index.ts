import addInsteadOfCopy from './add-instead-of-copy';
import addRemoteUrl from './add-remote-url';
import aptCacheNotCleaned from './apt-cache-not-cleaned';
import aptNoInstallRecommends from './apt-no-install-recommends';
import aptUpdateAlone from './apt-update-alone';
import cacheBustingCopy from './cache-busting-copy';
import cdInRun from './cd-in-run';
import copyFromUnknownStage from './copy-from-unknown-stage';
import curlPipeShell from './curl-pipe-shell';
import missingDockerignore from './missing-dockerignore';
import missingHealthcheck from './missing-healthcheck';
import missingPipefail from './missing-pipefail';
import noMultiStage from './no-multi-stage';
import pipNoCacheDir from './pip-no-cache-dir';
import rootUser from './root-user';
import secretBuildArg from './secret-build-arg';
import secretInEnv from './secret-in-env';
import shellFormEntrypoint from './shell-form-entrypoint';
import sshPortExposed from './ssh-port-exposed';
import sudo from './sudo';
import unpinnedBaseImage from './unpinned-base-image';

export const dockerfileRules = [
  noMultiStage,
  rootUser,
  unpinnedBaseImage,
  aptCacheNotCleaned,
  aptNoInstallRecommends,
  addInsteadOfCopy,
  cacheBustingCopy,
  missingHealthcheck,
  secretInEnv,
  curlPipeShell,
  shellFormEntrypoint,
  sudo,
  cdInRun,
  sshPortExposed,
  missingDockerignore,
  missingPipefail,
  aptUpdateAlone,
  addRemoteUrl,
  copyFromUnknownStage,
  pipNoCacheDir,
  secretBuildArg,
];
