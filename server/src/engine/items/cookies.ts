import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'cookies',
  title: 'Cookies and tracking',
  description:
    'Cookies, web beacons and similar tracking technologies, and how to control them (ePrivacy Directive Art. 5(3); CalOPPA 22575(b)(6)).',
  order: 40,
  headings: [
    /\bcookies?\b/i,
    /\btracking technolog/i,
    /\bweb beacons?\b/i,
    /\bpixels?\b/i,
    /\bclear gifs?\b/i,
    /\blocal storage\b/i,
    /\banalytics\b/i,
  ],
  sentences: [
    /\bcookies?\b/i,
    /\bweb beacons?\b/i,
    /\btracking (?:technolog\w*|pixels?)\b/i,
    /\bclear gifs?\b/i,
    /\bpixel tags?\b/i,
    /\blocal(?:ly)? stor(?:age|ed objects)\b/i,
    /\bLSOs?\b/,
  ],
  notSentences: [
    // a bare label in a list ("Tracking Technologies and Cookies"), not a statement about cookies
    /^(?:(?:[A-Z][\w'’-]*|and|or|&)(?:\s+|$)){1,6}$/,
    // the title of a page about cookies in general, in a list of links
    /\bcookies? (?:page|central|\.org)\b/i,
  ],
  missingMessage: 'The policy does not mention cookies or other tracking technologies.',
};
export default item;
