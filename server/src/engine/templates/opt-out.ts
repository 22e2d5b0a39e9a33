import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Opting Out of Marketing',
  body: () =>
    '[State whether you send marketing messages or use personal information for advertising.] ' +
    '[Describe how users can opt out of each, for example with the link in every message or in their account settings.]',
};
export default template;
