import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Changes to This Policy',
  body: () =>
    '[State how you tell users about changes to this policy, for example by email or a notice in the service, and when a change takes effect.]',
};
export default template;
