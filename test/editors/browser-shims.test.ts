// The web-worker server's stand-ins for node:fs, node:url and Buffer (scripts/browser-shims):
// the in-memory file system read the way the shared file reader reads (open, fstat, read in
// chunks, close), a missing file failing as ENOENT, files replaced and deleted; Buffer's
// chunk operations; pathToFileURL giving back a virtual file's URI.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// Plain .mjs modules without types: loaded by path from the repository root (where mocha runs).
const load = (name: string): Promise<any> => import(pathToFileURL(path.resolve('scripts/browser-shims', name)).href);

describe('web extension: browser shims', () => {
  let fs: any;
  let url: any;
  let Buffer: any;
  before(async () => {
    fs = await load('fs.mjs');
    url = await load('url.mjs');
    ({ Buffer } = await load('buffer.mjs'));
  });

  /** Reads a file as read-file.ts does: open, fstat, readSync in chunks of `chunk` bytes, close. */
  function readLikeTheReader(file: string, chunk: number): { size: number; isFile: boolean; text: string } {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const stat = fs.fstatSync(fd);
      const parts: Uint8Array[] = [];
      for (;;) {
        const buf = Buffer.allocUnsafe(chunk);
        const n = fs.readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        parts.push(buf.subarray(0, n));
      }
      return { size: stat.size, isFile: stat.isFile(), text: Buffer.concat(parts).toString('utf8') };
    } finally {
      fs.closeSync(fd);
    }
  }

  it('reads a file it was given, in chunks, with its size', () => {
    const text = '{ "rules": { "cookies": "off" } } // é\n';
    fs.setVirtualFile('/vfs/host/a/.policylintrc.json', text);
    const read = readLikeTheReader('/vfs/host/a/.policylintrc.json', 5);
    assert.equal(read.text, text);
    assert.equal(read.size, new TextEncoder().encode(text).length);
    assert.equal(read.isFile, true);
    assert.equal(fs.readFileSync('/vfs/host/a/.policylintrc.json', 'utf8'), text);
    assert.equal(fs.existsSync('/vfs/host/a/.policylintrc.json'), true);
  });

  it('fails on a missing file the way Node does (ENOENT), and knows the folders of its files', () => {
    fs.setVirtualFile('/vfs/host/b/x/.policylintrc.json', '{}');
    for (const call of [
      () => fs.openSync('/vfs/host/b/.policylintrc.json'),
      () => fs.statSync('/vfs/host/nothing'),
      () => fs.readFileSync('/vfs/host/b/y'),
    ]) {
      assert.throws(call, (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
    }
    assert.equal(fs.existsSync('/vfs/host/b/.policylintrc.json'), false);
    assert.equal(fs.existsSync('/vfs/host/b/x'), true);
    assert.equal(fs.statSync('/vfs/host/b').isDirectory(), true);
    assert.equal(fs.statSync('/vfs/host/b').isFile(), false);
    assert.throws(
      () => fs.fstatSync(9999),
      (err: NodeJS.ErrnoException) => err.code === 'EBADF',
    );
  });

  it('replaces a file and deletes it (null)', () => {
    const file = '/vfs/host/c/.policylintrc.jsonc';
    fs.setVirtualFile(file, 'first');
    fs.setVirtualFile(file, new TextEncoder().encode('second, longer'));
    assert.equal(readLikeTheReader(file, 64).text, 'second, longer');
    fs.setVirtualFile(file, null);
    assert.equal(fs.existsSync(file), false);
    assert.throws(
      () => fs.openSync(file),
      (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
    );
    assert.equal(fs.existsSync('/vfs/host/c'), false);
  });

  it('gives back the URI a virtual file was sent as (also after it is deleted), a file: URL otherwise', () => {
    const uri = 'vscode-vfs://github/owner/repo/.policylintrc.json';
    fs.setVirtualFile('/vscode-vfs/github/owner/repo/.policylintrc.json', '{}', uri);
    assert.equal(url.pathToFileURL('/vscode-vfs/github/owner/repo/.policylintrc.json').href, uri);
    fs.setVirtualFile('/vscode-vfs/github/owner/repo/.policylintrc.json', null);
    assert.equal(url.pathToFileURL('/vscode-vfs/github/owner/repo/.policylintrc.json').href, uri);
    assert.equal(url.pathToFileURL('/some/other file.json').href, 'file:///some/other%20file.json');
  });

  it('Buffer: UTF-8 byte lengths, concat to a total, text back', () => {
    assert.equal(Buffer.byteLength('aé€😀', 'utf8'), 1 + 2 + 3 + 4);
    const joined = Buffer.concat([Buffer.from('ab'), Buffer.from('cdé')], 4);
    assert.equal(joined.length, 4);
    assert.equal(joined.toString('utf8'), 'abcd');
    assert.equal(Buffer.concat([Buffer.from('x'), Buffer.from('é')]).toString(), 'xé');
    assert.ok(Buffer.isBuffer(Buffer.allocUnsafe(3).subarray(1)));
    assert.throws(() => Buffer.from('x', 'utf16le'), /UTF-8 only/);
  });
});
