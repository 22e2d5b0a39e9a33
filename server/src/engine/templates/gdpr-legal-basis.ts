import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Legal Bases for Processing',
  body: () =>
    '[For each purpose listed in this policy, the legal basis under GDPR Article 6(1) that applies: consent, contract, legal obligation, vital interests, public task or legitimate interests (and which interests)]',
};
export default template;
