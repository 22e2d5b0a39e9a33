import type { SectionTemplate } from './template.js';

const AGE = '[Enter the age threshold: 13 under COPPA, up to 16 under the GDPR]';

const template: SectionTemplate = {
  title: "Children's Privacy",
  body: () =>
    '[State whether your services are directed to children, the age threshold that applies, and what you do if you learn you hold information about a child.]',
  choices: [
    {
      id: 'not-directed',
      label: 'Not directed to children',
      body: (v) =>
        `Our services are not directed to children under ${AGE}. ` +
        `[Describe what you do if you learn that a child has given you personal information.] Parents can write to ${v.email}.`,
    },
    {
      id: 'directed',
      label: 'Directed to children',
      body: (v) =>
        `Our services are directed to children under ${AGE}. ` +
        '[Describe what you collect from children, how a parent gives consent, and how a parent can review or delete it.] ' +
        `Parents can write to ${v.email}.`,
    },
  ],
};
export default template;
