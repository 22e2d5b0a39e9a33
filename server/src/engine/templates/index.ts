// The section templates, one file per checklist item. An item without a template of its
// own (a new one) gets a generic one: its title and a prompt to state what it covers.
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
import ccpaRights from './ccpa-rights.js';
import coppaParentalConsent from './coppa-parental-consent.js';
import gdprComplaint from './gdpr-complaint.js';
import gdprDpo from './gdpr-dpo.js';
import gdprLegalBasis from './gdpr-legal-basis.js';
import gdprRetention from './gdpr-retention.js';
import gdprRights from './gdpr-rights.js';
import gdprTransfers from './gdpr-transfers.js';
import { getItem } from '../items/index.js';
import type { SectionTemplate } from './template.js';

export type { SectionTemplate, TemplateChoice, TemplateValues } from './template.js';
export { templateValues } from './values.js';

const TEMPLATES: Record<string, SectionTemplate> = {
  'access-rights': accessRights,
  'california-rights': california,
  'change-notification': changeNotification,
  children,
  collection,
  contact,
  cookies,
  'do-not-track': doNotTrack,
  'effective-date': effectiveDate,
  'international-transfer': international,
  'opt-out': optOut,
  retention,
  security,
  sharing,
  'third-party-links': thirdPartyLinks,
  use,
  // law items (engine/laws/)
  'ccpa-rights': ccpaRights,
  'coppa-parental-consent': coppaParentalConsent,
  'gdpr-complaint': gdprComplaint,
  'gdpr-dpo': gdprDpo,
  'gdpr-legal-basis': gdprLegalBasis,
  'gdpr-retention': gdprRetention,
  'gdpr-rights': gdprRights,
  'gdpr-transfers': gdprTransfers,
};

/** The template of a checklist item; undefined for an unknown id. */
export function templateFor(itemId: string): SectionTemplate | undefined {
  if (Object.hasOwn(TEMPLATES, itemId)) return TEMPLATES[itemId];
  const item = getItem(itemId);
  if (!item) return undefined;
  const what = item.title.replace(/[[\]]/g, '').toLowerCase();
  return { title: item.title, body: () => `[State what this policy says about ${what}.]` };
}

/** A template's text for one answer (a choice id) or the prompt version. */
export function templateBody(
  t: SectionTemplate,
  values: Parameters<SectionTemplate['body']>[0],
  choice?: string,
): string {
  const c = choice ? t.choices?.find((x) => x.id === choice) : undefined;
  return (c ?? t).body(values);
}
