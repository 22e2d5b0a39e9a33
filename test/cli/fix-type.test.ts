// --fix-type: --fix alone applies safe text fixes and never inserts a section;
// --fix --fix-type section inserts missing sections in each document style and line ending
// (placed, numbered and styled as the engine and the server place them), once; CR-only
// files keep their endings and are reported at the same lines as the server reports them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKLIST_IDS, LAW_ITEM_IDS, lint, resolveConfig } from '../../server/src/engine/index.js';
import { checkInsertion, LINE_ENDINGS, STYLE_CASES, withEol } from '../engine/styles.js';
import { run, runJson, tempDir } from './helpers.js';

/** Every rule, with the other items' presence rules off: only the case's section is missing. */
const ONLY_SHARING = JSON.stringify({
  extends: 'all',
  rules: Object.fromEntries(
    [...CHECKLIST_IDS, ...LAW_ITEM_IDS].filter((id) => id !== 'sharing').map((id) => [id, 'off']),
  ),
});

function draft(text: string, config = ONLY_SHARING): { dir: string; file: string } {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '.policylintrc.json'), config);
  const file = path.join(dir, 'draft.policy.md');
  fs.writeFileSync(file, text);
  return { dir, file };
}

describe('cli: --fix-type', () => {
  for (const c of STYLE_CASES) {
    for (const [eolName, eol] of LINE_ENDINGS) {
      it(`${c.name}, ${eolName}: --fix --fix-type section inserts the section in place, once; --fix alone inserts nothing`, async () => {
        const text = withEol(c.text, eol);
        const { dir, file } = draft(text);
        const plain = await run(['draft.policy.md', '--fix'], { cwd: dir });
        assert.notEqual(plain.code, 2, plain.stderr);
        assert.equal(fs.readFileSync(file, 'utf8'), text, '--fix alone inserted something');
        assert.match(plain.stdout, /missing sections? can be inserted with --fix --fix-type section|fixed/);

        const r = await run(['draft.policy.md', '--fix', '--fix-type', 'section'], { cwd: dir });
        assert.notEqual(r.code, 2, r.stderr);
        const fixed = fs.readFileSync(file, 'utf8');
        assert.equal(checkInsertion(c, text, fixed), undefined);
        const breaks = fixed.match(/\r\n|\r|\n/g) ?? [];
        assert.ok(
          breaks.every((b) => b === eol),
          `line endings mixed: ${JSON.stringify([...new Set(breaks)])}`,
        );
        await run(['draft.policy.md', '--fix', '--fix-type', 'safe,section'], { cwd: dir });
        assert.equal(fs.readFileSync(file, 'utf8'), fixed, 'a second run changes nothing');
      });
    }
  }

  it('refuses an unknown type, and --fix-type without --fix', async () => {
    const bad = await run(['x.md', '--fix', '--fix-type', 'sections']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fix-type expects safe, section/);
    const alone = await run(['x.md', '--fix-type', 'section']);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--fix-type needs --fix/);
  });

  it('JSON marks section insertions as insertable, not fixable', async () => {
    const { dir } = draft(STYLE_CASES[0].text);
    const { json } = await runJson(['draft.policy.md'], { cwd: dir });
    const sharing = json.results[0].diagnostics.find((d) => d.ruleId === 'sharing') as {
      fixable: boolean;
      insertable?: boolean;
    };
    assert.equal(sharing.fixable, false);
    assert.equal(sharing.insertable, true);
  });

  it('CR-only: --fix keeps lone CRs, and findings are reported at the lines the server counts', async () => {
    const text =
      '# Privacy Policy\r\rLast updated: March 1, 2024\r\r## Security\r\rWe protect data in transit with SSL encryption.\r\r## Contact Us\r\r[Company Name] answers at privacy@harbour-notes.test.\r';
    const { dir, file } = draft(text, JSON.stringify({ extends: 'all' }));
    const { json } = await runJson(['draft.policy.md'], { cwd: dir });
    const placeholder = json.results[0].diagnostics.find((d) => d.ruleId === 'no-placeholders')!;
    // Line 11 as LSP and every editor count lines (a lone CR ends one).
    assert.deepEqual([placeholder.line, placeholder.column], [11, 1]);
    const engine = lint(text, { config: resolveConfig({ extends: 'all' }).config, assumePolicy: true }).messages.find(
      (m) => m.ruleId === 'no-placeholders',
    )!;
    assert.deepEqual([engine.range.start.line, engine.range.start.column], [11, 1]);
    const r = await run(['draft.policy.md', '--fix', '--fix-type', 'safe,section'], { cwd: dir });
    assert.notEqual(r.code, 2, r.stderr);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.match(fixed, /with TLS encryption/);
    assert.ok(fixed.length > text.length + 100, 'sections were inserted');
    assert.equal(fixed.includes('\n'), false, 'a lone CR file got a LF');
  });
});
