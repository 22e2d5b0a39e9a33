// Cal. Civ. Code 1798.130(a)(5): the privacy policy is updated at least once every 12 months;
// 11 CCR 7011 asks for the date it was last updated. Same detection as the corpus item
// `effective-date`; it fails when the date is more than 12 months before today (or `asOf`).
import effectiveDate from '../items/effective-date.js';
import type { ItemDef } from '../items/item.js';

/** The day twelve months before `now`, as YYYY-MM-DD. */
export function twelveMonthsBefore(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** Whether a date at the precision it is given (YYYY, YYYY-MM, YYYY-MM-DD) is older than `limit`: its last possible day is. */
function olderThan(iso: string, limit: string): boolean {
  if (iso.length === 10) return iso < limit;
  if (iso.length === 7) return iso < limit.slice(0, 7);
  return iso < limit.slice(0, 4);
}

const item: ItemDef = {
  id: 'ccpa-last-updated',
  title: 'Updated in the last 12 months (CCPA)',
  description:
    'A "last updated" date no more than 12 months old: the CCPA has the policy updated at least once every 12 months (Cal. Civ. Code 1798.130(a)(5); 11 CCR 7011).',
  order: 6,
  headings: effectiveDate.headings,
  sentences: effectiveDate.sentences,
  assess(doc, evidence, when) {
    const base = effectiveDate.assess!(doc, evidence);
    const date = base.facts.date as string | null;
    if (base.status !== 'present' || !date) return base;
    const limit = twelveMonthsBefore(when?.now ?? new Date());
    if (!olderThan(date, limit)) return base;
    return {
      ...base,
      status: 'incomplete',
      reason: `the policy was last updated on ${date}, more than 12 months before ${(when?.now ?? new Date()).toISOString().slice(0, 10)}`,
    };
  },
  // The effective-date item's fix inserts the date line; a second one would duplicate it.
  insertable: false,
  missingMessage:
    'The policy gives no "last updated" date; the CCPA has it reviewed and updated at least every 12 months (Cal. Civ. Code 1798.130(a)(5)).',
};
export default item;
