import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeFixed, usesOnlyCrlf, writeFileAtomic, type WriteBytes } from '../../server/src/cli/write.js';
import { lintFile } from '../../server/src/cli/lint-file.js';
import { resolveConfig } from '../../server/src/engine/index.js';
import { readPolicyFile } from '../../server/src/node/read-file.js';
import { copyFixtures, fixture, run, runJson, tempDir } from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('cli: --fix', () => {
  it('writes the fixes, reports them, keeps the mode and leaves no temporary file', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const file = path.join(dir, 'missing-sections.md');
    fs.chmodSync(file, 0o640);
    const original = fs.readFileSync(file, 'utf8');

    const r = await run(['missing-sections.md', '--fix'], { cwd: dir });
    assert.notEqual(r.code, 2, r.stderr);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notEqual(fixed, original, 'something was fixed');
    assert.match(r.stdout, /^fixed \d+ problems? in missing-sections\.md$/m);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['missing-sections.md']);
    // The remaining problems are those of the fixed text.
    const after = await runJson(['missing-sections.md'], { cwd: dir });
    const reported = await runJson(['missing-sections.md', '--fix'], {
      cwd: copyFixtures(tempDir(), ['missing-sections.md']),
    });
    assert.deepEqual(reported.json.results[0].diagnostics, after.json.results[0].diagnostics);
    assert.ok((reported.json.results[0].fixed ?? 0) > 0);
  });

  it('a second --fix changes nothing', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const file = path.join(dir, 'missing-sections.md');
    await run(['missing-sections.md', '--fix'], { cwd: dir });
    const once = fs.readFileSync(file, 'utf8');
    const second = await run(['missing-sections.md', '--fix'], { cwd: dir });
    assert.equal(fs.readFileSync(file, 'utf8'), once);
    assert.doesNotMatch(second.stdout, /^fixed /m);
  });

  it('keeps CRLF line endings', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'crlf.md');
    fs.writeFileSync(file, fixture('missing-sections.md').replace(/\n/g, '\r\n'));
    await run(['crlf.md', '--fix'], { cwd: dir });
    const fixed = fs.readFileSync(file, 'utf8');
    assert.ok(fixed.length > fixture('missing-sections.md').length, 'something was fixed');
    assert.ok(usesOnlyCrlf(fixed), 'no bare LF after fixing');
  });

  it('keeps a UTF-8 byte order mark, and lints as if it were not there', async () => {
    const dir = tempDir();
    const plain = fixture('missing-sections.md');
    fs.writeFileSync(path.join(dir, 'bom.md'), Buffer.concat([BOM, Buffer.from(plain)]));
    fs.writeFileSync(path.join(dir, 'plain.md'), plain);
    const { json } = await runJson(['bom.md', 'plain.md'], { cwd: dir });
    assert.deepEqual(json.results[0].diagnostics, json.results[1].diagnostics);
    assert.deepEqual(json.results[0].checklist, json.results[1].checklist);

    await run(['bom.md', 'plain.md', '--fix'], { cwd: dir });
    const bytes = fs.readFileSync(path.join(dir, 'bom.md'));
    assert.ok(bytes.subarray(0, 3).equals(BOM), 'BOM kept');
    assert.notEqual(bytes[3], 0xef, 'only one BOM');
    assert.equal(bytes.subarray(3).toString('utf8'), fs.readFileSync(path.join(dir, 'plain.md'), 'utf8'));
  });

  it('never touches a file it could not decode', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'latin1.md');
    const bytes = Buffer.concat([
      Buffer.from(fixture('missing-sections.md')),
      Buffer.from('Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    fs.writeFileSync(file, bytes);
    const mtime = fs.statSync(file).mtimeMs;
    const r = await run(['latin1.md', '--fix'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.ok(fs.readFileSync(file).equals(bytes));
    assert.equal(fs.statSync(file).mtimeMs, mtime);
    assert.deepEqual(fs.readdirSync(dir), ['latin1.md']);
  });

  it('with "-" prints the fixed text on stdout and the report on stderr', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const r = await run(['-', '--fix'], { cwd: dir, stdin: fixture('missing-sections.md') });
    await run(['missing-sections.md', '--fix'], { cwd: dir });
    assert.equal(r.stdout, fs.readFileSync(path.join(dir, 'missing-sections.md'), 'utf8'));
    assert.match(r.stderr, /^fixed \d+ problems? in <stdin>$/m);
    assert.match(r.stderr, /^<stdin>$/m);
  });

  it('fixes a file through a symbolic link and keeps the link', async () => {
    const dir = copyFixtures(tempDir(), { 'real/policy.md': 'missing-sections.md' });
    fs.symlinkSync(path.join('real', 'policy.md'), path.join(dir, 'link.md'));
    await run(['link.md', '--fix'], { cwd: dir });
    assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
    assert.notEqual(fs.readFileSync(path.join(dir, 'real/policy.md'), 'utf8'), fixture('missing-sections.md'));
  });
});

describe('cli: --fix and file metadata (issue 18, finding 5)', () => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const NOBODY = 65534;

  it('refuses a read-only file with a clear error and leaves it as it was', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const file = path.join(dir, 'missing-sections.md');
    const before = fs.readFileSync(file);
    fs.chmodSync(file, 0o444);
    const r = await run(['--fix', 'missing-sections.md'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /^missing-sections\.md: error: could not write the fixes: the file is read-only \(make it writable to apply fixes\); not changed$/m,
    );
    assert.deepEqual(fs.readFileSync(file), before);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('keeps hard links: every name sees the fixed text, on the same inode', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    const other = path.join(dir, 'b.md');
    fs.writeFileSync(file, 'old\n');
    fs.linkSync(file, other);
    const ino = fs.statSync(file).ino;
    writeFileAtomic(file, 'new\n');
    assert.equal(fs.readFileSync(other, 'utf8'), 'new\n');
    assert.equal(fs.statSync(file).ino, ino);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md']);
  });

  it('--fix through one of two hard links: the other name shows the fix, same inode, mode 0640 kept', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const file = path.join(dir, 'missing-sections.md');
    const other = path.join(dir, 'other-name.md');
    fs.chmodSync(file, 0o640);
    fs.linkSync(file, other);
    const before = fs.statSync(file);
    const original = fs.readFileSync(file, 'utf8');
    const r = await run(['--fix', 'missing-sections.md'], { cwd: dir });
    assert.notEqual(r.code, 2, r.stderr);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notEqual(fixed, original, 'something was fixed');
    assert.equal(fs.readFileSync(other, 'utf8'), fixed);
    const after = fs.statSync(other);
    assert.deepEqual(
      [after.ino, after.nlink, after.mode & 0o7777, after.uid, after.gid],
      [before.ino, 2, 0o640, before.uid, before.gid],
    );
    assert.deepEqual(fs.readdirSync(dir).sort(), ['missing-sections.md', 'other-name.md']);
  });

  it('run as root, keeps the owner and group of a file another user owns', function () {
    if (!isRoot) this.skip(); // needs root to create a file owned by someone else
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'old\n');
    fs.chownSync(file, NOBODY, NOBODY);
    writeFileAtomic(file, 'new\n');
    const st = fs.statSync(file);
    assert.deepEqual([st.uid, st.gid, fs.readFileSync(file, 'utf8')], [NOBODY, NOBODY, 'new\n']);
  });

  it('as a non-root user: fixes its own file, and refuses one it may not write', async function () {
    if (!isRoot) this.skip(); // dropping privileges to another user needs root
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    const own = path.join(dir, 'own.md');
    const foreign = path.join(dir, 'foreign.md');
    fs.writeFileSync(own, 'old\n');
    fs.chownSync(own, NOBODY, NOBODY);
    fs.writeFileSync(foreign, 'old\n', { mode: 0o644 });
    const url = new URL('../../server/src/cli/write.js', import.meta.url).href;
    const script =
      `process.setgid(${NOBODY}); process.setuid(${NOBODY}); const { writeFileAtomic } = await import(${JSON.stringify(url)});` +
      ` writeFileAtomic(${JSON.stringify(own)}, 'new\\n');` +
      ` try { writeFileAtomic(${JSON.stringify(foreign)}, 'new\\n'); console.log('wrote'); } catch (e) { console.log(e.code); }`;
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    assert.equal(out, 'EACCES');
    assert.equal(fs.readFileSync(own, 'utf8'), 'new\n');
    assert.equal(fs.statSync(own).uid, NOBODY);
    assert.equal(fs.readFileSync(foreign, 'utf8'), 'old\n');
  });
});

describe('cli: --fix on a full disk (issue 18, finding 8)', () => {
  /** A write call that stores `room` bytes in all, then fails as a full disk does. */
  function diskWithRoomFor(room: number): WriteBytes {
    let left = room;
    return (fd, bytes, offset, length, position) => {
      if (left <= 0)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'write',
        });
      const n = fs.writeSync(fd, bytes, offset, Math.min(length, left), position);
      left -= n;
      return n;
    };
  }

  it('a full disk during the temporary write: ENOSPC, the file untouched, nothing left behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.md');
    fs.writeFileSync(file, 'the original text\n');
    const ino = fs.statSync(file).ino;
    assert.throws(() => writeFileAtomic(file, 'a longer fixed text that does not fit\n', diskWithRoomFor(5)), {
      code: 'ENOSPC',
    });
    assert.equal(fs.readFileSync(file, 'utf8'), 'the original text\n');
    assert.equal(fs.statSync(file).ino, ino);
    assert.deepEqual(fs.readdirSync(dir), ['x.md']);
  });

  it('a full disk during the in-place rewrite of a hard-linked file: both names keep the original bytes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    const other = path.join(dir, 'b.md');
    const original = 'old text\n';
    const data = 'a much longer fixed text than the original\n';
    fs.writeFileSync(file, original);
    fs.linkSync(file, other);
    // Room for the temporary copy and part of the rewrite, not for all of it.
    assert.throws(() => writeFileAtomic(file, data, diskWithRoomFor(data.length + 12)), { code: 'ENOSPC' });
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.equal(fs.readFileSync(other, 'utf8'), original);
    assert.equal(fs.statSync(file).nlink, 2);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md']);
  });

  it('is reported as a write error naming the file, with its bytes as they were', () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const abs = path.join(dir, 'missing-sections.md');
    const before = fs.readFileSync(abs);
    const target = { display: 'missing-sections.md', abs };
    const settings = { cwd: dir, fix: true, quiet: false };
    const outcome = lintFile(
      target,
      readPolicyFile(abs),
      resolveConfig(undefined).config,
      settings,
      diskWithRoomFor(0),
    );
    assert.deepEqual(outcome.notes, [
      'missing-sections.md: error: could not write the fixes: no space left on device; not changed',
    ]);
    assert.deepEqual(outcome.errors, [
      { file: 'missing-sections.md', error: 'could not write the fixes: no space left on device; not changed' },
    ]);
    assert.deepEqual(outcome.report?.fixed, [], 'nothing is reported as fixed');
    assert.deepEqual(fs.readFileSync(abs), before);
    assert.deepEqual(fs.readdirSync(dir), ['missing-sections.md']);
  });
});

describe('cli: atomic writer', () => {
  it('replaces the content and keeps the mode', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.md');
    fs.writeFileSync(file, 'old\n');
    fs.chmodSync(file, 0o600);
    writeFileAtomic(file, 'new\n');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir), ['x.md']);
  });

  it('creates a file that does not exist yet', () => {
    const dir = tempDir();
    writeFileAtomic(path.join(dir, 'new.json'), '{}\n');
    assert.equal(fs.readFileSync(path.join(dir, 'new.json'), 'utf8'), '{}\n');
  });

  it('leaves nothing behind when it cannot write', () => {
    const dir = tempDir();
    assert.throws(() => writeFileAtomic(path.join(dir, 'no-such-dir', 'x.md'), 'x'), /ENOENT/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('encodeFixed keeps CRLF-only text CRLF and restores the BOM', () => {
    assert.equal(encodeFixed('a\r\nb\r\n', 'a\r\nnew\nb\r\n', false), 'a\r\nnew\r\nb\r\n');
    assert.equal(encodeFixed('a\nb\r\n', 'a\nnew\nb\r\n', false), 'a\nnew\nb\r\n', 'mixed endings are left alone');
    assert.equal(encodeFixed('a\n', 'b\n', true), '\uFEFFb\n');
  });
});
