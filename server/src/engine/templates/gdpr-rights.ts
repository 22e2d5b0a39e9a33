import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Your Rights Under the GDPR',
  body: () =>
    '[Each right the reader has under the GDPR and how to exercise it: access, rectification, erasure, restriction of processing, objection and data portability]',
};
export default template;
