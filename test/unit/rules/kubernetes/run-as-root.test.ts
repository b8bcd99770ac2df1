import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pod } from '../../../helpers/kubernetes-fixtures';
import { ruleTester } from '../../../helpers/rule-tester';
import { fixAt } from './fix-at';

/** A Pod whose spec starts at line 4; its first container's `name:` is on line 6 (or later after `podLines`). */

ruleTester('kubernetes/run-as-root', {
  valid: [
    { name: 'runAsNonRoot on the container', code: pod('  - name: app\n    securityContext:\n      runAsNonRoot: true\n') },
    { name: 'runAsNonRoot inherited from the pod', code: pod('  - name: app\n', '  securityContext:\n    runAsNonRoot: true\n') },
    { name: 'non-zero uid without runAsNonRoot', code: pod('  - name: app\n    securityContext: {runAsUser: 1000}\n') },
    { name: 'container uid overrides a root pod uid', code: pod('  - name: app\n    securityContext: {runAsUser: 1000}\n', '  securityContext:\n    runAsUser: 0\n') },
    { name: 'comment-only and empty documents', code: '# nothing here\n---\n--- # still nothing\n' },
  ],
  invalid: [
    {
      name: 'nothing set: fix adds runAsNonRoot',
      code: pod('  - name: app\n    image: app:1\n'),
      errors: [{ range: '6:4-6:13', messageIncludes: 'may run as root', data: { reason: 'unverified' } }],
      output: pod('  - name: app\n    image: app:1\n    securityContext:\n      runAsNonRoot: true\n'),
    },
    {
      name: 'container runAsNonRoot: false overrides the pod\'s true',
      code: pod('  - name: app\n    securityContext:\n      runAsNonRoot: false\n', '  securityContext:\n    runAsNonRoot: true\n'),
      errors: [{ range: '8:4-8:13' }],
      output: pod('  - name: app\n    securityContext:\n      runAsNonRoot: true\n', '  securityContext:\n    runAsNonRoot: true\n'),
    },
    {
      name: 'uid 0 from the pod: the fix also gives the container a non-root uid',
      code: pod('  - name: app\n', '  securityContext:\n    runAsUser: 0\n    runAsNonRoot: true\n'),
      errors: [{ range: '9:4-9:13', messageIncludes: 'uid 0', data: { reason: 'uid0' } }],
      output: pod('  - name: app\n    securityContext:\n      runAsNonRoot: true\n      runAsUser: 10001\n', '  securityContext:\n    runAsUser: 0\n    runAsNonRoot: true\n'),
    },
    {
      name: 'uid 0 in flow style is replaced in place',
      code: pod('  - {name: app, securityContext: {runAsUser: 0}}\n'),
      errors: [{ range: '6:5-6:14' }],
      output: pod('  - {name: app, securityContext: {runAsUser: 10001, runAsNonRoot: true}}\n'),
    },
    {
      name: 'init and ephemeral containers are checked too',
      code: pod('  - name: app\n', '  securityContext: {runAsNonRoot: true}\n  initContainers:\n  - name: init\n    securityContext: {runAsUser: 0}\n  ephemeralContainers:\n  - name: debug\n    securityContext: {runAsNonRoot: false}\n'),
      errors: [{ range: '7:4-7:14' }, { range: '10:4-10:15' }],
    },
    {
      name: 'every document of a multi-document file, and List items',
      code: `${pod('  - name: a\n')}---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  spec:\n    template:\n      spec:\n        containers:\n        - name: b\n`,
      errors: [{ range: '6:4-6:11' }, { range: '17:10-17:17' }],
    },
  ],
});

it('kubernetes/run-as-root: a securityContext shared through an alias is copied before it changes', async () => {
  const broken = pod('  - name: a\n    securityContext: &sc\n      runAsNonRoot: false\n      readOnlyRootFilesystem: true\n  - name: b\n    securityContext: *sc\n');
  assert.equal(
    await fixAt('kubernetes/run-as-root', broken, '10:4-10:11'),
    pod('  - name: a\n    securityContext: &sc\n      runAsNonRoot: false\n      readOnlyRootFilesystem: true\n  - name: b\n    securityContext:\n      runAsNonRoot: true\n      readOnlyRootFilesystem: true\n'),
  );
});
