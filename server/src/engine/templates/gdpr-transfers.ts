import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Transfers Outside the EU/EEA',
  body: () =>
    '[Whether personal data leaves the EU/EEA, to which countries or recipients, the safeguard for each transfer (adequacy decision, standard contractual clauses, Data Privacy Framework, binding corporate rules) and how to get a copy of it]',
};
export default template;
