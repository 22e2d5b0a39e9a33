import assert from 'node:assert/strict';
import { formatElapsed, statusText } from '../../client/src/status-text.js';

describe('client: status text', () => {
  it('shows coverage and the last lint time', () => {
    const s = statusText({ present: 12, total: 16, elapsedMs: 14.3 });
    assert.equal(s.text, 'Checklist 12/16 · 14 ms');
    assert.equal(s.incomplete, true);
    assert.match(s.detail, /12 of 16 checklist items present, 4 to go; the last lint took 14 ms/);
  });

  it('is complete when every item is present', () => {
    const s = statusText({ present: 16, total: 16, elapsedMs: 3 });
    assert.equal(s.text, 'Checklist 16/16 · 3.0 ms');
    assert.equal(s.incomplete, false);
    assert.doesNotMatch(s.detail, /to go/);
  });

  it('shows the counts per profile when the server sends them', () => {
    const s = statusText({ present: 8, total: 24, grouped: 'Checklist 7/14 · GDPR 4/10 · CCPA 4/7', elapsedMs: 14.3 });
    assert.equal(s.text, 'Checklist 7/14 · GDPR 4/10 · CCPA 4/7 · 14 ms');
    assert.match(s.detail, /8 of 24 checklist items present, 16 to go \(Checklist 7\/14 · GDPR 4\/10 · CCPA 4\/7\)/);
  });

  it('says when a document has not been linted yet or has no checklist', () => {
    assert.equal(statusText(undefined).text, 'Checklist …');
    assert.equal(statusText({ present: 0, total: 0, elapsedMs: 2 }).text, 'Checklist – · 2.0 ms');
  });

  it('formats durations for people', () => {
    assert.equal(formatElapsed(0.2), '<1 ms');
    assert.equal(formatElapsed(9.96), '10 ms');
    assert.equal(formatElapsed(2.44), '2.4 ms');
    assert.equal(formatElapsed(250.4), '250 ms');
    assert.equal(formatElapsed(1234), '1.2 s');
    assert.equal(formatElapsed(Number.NaN), '? ms');
    assert.equal(formatElapsed(-1), '? ms');
  });
});
