// The checklist items, in the order readers expect them in a policy.
import accessRights from './access-rights.js';
import california from './california-rights.js';
import changeNotification from './change-notification.js';
import children from './children.js';
import collection from './collection.js';
import contact from './contact.js';
import cookies from './cookies.js';
import doNotTrack from './do-not-track.js';
import effectiveDate from './effective-date.js';
import international from './international-transfer.js';
import optOut from './opt-out.js';
import retention from './retention.js';
import security from './security.js';
import sharing from './sharing.js';
import thirdPartyLinks from './third-party-links.js';
import use from './use.js';
import { LAW_ITEMS } from '../laws/index.js';
import { CHECKLIST_IDS } from '../types.js';
import type { ItemDef } from './item.js';

export type { ItemDef } from './item.js';

const defs = [
  children,
  changeNotification,
  contact,
  effectiveDate,
  collection,
  use,
  sharing,
  cookies,
  security,
  accessRights,
  retention,
  optOut,
  thirdPartyLinks,
  doNotTrack,
  international,
  california,
];

/** Every item, in the order of CHECKLIST_IDS (the public order of the checklist). */
export const ITEMS: ItemDef[] = CHECKLIST_IDS.map((id) => defs.find((d) => d.id === id)!);

/** Items in the order a reader expects them in a policy. */
export const ITEMS_IN_READING_ORDER: ItemDef[] = [...ITEMS].sort((a, b) => a.order - b.order);

/** A corpus item or a law item by id. */
export function getItem(id: string): ItemDef | undefined {
  return ITEMS.find((i) => i.id === id) ?? LAW_ITEMS.find((i) => i.id === id);
}
