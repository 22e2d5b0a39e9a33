import type { DerivedChecklist } from './types.js';
export const SHIPPED_CHECKLIST: DerivedChecklist = { version: 1, minCoverage: 0.6, documents: [], items: [] };
export function deriveChecklist(_docs: { file: string; text: string }[], _opts: { minCoverage?: number } = {}): DerivedChecklist { return SHIPPED_CHECKLIST; }
