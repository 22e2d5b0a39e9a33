// The rule registry: one presence rule per checklist item and per law item (built from the item's file),
// then the content rules, one file each.
import { ITEMS } from '../items/index.js';
import { LAW_ITEMS } from '../laws/index.js';
import { presenceRule } from './presence.js';
import noPlaceholders from './no-placeholders.js';
import outdatedFramework from './outdated-framework.js';
import crossReference from './cross-reference.js';
import emptySection from './empty-section.js';
import duplicateSection from './duplicate-section.js';
import childrenAge from './children-age.js';
import notAPolicy from './not-a-policy.js';
import staleEffectiveDate from './stale-effective-date.js';
import sentenceLength from './sentence-length.js';
import readingGrade from './reading-grade.js';
import legalese from './legalese.js';
import vagueQualifier from './vague-qualifier.js';
import allCaps from './all-caps.js';
import suggestProfile from './suggest-profile.js';
import { unknownDirectiveRule } from './unknown-directive-rule.js';
import type { Rule } from '../types.js';

const CONTENT_RULES: Rule[] = [
  childrenAge,
  noPlaceholders,
  outdatedFramework,
  crossReference,
  emptySection,
  duplicateSection,
  notAPolicy,
  staleEffectiveDate,
  sentenceLength,
  readingGrade,
  legalese,
  vagueQualifier,
  allCaps,
  suggestProfile,
  unknownDirectiveRule(ruleIdsOf),
];

/** The content rules that report an item's "incomplete" state while they are on. */
function deputiesOf(item: string): Rule[] {
  return CONTENT_RULES.filter((r) => r.meta.reportsIncompleteOf === item);
}

export const RULES: Rule[] = [
  ...ITEMS.map((item) => presenceRule(item, deputiesOf(item.id))),
  ...LAW_ITEMS.map((item) => presenceRule(item, deputiesOf(item.id))),
  ...CONTENT_RULES,
];

let ids: readonly string[] | undefined;
/** Every rule's id, in the order of RULES. */
function ruleIdsOf(): readonly string[] {
  ids ??= RULES.map((r) => r.meta.id);
  return ids;
}

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
