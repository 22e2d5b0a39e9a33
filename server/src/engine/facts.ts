import type { Facts, PolicyDocument } from './types.js';
export function extractFacts(doc: PolicyDocument): Facts {
  return { ages: [], emails: [], postal: [], phones: [], dates: [], methods: [], forms: [], links: doc.facts.links };
}
