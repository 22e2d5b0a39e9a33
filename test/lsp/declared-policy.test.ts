// A document in the privacy-policy language (*.policy.md, or set by the user) is a policy
// by declaration: a short draft gets its checklist findings, not the "not a policy" note
// that the same text gets as plain Markdown.
import assert from 'node:assert/strict';
import { Harness, fileUri } from './harness.js';

const DRAFT = '# Acme\n\nWe make garden tools.\n';

describe('lsp: declared policies', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.stop();
  });

  it('lints a short privacy-policy draft as a policy', async () => {
    const uri = fileUri('/tmp/declared/acme.policy.md');
    await h.open(uri, DRAFT, 'privacy-policy');
    const codes = (await h.diagnostics(uri)).map((d) => d.code);
    assert.ok(codes.includes('children') && codes.includes('contact'), codes.join(', '));
    assert.ok(!codes.includes('not-a-policy'));
  });

  it('gives the same text as privacy Markdown only the not-a-policy note', async () => {
    const uri = fileUri('/tmp/declared/privacy-notes.md');
    await h.open(uri, DRAFT, 'markdown');
    assert.deepEqual(
      (await h.diagnostics(uri)).map((d) => d.code),
      ['not-a-policy'],
    );
  });
});
