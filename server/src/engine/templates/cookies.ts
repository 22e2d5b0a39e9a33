import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Cookies and Similar Technologies',
  body: () =>
    '[State whether you use cookies or similar technologies (pixels, local storage, SDKs), which kinds and what for, and how users can refuse or delete them.]',
  choices: [
    {
      id: 'used',
      label: 'We use cookies',
      body: () =>
        'We use cookies and similar technologies. [List the kinds you use (necessary, preferences, analytics, advertising) and what each is for.] ' +
        '[Describe how users can refuse or delete them, and what stops working if they do.]',
    },
    {
      id: 'not-used',
      label: 'We do not use cookies',
      body: () =>
        'We do not use cookies or similar tracking technologies. [List any embedded service that sets its own cookies, or delete this prompt.]',
    },
  ],
};
export default template;
