import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'International Transfers',
  body: () =>
    '[State whether personal information is stored in or sent to other countries, and which ones.] ' +
    '[Describe the safeguards for each transfer, or delete this prompt if there are none.]',
};
export default template;
