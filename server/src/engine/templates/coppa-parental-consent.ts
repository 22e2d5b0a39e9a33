import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Verifiable Parental Consent (COPPA)',
  body: () =>
    '[Whether the service collects personal information from children under 13; if it does, how a parent gives verifiable consent first and how that consent is checked]',
};
export default template;
