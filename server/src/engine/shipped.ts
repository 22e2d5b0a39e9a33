// The checklist derived from corpus/ and shipped with policylint, on its own: the config and
// the profiles need it, and importing it from derive.ts would load the Markdown parser too.
import shipped from '../../../corpus/checklist.json' with { type: 'json' };
import type { DerivedChecklist } from './types.js';

/** The checklist derived from corpus/ and shipped with policylint. */
export const SHIPPED_CHECKLIST = shipped as DerivedChecklist;
