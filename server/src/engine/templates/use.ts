import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'How We Use Information',
  body: () =>
    '[List the purposes you use each kind of personal information for.] ' +
    '[State the legal basis for each purpose where the GDPR or the UK GDPR applies, or delete this prompt.]',
};
export default template;
