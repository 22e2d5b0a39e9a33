// `policylint init` and the law profiles: --profile, the guess from a draft, the question on a terminal.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli.js';
import { parseConfigText } from '../../server/src/engine/index.js';
import { run, runJson, tempDir } from './helpers.js';

const DRAFT = [
  '# Privacy Policy',
  '',
  'We collect the email address you give us to send you receipts.',
  '',
  'Visitors from the European Union may ask us for a copy of their data.',
  '',
  'California residents may also ask what we have shared.',
  '',
].join('\n');

/** The `extends` of the config init wrote in `dir`, checked to validate. */
function writtenExtends(dir: string): unknown {
  const text = fs.readFileSync(path.join(dir, '.policylintrc.json'), 'utf8');
  const parsed = parseConfigText(text, '.policylintrc.json');
  assert.deepEqual(parsed.errors, []);
  return parsed.data?.extends;
}

/** Runs init in-process as on a terminal: each question is answered from `answers` (undefined: end of input). */
async function initOnTerminal(dir: string, argv: string[], answers: (string | undefined)[]) {
  const questions: string[] = [];
  let stdout = '';
  let stderr = '';
  const code = await main(['init', ...argv], {
    cwd: dir,
    env: {},
    stdin: '',
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    ask: async (q) => {
      questions.push(q);
      return answers.shift();
    },
  });
  return { code, stdout, stderr, questions };
}

describe('cli: init with profiles', () => {
  it('writes --profile into extends', async () => {
    const dir = tempDir();
    const r = await run(['init', '--profile', 'recommended,gdpr,coppa'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(writtenExtends(dir), ['recommended', 'gdpr', 'coppa']);
    assert.match(r.stdout, /"extends": \["recommended","gdpr","coppa"\]/);
  });

  it('refuses an unknown --profile and writes nothing', async () => {
    const dir = tempDir();
    const r = await run(['init', '--profile', 'recommended,gpdr'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown profile "gpdr"/);
    assert.ok(!fs.existsSync(path.join(dir, '.policylintrc.json')));
  });

  it('guesses the profiles from a draft, saying where it read each', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
    const r = await run(['init', 'draft.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(writtenExtends(dir), ['recommended', 'gdpr', 'ccpa']);
    assert.match(r.stdout, /^draft\.md:5: speaks of .*: the gdpr profile$/m);
    assert.match(r.stdout, /^draft\.md:7: speaks of .*: the ccpa profile$/m);
    // The config written makes the suggestion go away.
    const lint = await runJson(['draft.md'], { cwd: dir });
    assert.equal(lint.json.results[0].diagnostics.filter((d) => d.ruleId === 'suggest-profile').length, 0);
  });

  it('reads the draft from standard input with "-"', async () => {
    const dir = tempDir();
    const r = await run(['init', '-'], { cwd: dir, stdin: 'Children under 13 play our games with a parent.\n' });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(writtenExtends(dir), ['recommended', 'coppa']);
  });

  it('keeps recommended alone for a draft that names no law, and says so', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'draft.md'),
      '# Privacy Policy\n\nWe keep your email address until you close your account.\n',
    );
    const r = await run(['init', 'draft.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(writtenExtends(dir), 'recommended');
    assert.match(r.stdout, /names none of the laws/);
  });

  it('lets --profile win over the guess, noting what it leaves out', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
    const r = await run(['init', 'draft.md', '--profile', 'recommended,gdpr'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(writtenExtends(dir), ['recommended', 'gdpr']);
    assert.match(r.stdout, /--profile leaves out ccpa/);
  });

  it('reports a draft it cannot read and writes nothing', async () => {
    const dir = tempDir();
    const r = await run(['init', 'gone.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^gone\.md: error: /m);
    assert.ok(!fs.existsSync(path.join(dir, '.policylintrc.json')));
  });

  it('takes at most one draft', async () => {
    const r = await run(['init', 'a.md', 'b.md'], { cwd: tempDir() });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /at most one draft/);
  });

  it('never asks when not on a terminal', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
    // run() gives the CLI its own stdout: not a terminal, so there is nothing to ask with.
    const r = await run(['init', 'draft.md'], { cwd: dir });
    assert.ok(!/Which laws/.test(r.stdout));
  });

  describe('on a terminal', () => {
    it('asks which laws apply, offering the guess, and takes the answer', async () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
      const r = await initOnTerminal(dir, ['draft.md'], ['gdpr, uk-gdpr']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.questions.length, 1);
      assert.match(r.questions[0], /Which laws .*\(Enter: gdpr, ccpa\)/);
      assert.deepEqual(writtenExtends(dir), ['recommended', 'gdpr', 'uk-gdpr']);
    });

    it('takes the guess on Enter, none on "none", and the guess at end of input', async () => {
      for (const [answer, want] of [
        ['', ['recommended', 'gdpr', 'ccpa']],
        ['none', 'recommended'],
        [undefined, ['recommended', 'gdpr', 'ccpa']],
      ] as const) {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
        const r = await initOnTerminal(dir, ['draft.md'], [answer]);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(writtenExtends(dir), want, String(answer));
      }
    });

    it('asks again after an unknown name', async () => {
      const dir = tempDir();
      const r = await initOnTerminal(dir, [], ['ccpa, hipaa', 'ccpa']);
      assert.equal(r.questions.length, 2);
      assert.match(r.stdout, /unknown profile "hipaa"/);
      assert.match(r.questions[0], /\(Enter: none\)/);
      assert.deepEqual(writtenExtends(dir), ['recommended', 'ccpa']);
    });

    it('does not ask when --profile is given, nor when the config exists', async () => {
      const dir = tempDir();
      const given = await initOnTerminal(dir, ['--profile', 'recommended,lgpd'], ['gdpr']);
      assert.equal(given.questions.length, 0);
      assert.deepEqual(writtenExtends(dir), ['recommended', 'lgpd']);
      const again = await initOnTerminal(dir, [], ['gdpr']);
      assert.equal(again.code, 2);
      assert.equal(again.questions.length, 0);
      assert.deepEqual(writtenExtends(dir), ['recommended', 'lgpd']);
    });
  });
});
