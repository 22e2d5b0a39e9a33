import type { SectionTemplate } from './template.js';

const THIRD_PARTIES = '[List the kinds of third parties you disclose personal information to, and why.]';

const template: SectionTemplate = {
  title: 'How We Share Information',
  body: () => `${THIRD_PARTIES} [State whether you sell personal information or share it for targeted advertising.]`,
  choices: [
    {
      id: 'does-not-sell',
      label: 'We do not sell personal information',
      body: () =>
        `We do not sell personal information. ${THIRD_PARTIES} [State whether you share it for targeted advertising.]`,
    },
    {
      id: 'sells',
      label: 'We sell personal information',
      body: () =>
        `We sell some personal information. [List which kinds you sell and to which kinds of buyers.] ${THIRD_PARTIES} ` +
        '[Describe how users can opt out of the sale.]',
    },
  ],
};
export default template;
