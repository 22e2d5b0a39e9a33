// Values for section templates: from config where it has them, [bracketed prompts] where not.
import type { ResolvedConfig } from '../types.js';

export function fill(config: ResolvedConfig) {
  return {
    /** Who "we" are, for sentences that need a name. */
    company: config.company ?? 'us',
    email: config.contactEmail ?? '[privacy contact email]',
    postal: config.postalAddress ?? '[postal address]',
  };
}
