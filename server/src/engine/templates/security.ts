import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'How We Protect Information',
  body: () =>
    '[Describe the safeguards that protect personal information, such as encryption, access controls and staff training.] ' +
    '[State what you do when a breach affects users, and whom you tell.]',
};
export default template;
