// The server keeps serving while it lints a long document: the lint runs in steps and the
// event loop turns between them, so a request about another document is answered before
// the long one's diagnostics arrive; a lint that a newer version supersedes is abandoned,
// and only the newest version is published, with the same diagnostics as a fresh lint.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol';
import { CORPUS, engineLint, summarizeDiagnostics, summarizeMessages } from './expect.js';
import { fileUri, Harness } from './harness.js';

const SEEDS = readdirSync('corpus')
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(path.join('corpus', f), 'utf8'));

/** About 100,000 words: the seeds over and over. */
function longDocument(): string {
  let text = '';
  for (let i = 0; text.split(/\s+/).length < 100_000; i++) text += `${SEEDS[i % SEEDS.length]}\n\n`;
  return text;
}

describe('language server: responsive while linting a long document', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h?.stop();
  });

  it('answers a request about another document before the long document’s diagnostics', async () => {
    const small = fileUri(CORPUS[0]);
    await h.open(small, readFileSync(CORPUS[0], 'utf8'));
    await h.diagnostics(small, 1);
    const long = fileUri(path.resolve('long.policy.md'));
    const from = h.events.length;
    await h.open(long, longDocument());
    // Sent right after the open: the server is in the middle of the long lint when it arrives.
    const symbols = await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: small } });
    const answeredAt = h.events.length;
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the small document has sections');
    await h.diagnostics(long, 1, from);
    const published = h.events.slice(from).findIndex((e) => e.kind === 'diagnostics' && e.params.uri === long);
    assert.ok(
      published >= answeredAt - from,
      'the long document was published before the request about the small one was answered',
    );
  });

  it('abandons a superseded lint and publishes only the newest version, as a fresh lint would', async () => {
    const long = fileUri(path.resolve('long2.policy.md'));
    const from = h.events.length;
    await h.open(long, longDocument());
    // Change the document while its first lint runs: three versions in quick succession.
    await h.edit(long, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: 'Draft. ',
    });
    const last = await h.edit(long, {
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      newText: 'We may share data with [Partner Name].\n\n',
    });
    const final = await h.diagnostics(long, last, from);
    const versions = h.events
      .slice(from)
      .flatMap((e) => (e.kind === 'diagnostics' && e.params.uri === long ? [e.params.version] : []));
    assert.deepEqual(versions, [last], 'only the newest version is published');
    const text = h.doc(long).text;
    assert.deepEqual(
      summarizeDiagnostics(final),
      summarizeMessages(text, engineLint(text, 'long2.policy.md').messages),
    );
  });
});
