// What a checklist item is. Each item lives in its own file beside its detection,
// its completeness check and its rule metadata; the section inserted when it is missing is
// in ../templates/<id>.ts.
import type { ChecklistId, ChecklistStatus, PolicyDocument, RuleContext, Section, Sentence } from '../types.js';

export interface Evidence {
  /** Sections whose title names the item. */
  sections: Section[];
  /** Sentences that address the item (inside those sections or anywhere). */
  sentences: Sentence[];
}

export interface Assessment {
  status: ChecklistStatus;
  facts: Record<string, unknown>;
  /** Why it is incomplete. */
  reason?: string;
  /** Overrides the evidence offset (e.g. the line that states the date). */
  evidenceOffset?: number;
}

export interface ItemDef {
  id: ChecklistId;
  /** Short human title: "Children's privacy". */
  title: string;
  /** One sentence: what the policy must say, and why. */
  description: string;
  /** Position in the order readers expect (collection → use → … → children → changes → contact). */
  order: number;
  /** Section titles that name the item. Matched against Section.name. */
  headings: RegExp[];
  /** Sentences that address the item, even to deny it. */
  sentences: RegExp[];
  /** Sentences that look like matches but are not (checked after `sentences`). */
  notSentences?: RegExp[];
  /** How many matching sentences outside a matching section it takes to count as covered. */
  minSentences?: number;
  /** Decide the status from the evidence (default: present when there is any evidence). */
  assess?(doc: PolicyDocument, evidence: Evidence): Assessment;
  /** Message when missing / incomplete. */
  missingMessage: string;
  /** Further checks the item's rule makes beyond presence (malformed email, future date…). */
  check?(ctx: RuleContext): void;
  /** Extra options the item's rule accepts. */
  options?: Record<string, { type: 'string' | 'number' | 'boolean' | 'string[]'; description: string }>;
}
