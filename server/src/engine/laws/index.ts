// The law items: one file per element a law asks a notice to state, declared from the
// provision it rests on (not derived from the corpus). profiles.ts says which profile asks for which.
import ccpaLastUpdated from './ccpa-last-updated.js';
import ccpaRights from './ccpa-rights.js';
import coppaParentalConsent from './coppa-parental-consent.js';
import gdprComplaint from './gdpr-complaint.js';
import gdprDpo from './gdpr-dpo.js';
import gdprLegalBasis from './gdpr-legal-basis.js';
import gdprRetention from './gdpr-retention.js';
import gdprRights from './gdpr-rights.js';
import gdprTransfers from './gdpr-transfers.js';
import { LAW_ITEM_IDS } from '../types.js';
import type { ItemDef } from '../items/item.js';

const defs: ItemDef[] = [
  gdprDpo,
  gdprLegalBasis,
  gdprRights,
  gdprRetention,
  gdprTransfers,
  gdprComplaint,
  ccpaRights,
  ccpaLastUpdated,
  coppaParentalConsent,
];

/** Every law item, in the order of LAW_ITEM_IDS. */
export const LAW_ITEMS: ItemDef[] = LAW_ITEM_IDS.map((id) => {
  const def = defs.find((d) => d.id === id);
  if (!def) throw new Error(`law item ${id} has no file in server/src/engine/laws/`);
  return def;
});
