// The CLI treats *.policy.md files as policies by declaration, as the editor does.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, tempDir } from './helpers.js';

describe('cli: declared policies', () => {
  it('lints a short *.policy.md draft as a policy, and the same text in a .md file as not one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'acme.policy.md'), '# Acme\n\nWe make garden tools.\n');
    writeFileSync(join(dir, 'acme.md'), '# Acme\n\nWe make garden tools.\n');
    const { json } = await runJson(['acme.policy.md', 'acme.md'], { cwd: dir });
    const [declared, plain] = json.results;
    assert.equal(declared.looksLikePolicy, true);
    assert.ok(declared.diagnostics.some((d) => d.ruleId === 'children'));
    assert.equal(plain.looksLikePolicy, false);
    assert.deepEqual(
      plain.diagnostics.map((d) => d.ruleId),
      ['not-a-policy'],
    );
  });
});
