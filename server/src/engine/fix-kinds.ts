// The kinds of fix, as the command line names them (--fix-type safe,section) and as every
// front end selects them: "safe" text fixes are what --fix and fix-all apply; "section"
// fixes insert a missing section and are applied only when asked for by name.
import type { Fix } from './types.js';

export type FixType = 'safe' | 'section';
export const FIX_TYPES: readonly FixType[] = ['safe', 'section'];

/** The type a fix is applied as, or undefined when it is only ever offered (a suggestion, an unsafe fix). */
export function fixType(fix: Fix | undefined): FixType | undefined {
  if (!fix) return undefined;
  if (fix.kind === 'section') return 'section';
  return fix.safe ? 'safe' : undefined;
}

/** A safe text fix: what --fix and fix-all apply without being asked for more. */
export function isSafeTextFix(fix: Fix | undefined): boolean {
  return fixType(fix) === 'safe';
}
