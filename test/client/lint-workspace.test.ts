import assert from 'node:assert/strict';
import { batches, decodeText, lintWorkspace, summaryMessage, uniqueFiles } from '../../client/src/lint-workspace.js';
import type { FileRef, LintWorkspaceDeps } from '../../client/src/lint-workspace.js';
import type { LintDocumentsParams, LintDocumentsResult } from '../../server/src/protocol.js';

const enc = (s: string) => new TextEncoder().encode(s);

function files(n: number): FileRef[] {
  return Array.from({ length: n }, (_, i) => ({ uri: `file:///w/p${i}.policy.md`, label: `p${i}.policy.md` }));
}

/** Deps over an in-memory workspace; the server answers with a count derived from the text. */
function fakeDeps(found: FileRef[], contents: Map<string, Uint8Array | Error>, over: Partial<LintWorkspaceDeps> = {}) {
  const sent: LintDocumentsParams['documents'][] = [];
  const progress: string[] = [];
  const log: string[] = [];
  const deps: LintWorkspaceDeps = {
    findFiles: async () => found,
    readFile: async (f) => {
      const c = contents.get(f.uri);
      if (c instanceof Error) throw c;
      return c ?? enc('# Privacy Policy\n');
    },
    lintBatch: async (documents): Promise<LintDocumentsResult> => {
      sent.push(documents);
      return {
        results: documents.map((d) => ({
          uri: d.uri,
          errors: (d.text.match(/TODO/g) ?? []).length,
          warnings: (d.text.match(/SSL/g) ?? []).length,
          infos: 0,
          looksLikePolicy: /privacy/i.test(d.text),
        })),
      };
    },
    progress: (done, total) => progress.push(`${done}/${total}`),
    isCancelled: () => false,
    log: (l) => log.push(l),
    ...over,
  };
  return { deps, sent, progress, log };
}

describe('client: Lint Workspace', () => {
  it('sends 45 files in batches of 20 and reports n/N after each batch', async () => {
    const { deps, sent, progress } = fakeDeps(files(45), new Map());
    const s = await lintWorkspace(deps);
    assert.deepEqual(
      sent.map((b) => b.length),
      [20, 20, 5],
    );
    assert.deepEqual(progress, ['0/45', '20/45', '40/45', '45/45']);
    assert.equal(s.found, 45);
    assert.equal(s.linted, 45);
    assert.equal(s.cancelled, false);
    assert.equal(sent.flat().length, new Set(sent.flat().map((d) => d.uri)).size, 'no file twice');
  });

  it('counts errors and warnings from the server and names what it skipped', async () => {
    const fs = files(4);
    const contents = new Map<string, Uint8Array | Error>([
      [fs[0].uri, enc('# Privacy\nTODO TODO and SSL\n')],
      [fs[1].uri, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])],
      [fs[2].uri, new Error('EACCES: permission denied')],
      [fs[3].uri, enc('# Shopping list\n')],
    ]);
    const { deps, sent, log } = fakeDeps(fs, contents);
    const s = await lintWorkspace(deps);
    assert.deepEqual(
      sent.flat().map((d) => d.uri),
      [fs[0].uri, fs[3].uri],
    );
    assert.deepEqual(
      {
        errors: s.errors,
        warnings: s.warnings,
        skipped: s.skipped,
        linted: s.linted,
        notPolicies: s.notPolicies,
        withFindings: s.withFindings,
      },
      {
        errors: 2,
        warnings: 1,
        skipped: 2,
        linted: 2,
        notPolicies: 1,
        withFindings: 1,
      },
    );
    assert.ok(
      log.some((l) => l.startsWith('Skipped p1.policy.md:') && /binary/.test(l)),
      log.join('\n'),
    );
    assert.ok(
      log.some((l) => l.startsWith('Skipped p2.policy.md:') && /EACCES/.test(l)),
      log.join('\n'),
    );
    assert.ok(
      log.some((l) => l.startsWith('p3.policy.md does not read like a privacy policy')),
      log.join('\n'),
    );
    const msg = summaryMessage(s, ['**/*.policy.md']);
    assert.equal(
      msg.text,
      'policylint: linted 2 files: 2 errors, 1 warning; 2 files skipped (see the output); 1 file did not read like a privacy policy.',
    );
    assert.equal(msg.severity, 'warning');
  });

  it('uses the unsaved text of open documents instead of the disk', async () => {
    const fs = files(2);
    const { deps, sent } = fakeDeps(fs, new Map([[fs[0].uri, new Error('must not be read')]]), {
      openText: (f) => (f.uri === fs[0].uri ? '# Privacy (edited, unsaved) TODO' : undefined),
    });
    const s = await lintWorkspace(deps);
    assert.equal(sent[0][0].text, '# Privacy (edited, unsaved) TODO');
    assert.equal(s.errors, 1);
    assert.equal(s.skipped, 0);
  });

  it('stops at the next batch when cancelled and says how far it got', async () => {
    let cancelled = false;
    const { deps, sent, progress } = fakeDeps(files(50), new Map(), {
      progress: (done, total) => {
        progress.push(`${done}/${total}`);
        if (done === 20) cancelled = true;
      },
      isCancelled: () => cancelled,
    });
    const s = await lintWorkspace(deps);
    assert.deepEqual(
      sent.map((b) => b.length),
      [20],
    );
    assert.deepEqual(progress, ['0/50', '20/50']);
    assert.equal(s.cancelled, true);
    assert.equal(
      summaryMessage(s, []).text,
      'policylint: Lint Workspace cancelled after 20 of 50 files: 0 errors, 0 warnings.',
    );
  });

  it('stops with an error naming the files when the server fails', async () => {
    const { deps } = fakeDeps(files(3), new Map(), {
      lintBatch: async () => Promise.reject(new Error('connection closed')),
    });
    const s = await lintWorkspace(deps);
    assert.match(s.failure!, /failed to lint p0\.policy\.md, p1\.policy\.md, p2\.policy\.md: connection closed/);
    const msg = summaryMessage(s, []);
    assert.equal(msg.severity, 'error');
    assert.match(msg.text, /stopped after 0 files/);
  });

  it('logs the files the server could not lint', async () => {
    const { deps, log } = fakeDeps(files(1), new Map(), {
      lintBatch: async (docs) => ({
        results: docs.map((d) => ({
          uri: d.uri,
          errors: 0,
          warnings: 0,
          infos: 0,
          looksLikePolicy: false,
          problem: 'rule x threw',
        })),
      }),
    });
    const s = await lintWorkspace(deps);
    assert.equal(s.problems, 1);
    assert.deepEqual(log, ['Could not lint p0.policy.md: rule x threw']);
  });

  it('counts the files the server says are ignored apart, not as linted or as problems', async () => {
    const { deps, log } = fakeDeps(files(2), new Map(), {
      lintBatch: async (docs) => ({
        results: docs.map((d, i) => ({
          uri: d.uri,
          errors: 0,
          warnings: 0,
          infos: 0,
          looksLikePolicy: true,
          ...(i === 0 ? { ignored: 'the pattern "p0*" at /w/.policylintignore:1' } : {}),
        })),
      }),
    });
    const s = await lintWorkspace(deps);
    assert.deepEqual([s.linted, s.ignored, s.problems, s.skipped], [1, 1, 0, 0]);
    assert.deepEqual(log, ['Ignored p0.policy.md: the pattern "p0*" at /w/.policylintignore:1.']);
    const msg = summaryMessage(s, ['**/*.policy.md']);
    assert.equal(msg.severity, 'info');
    assert.match(msg.text, /linted 1 file: .*; 1 file ignored \(\.policylintignore, \.gitignore or "ignores"\)\.$/);
  });

  it('says so when there is nothing to lint', async () => {
    const { deps, sent } = fakeDeps([], new Map());
    const s = await lintWorkspace(deps);
    assert.equal(sent.length, 0);
    const msg = summaryMessage(s, ['**/*privacy*.md']);
    assert.equal(msg.severity, 'warning');
    assert.match(msg.text, /no policy files found in the workspace \(policylint\.files: \*\*\/\*privacy\*\.md\)/);
  });

  it('lints a file found by two workspace folders once', async () => {
    const [a] = files(1);
    const { deps, sent } = fakeDeps([a, { ...a, label: 'nested/p0.policy.md' }], new Map());
    const s = await lintWorkspace(deps);
    assert.equal(s.found, 1);
    assert.equal(sent.flat().length, 1);
    assert.deepEqual(uniqueFiles([a, a]), [a]);
  });

  it('splits into batches and rejects a batch size below 1', () => {
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(batches([], 20), []);
    assert.throws(() => batches([1], 0), /at least 1/);
  });

  it('decodes UTF-8 and UTF-16 text and refuses binary or broken bytes', () => {
    assert.deepEqual(decodeText(enc('\uFEFFPrivacy “Policy”')), { text: 'Privacy “Policy”' });
    const le = new Uint8Array([0xff, 0xfe, 0x50, 0x00, 0x6f, 0x00]);
    assert.deepEqual(decodeText(le), { text: 'Po' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x50, 0x00, 0x6f]);
    assert.deepEqual(decodeText(be), { text: 'Po' });
    assert.match((decodeText(new Uint8Array([0x50, 0x00, 0x51])) as { problem: string }).problem, /binary/);
    assert.match((decodeText(new Uint8Array([0x50, 0xc3, 0x28])) as { problem: string }).problem, /not valid UTF-8/);
  });
});
