import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI_PATH, runCli, tempRepository } from './run-cli';

const DOCKERFILE = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

interface JsonReport {
  findings: { file: string; ruleId: string; range: { start: { line: number; character: number } } }[];
  errors: { file: string; message: string }[];
}

const roots: string[] = [];
function repository(files: Record<string, string>): string {
  const root = tempRepository(files);
  roots.push(root);
  return root;
}
after(() => {
  for (const root of roots) {
    spawnSync('chmod', ['-R', 'u+rwx', root]);
    rmSync(root, { recursive: true, force: true });
  }
});

function check(root: string, args: string[] = ['.']): JsonReport & { status: number | null } {
  const run = runCli(['check', '--format', 'json', ...args], root);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  assert.equal(run.stderr.includes('internal error'), false, run.stderr);
  return { ...(JSON.parse(run.stdout) as JsonReport), status: run.status };
}

const filesWithFindings = (report: JsonReport) => [...new Set(report.findings.map((finding) => finding.file))].sort();
const errorFor = (report: JsonReport, file: string) => report.errors.find((error) => error.file === file)?.message;

describe('CLI robustness: awkward paths and files are reported and skipped, never a crash', () => {
  it('symlink loops end: a folder linking to its parent and two files linking to each other', () => {
    const root = repository({ 'app/Dockerfile': DOCKERFILE });
    symlinkSync('..', join(root, 'app', 'up'));
    symlinkSync('b.Dockerfile', join(root, 'app', 'a.Dockerfile'));
    symlinkSync('a.Dockerfile', join(root, 'app', 'b.Dockerfile'));
    const report = check(root);
    assert.equal(report.status, 1);
    assert.deepEqual(filesWithFindings(report), ['app/Dockerfile']);
    assert.match(errorFor(report, 'app/a.Dockerfile') ?? '', /ELOOP/);
    assert.match(errorFor(report, 'app/b.Dockerfile') ?? '', /ELOOP/);
  });

  it('a dangling symlink is reported; the other files are still checked', () => {
    const root = repository({ 'ok/Dockerfile': DOCKERFILE });
    symlinkSync(join(root, 'nowhere', 'Dockerfile'), join(root, 'Dockerfile'));
    const report = check(root);
    assert.match(errorFor(report, 'Dockerfile') ?? '', /ENOENT/);
    assert.deepEqual(filesWithFindings(report), ['ok/Dockerfile']);
  });

  it('a missing path given on the command line is reported, not a usage error', () => {
    const root = repository({ 'Dockerfile': DOCKERFILE });
    const report = check(root, ['Dockerfile', 'missing/Dockerfile']);
    assert.equal(report.status, 1);
    assert.ok(errorFor(report, 'missing/Dockerfile'));
  });

  it('unreadable files and folders are reported and skipped', { skip: process.platform === 'win32' && 'no POSIX permissions' }, () => {
    const root = repository({ 'readable/Dockerfile': DOCKERFILE, 'secret/Dockerfile': DOCKERFILE, 'locked/inner/Dockerfile': DOCKERFILE });
    chmodSync(root, 0o755);
    for (const folder of ['readable', 'secret', 'locked', 'locked/inner']) chmodSync(join(root, folder), 0o755);
    for (const file of ['readable/Dockerfile', 'secret/Dockerfile', 'locked/inner/Dockerfile']) chmodSync(join(root, file), 0o644);
    chmodSync(join(root, 'secret', 'Dockerfile'), 0o000);
    chmodSync(join(root, 'locked'), 0o000);
    // root reads everything, so run the CLI as an unprivileged user when the tests run as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, [CLI_PATH, 'check', '--format', 'json', '.'], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, ...asUser });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(filesWithFindings(report), ['readable/Dockerfile']);
    assert.match(errorFor(report, 'secret/Dockerfile') ?? '', /cannot be read \(EACCES\)/);
    assert.match(errorFor(report, 'locked') ?? '', /EACCES/);
  });

  it('a file that is not UTF-8 is reported and skipped; a UTF-8 BOM is fine', () => {
    const root = repository({ 'bom/Dockerfile': `\ufeff${DOCKERFILE}` });
    mkdirSync(join(root, 'latin1'));
    writeFileSync(join(root, 'latin1', 'Dockerfile'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${DOCKERFILE}`)]));
    const report = check(root);
    assert.match(errorFor(report, 'latin1/Dockerfile') ?? '', /not valid UTF-8/);
    assert.deepEqual(filesWithFindings(report), ['bom/Dockerfile']);
    const rootUser = report.findings.find((finding) => finding.ruleId === 'dockerfile/root-user');
    assert.deepEqual(rootUser?.range.start, { line: 0, character: 0 }, 'the BOM does not shift columns');
  });

  it('binary files are skipped silently', () => {
    const root = repository({ 'Dockerfile': DOCKERFILE });
    writeFileSync(join(root, 'image.Dockerfile'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const report = check(root);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(filesWithFindings(report), ['Dockerfile']);
  });

  it('a FIFO named like a Dockerfile does not block the run', { skip: process.platform === 'win32' && 'no FIFOs' }, () => {
    const root = repository({ 'Dockerfile': DOCKERFILE });
    const made = spawnSync('mkfifo', [join(root, 'pipe.Dockerfile')]);
    if (made.status !== 0) return;
    const report = check(root);
    assert.match(errorFor(report, 'pipe.Dockerfile') ?? '', /not a regular file/);
    assert.deepEqual(filesWithFindings(report), ['Dockerfile']);
  });

  it('a file over 2 MB is reported and skipped without being read', () => {
    const root = repository({ 'Dockerfile': DOCKERFILE, 'big/Dockerfile': DOCKERFILE + '#'.repeat(2 * 1024 * 1024) });
    const report = check(root);
    assert.match(errorFor(report, 'big/Dockerfile') ?? '', /larger than 2 MB/);
    assert.deepEqual(filesWithFindings(report), ['Dockerfile']);
  });

  it('paths with spaces and Unicode are checked and reported by name, in every format', () => {
    const files = { 'my app/Dockerfile': DOCKERFILE, '日本語 フォルダ/デプロイ.yaml': POD, 'émoji 🚀/Dockerfile.dev': DOCKERFILE };
    const root = repository(files);
    const report = check(root);
    assert.deepEqual(filesWithFindings(report), Object.keys(files).sort());
    const text = runCli(['check', '.'], root);
    for (const name of Object.keys(files)) assert.ok(text.stdout.includes(name), `text output names ${name}`);
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '.'], root).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0].results.map((result) => decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...new Set(uris)].sort(), Object.keys(files).sort());
  });
});
