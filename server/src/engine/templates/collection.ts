import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Information We Collect',
  body: () =>
    '[List the kinds of personal information you collect, such as contact details, account data, payment data or device data.] ' +
    '[State how you get each kind: from users directly, automatically as they use the service, or from other sources.]',
};
export default template;
