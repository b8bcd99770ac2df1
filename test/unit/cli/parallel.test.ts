import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FileJob } from '../../../server/src/cli/check';
import { MIN_FILES_FOR_WORKERS, partitionJobs, threadCount } from '../../../server/src/cli/parallel';
import { runCli, tempRepository } from './run-cli';

const CORPUS = resolve(__dirname, '../../..', '../shared/corpus');
const MULTI_CORE = availableParallelism() >= 2;
const NEEDS_CORES = MULTI_CORE ? false : 'needs at least 2 cores for a worker thread';

function job(path: string): FileJob {
  return { file: path, path, settings: {} };
}

describe('infracoach check: sharing files out to worker threads', () => {
  it('partitions keep each folder in one group, cover every file once and balance the bytes', () => {
    const sizes: Record<string, number> = { '/a/1.tf': 500, '/a/2.tf': 500, '/b/x.yaml': 400, '/c/Dockerfile': 300, '/c/d/e.tf': 200, '/b/y.yaml': 100 };
    const jobs = Object.keys(sizes).map(job);
    const groups = partitionJobs(jobs, 2, (path) => sizes[path]);
    assert.equal(groups.length, 2);
    const indexes = groups.flat().map((entry) => entry.index).sort((a, b) => a - b);
    assert.deepEqual(indexes, jobs.map((_job, index) => index));
    const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
    for (const folder of ['/a', '/b', '/c', '/c/d']) {
      const holding = groups.filter((group) => group.some(({ job: { path } }) => folderOf(path) === folder));
      assert.equal(holding.length, 1, `folder ${folder} is split`);
    }
    const bytes = groups.map((group) => group.reduce((sum, { job: { path } }) => sum + sizes[path], 0));
    assert.deepEqual(bytes.sort((a, b) => a - b), [1000, 1000]);
    // Each group keeps the original order, so the outcomes can be put back in place.
    for (const group of groups) assert.deepEqual(group.map((entry) => entry.index), [...group.map((entry) => entry.index)].sort((a, b) => a - b));
  });

  it('uses one thread for small runs, for --fix and when INFRACOACH_THREADS=1; never more than the cores', () => {
    assert.equal(threadCount(MIN_FILES_FOR_WORKERS - 1, { fix: false }, {}), 1);
    assert.equal(threadCount(5000, { fix: true }, {}), 1);
    assert.equal(threadCount(5000, { fix: false }, { INFRACOACH_THREADS: '1' }), 1);
    assert.equal(threadCount(5000, { fix: false }, {}), availableParallelism());
    assert.equal(threadCount(5000, { fix: false }, { INFRACOACH_THREADS: '64' }), availableParallelism());
  });

  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** Folders of Dockerfiles, manifests and modules whose findings depend on their neighbours, and files that cannot be checked. */
  function generatedRepository(): string {
    const files: Record<string, string> = {};
    for (let folder = 0; folder < 12; folder++) {
      const base = `apps/app${folder}`;
      files[`${base}/Dockerfile`] = `FROM node:${folder % 2 ? '20' : 'latest'}\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\nCMD node /app/index.js\n`;
      files[`${base}/deploy.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${folder}\nspec:\n  template:\n    metadata:\n      labels:\n        app: app${folder}\n    spec:\n      containers:\n        - name: app\n          image: app:${folder}\n`;
      files[`${base}/service.yaml`] = `apiVersion: v1\nkind: Service\nmetadata:\n  name: app${folder}\nspec:\n  selector:\n    app: ${folder % 3 ? `app${folder}` : 'nobody'}\n  ports:\n    - port: 80\n`;
      files[`${base}/variables.tf`] = `variable "cidr" {\n  default = "${folder % 2 ? '10.0.0.0/8' : '0.0.0.0/0'}"\n}\n`;
      files[`${base}/main.tf`] = `resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.cidr]\n  }\n}\n`;
    }
    files['apps/app3/.infracoach.yaml'] = 'rules:\n  no-such-rule: off\nexclude:\n  - main.tf\n';
    files['apps/app4/broken.tf'] = 'resource "aws_s3_bucket" "b" {\n  bucket = \n';
    const root = tempRepository(files);
    writeFileSync(join(root, 'apps/app5/binary.tf'), Buffer.from([0x72, 0x00, 0x01]));
    writeFileSync(join(root, 'apps/app6/latin1.yaml'), Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    roots.push(root);
    return root;
  }

  function assertSameBothWays(cwd: string, args: string[]): void {
    const sequential = runCli(args, cwd, { INFRACOACH_THREADS: '1' });
    const threaded = runCli(args, cwd, { INFRACOACH_THREADS: '2' });
    assert.equal(sequential.stderr, '');
    assert.equal(threaded.stderr, '');
    assert.ok(sequential.status === 0 || sequential.status === 1, `exit ${sequential.status}`);
    assert.equal(threaded.status, sequential.status);
    assert.ok(sequential.stdout.length > 0);
    assert.equal(threaded.stdout, sequential.stdout);
  }

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format} output of a generated repository is byte-identical with one thread and with two`, { skip: NEEDS_CORES }, () => {
      const root = generatedRepository();
      assertSameBothWays(root, ['check', '.', '--format', format]);
    });
  }

  it('the whole corpus gives the same JSON with one thread and with two', { skip: NEEDS_CORES || (existsSync(CORPUS) ? false : `${CORPUS} is absent`) }, () => {
    assertSameBothWays(resolve(CORPUS, '..'), ['check', 'corpus', '--format', 'json']);
  });
});
