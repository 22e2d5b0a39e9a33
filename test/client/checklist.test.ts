import assert from 'node:assert/strict';
import {
  checklistMessage,
  checklistNodes,
  checklistSummary,
  escapeMarkdown,
  formatFacts,
  GROUP_NODE,
  MISSING_INSERTABLE,
} from '../../client/src/checklist-model.js';
import { ChecklistStore } from '../../client/src/checklist-store.js';
import type { ChecklistItemInfo, ChecklistResponse } from '../../server/src/protocol.js';

const URI = 'file:///w/privacy.md';

function item(over: Partial<ChecklistItemInfo> & Pick<ChecklistItemInfo, 'id' | 'status'>): ChecklistItemInfo {
  return { title: over.id, facts: {}, coverage: { covered: 3, total: 5 }, required: true, insertable: false, ...over };
}

function response(items: ChecklistItemInfo[], over: Partial<ChecklistResponse> = {}): ChecklistResponse {
  const present = items.filter((i) => i.status === 'present').length;
  return { uri: URI, version: 1, looksLikePolicy: true, items, present, total: items.length, elapsedMs: 5, ...over };
}

const range = { start: { line: 41, character: 0 }, end: { line: 41, character: 30 } };

describe('client: checklist view model', () => {
  const resp = response([
    item({
      id: 'children',
      title: "Children's privacy",
      status: 'present',
      range,
      evidence: 'We do not knowingly collect data from children under 13.',
      section: 'Children',
      facts: { ages: [{ age: 13, range }] },
    }),
    item({
      id: 'effective-date',
      title: 'Effective date',
      status: 'incomplete',
      reason: 'The heading has no date under it.',
      range,
    }),
    item({ id: 'contact', title: 'Contact', status: 'missing', insertable: true, coverage: { covered: 4, total: 5 } }),
    item({
      id: 'do-not-track',
      title: 'Do Not Track',
      status: 'missing',
      required: false,
      insertable: true,
      coverage: { covered: 1, total: 5 },
    }),
  ]);
  const nodes = checklistNodes(resp);

  it('makes one row per item, in the server order, with stable ids', () => {
    assert.deepEqual(
      nodes.map((n) => n.itemId),
      ['children', 'effective-date', 'contact', 'do-not-track'],
    );
    assert.deepEqual(
      nodes.map((n) => n.id),
      nodes.map((n) => `${URI}#${n.itemId}`),
    );
    assert.equal(nodes[0].label, "Children's privacy");
  });

  it('shows the state as an icon and the status with the evidence as the description', () => {
    assert.deepEqual(
      nodes.map((n) => n.icon.id),
      ['pass', 'warning', 'error', 'circle-large-outline'],
    );
    assert.equal(nodes[0].description, 'present · “We do not knowingly collect data from children under 13.”');
    assert.equal(nodes[1].description, 'incomplete · The heading has no date under it.');
    assert.equal(nodes[2].description, 'missing');
    assert.equal(nodes[3].description, 'missing (optional)');
  });

  it('shortens long evidence to one line', () => {
    const long = checklistNodes(
      response([item({ id: 'use', status: 'present', evidence: `We use\n  ${'information '.repeat(20)}` })]),
    )[0];
    assert.ok(long.description.length <= 'present · '.length + 82, long.description);
    assert.match(long.description, /^present · “We use information .*…”$/);
  });

  it('puts facts, section, coverage and the evidence line in the tooltip', () => {
    const t = nodes[0].tooltip;
    assert.match(t, /\*\*Children's privacy\*\* — present/);
    assert.match(t, /Section: Children/);
    assert.match(t, /Evidence \(line 42\):/);
    assert.match(t, /- ages: 13/);
    assert.match(t, /Sample policies: in 3 of 5/);
    assert.match(nodes[1].tooltip, /The heading has no date under it\\\./);
    assert.match(nodes[3].tooltip, /Not required by the active profile/);
  });

  it('reveals the evidence on click, and offers insertion for missing insertable items only', () => {
    assert.deepEqual(nodes[0].reveal, range);
    assert.deepEqual(nodes[1].reveal, range);
    assert.equal(nodes[2].reveal, undefined);
    assert.equal(nodes[2].contextValue, MISSING_INSERTABLE);
    assert.equal(nodes[3].contextValue, MISSING_INSERTABLE);
    assert.equal(nodes[0].contextValue, 'policylint.item.present');
    const notInsertable = checklistNodes(response([item({ id: 'contact', status: 'missing', insertable: false })]))[0];
    assert.equal(notInsertable.contextValue, 'policylint.item.missing');
  });

  it('explains an empty view instead of showing nothing', () => {
    assert.match(checklistMessage(undefined, false)!, /Open a privacy policy/);
    assert.match(checklistMessage(undefined, true)!, /Waiting/);
    assert.match(checklistMessage(null, true)!, /no checklist/);
    assert.match(
      checklistMessage(response([], { looksLikePolicy: false }), true)!,
      /does not read like a privacy policy/,
    );
    assert.equal(checklistMessage(resp, true), undefined);
    assert.deepEqual(checklistNodes(response(resp.items, { looksLikePolicy: false })), []);
    assert.deepEqual(checklistNodes(null), []);
  });

  it('summarises coverage for the view title', () => {
    assert.equal(checklistSummary(resp), '1/4');
    assert.equal(checklistSummary(null), '');
  });

  it('escapes Markdown in text from the document', () => {
    assert.equal(escapeMarkdown('[Company] *x* <b>'), '\\[Company\\] \\*x\\* \\<b\\>');
    assert.deepEqual(
      formatFacts({ emails: [{ email: 'a@b.co', range }], empty: [], none: undefined, count: 2, obj: { k: 1 } }),
      ['emails: a@b\\.co', 'count: 2', 'obj: \\{"k":1\\}'],
    );
  });
});

describe('client: checklist view grouped by profile', () => {
  // As the server sends it with "extends": ["recommended", "gdpr", "ccpa"]: contact is in all three groups.
  const items = [
    item({ id: 'contact', title: 'Contact', status: 'present', range, evidence: 'Write to help@example.org.' }),
    item({ id: 'do-not-track', title: 'Do Not Track', status: 'missing', required: false }),
    item({
      id: 'gdpr-rights',
      title: 'GDPR rights',
      status: 'incomplete',
      reason: 'It does not name the right to portability.',
    }),
    item({ id: 'ccpa-rights', title: 'CCPA rights', status: 'missing', insertable: true }),
  ];
  const groups = [
    { profile: 'recommended', label: 'Checklist', met: 1, total: 1, items: ['contact'] },
    { profile: 'gdpr', label: 'GDPR', met: 1, total: 2, items: ['contact', 'gdpr-rights'] },
    { profile: 'ccpa', label: 'CCPA', met: 1, total: 2, items: ['contact', 'ccpa-rights'] },
    { profile: 'none', label: 'Not asked for', met: 0, total: 1, items: ['do-not-track'] },
  ];
  const resp = response(items, { groups, grouped: 'Checklist 1/1 · GDPR 1/2 · CCPA 1/2' });
  const nodes = checklistNodes(resp);

  it('makes a node per profile with its count, holding its items, then the items no profile asks for', () => {
    assert.deepEqual(
      nodes.map((n) => [n.label, n.description]),
      [
        ['Checklist', '1/1'],
        ['GDPR', '1/2'],
        ['CCPA', '1/2'],
        ['Not asked for', '0/1'],
      ],
    );
    assert.ok(nodes.every((n) => n.contextValue === GROUP_NODE));
    assert.deepEqual(
      nodes.map((n) => n.children!.map((c) => c.itemId)),
      [['contact'], ['contact', 'gdpr-rights'], ['contact', 'ccpa-rights'], ['do-not-track']],
    );
    assert.match(nodes[1].tooltip, /\*\*GDPR\*\*: 1 of 2 present \(what the gdpr profile asks for\)/);
    assert.match(nodes[3].tooltip, /items no active profile asks for/);
    assert.deepEqual(
      nodes.map((n) => n.icon.id),
      ['pass', 'checklist', 'checklist', 'checklist'],
    );
  });

  it("keeps an item under each profile that asks for it, each row with its own stable id and the item's actions", () => {
    const ids = nodes.flatMap((n) => [n.id, ...n.children!.map((c) => c.id)]);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.deepEqual(
      checklistNodes(resp).map((n) => n.children!.map((c) => c.id)),
      nodes.map((n) => n.children!.map((c) => c.id)),
      'stable across refreshes',
    );
    const contacts = nodes.flatMap((n) => n.children!.filter((c) => c.itemId === 'contact'));
    assert.equal(contacts.length, 3);
    for (const c of contacts) assert.deepEqual(c.reveal, range);
    assert.equal(nodes[2].children![1].contextValue, MISSING_INSERTABLE);
    assert.equal(nodes[1].children![1].description, 'incomplete · It does not name the right to portability.');
  });

  it('summarises the view title with the counts per profile', () => {
    assert.equal(checklistSummary(resp), 'Checklist 1/1 · GDPR 1/2 · CCPA 1/2');
  });

  it('keeps the flat list without groups', () => {
    assert.deepEqual(
      checklistNodes(response(items)).map((n) => [n.itemId, n.children]),
      items.map((i) => [i.id, undefined]),
    );
  });

  it('gives the status the grouped counts from the lint notification or the response', async () => {
    const store = new ChecklistStore(async () => resp);
    store.noteLinted({ uri: URI, version: 1, present: 1, total: 4, grouped: 'Checklist 1/1 · GDPR 1/2', elapsedMs: 3 });
    assert.equal(store.statsFor(URI)?.grouped, 'Checklist 1/1 · GDPR 1/2');
    await store.refresh(URI);
    assert.equal(store.statsFor(URI)?.grouped, 'Checklist 1/1 · GDPR 1/2 · CCPA 1/2');
  });
});

/** A fetch whose answers the test releases one by one, in any order. */
function controlledFetch() {
  const calls: { uri: string; resolve: (r: ChecklistResponse | null) => void; reject: (e: unknown) => void }[] = [];
  const fetch = (uri: string) =>
    new Promise<ChecklistResponse | null>((resolve, reject) => calls.push({ uri, resolve, reject }));
  return { calls, fetch };
}

describe('client: checklist store', () => {
  it('keeps the answer to the latest request when answers arrive out of order', async () => {
    const { calls, fetch } = controlledFetch();
    const store = new ChecklistStore(fetch);
    const first = store.refresh(URI);
    const second = store.refresh(URI);
    calls[1].resolve(response([item({ id: 'contact', status: 'present' })], { version: 2, elapsedMs: 7 }));
    await second;
    calls[0].resolve(response([], { version: 1 }));
    await first;
    assert.equal(store.get(URI)?.version, 2);
    assert.deepEqual(store.statsFor(URI), { present: 1, total: 1, elapsedMs: 7, version: 2 });
  });

  it('takes lint notifications for the status and never goes back to an older version', () => {
    const store = new ChecklistStore(controlledFetch().fetch);
    const seen: string[] = [];
    store.onDidChange((u) => seen.push(u));
    store.noteLinted({ uri: URI, version: 3, present: 10, total: 16, elapsedMs: 12 });
    store.noteLinted({ uri: URI, version: 2, present: 9, total: 16, elapsedMs: 11 });
    assert.equal(store.statsFor(URI)?.present, 10);
    assert.deepEqual(seen, [URI]);
  });

  it('reports a failed request once and keeps what it had', async () => {
    const { calls, fetch } = controlledFetch();
    const errors: string[] = [];
    const store = new ChecklistStore(fetch, (uri, err) => errors.push(`${uri}: ${(err as Error).message}`));
    const p = store.refresh(URI);
    calls[0].resolve(response([], { version: 1 }));
    await p;
    const q = store.refresh(URI);
    calls[1].reject(new Error('server gone'));
    assert.equal((await q)?.version, 1);
    assert.deepEqual(errors, [`${URI}: server gone`]);
  });

  it('forgets closed documents and everything on a restart', async () => {
    const { calls, fetch } = controlledFetch();
    const store = new ChecklistStore(fetch);
    const changes: string[] = [];
    store.onDidChange((u) => changes.push(u));
    const p = store.refresh(URI);
    calls[0].resolve(response([]));
    await p;
    store.forget(URI);
    assert.equal(store.get(URI), undefined);
    assert.equal(store.statsFor(URI), undefined);
    store.noteLinted({ uri: 'file:///b.md', version: 1, present: 1, total: 2, elapsedMs: 1 });
    store.clear();
    assert.equal(store.statsFor('file:///b.md'), undefined);
    assert.deepEqual(changes, [URI, URI, 'file:///b.md', 'file:///b.md']);
  });
});
