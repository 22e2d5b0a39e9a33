// The rule registry: one presence rule per checklist item (built from the item's file),
// then the content rules, one file each.
import { ITEMS } from '../items/index.js';
import { presenceRule } from './presence.js';
import type { Rule } from '../types.js';

export const RULES: Rule[] = [
  ...ITEMS.map(presenceRule),
];

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
