import { alt, pattern, seq } from '../regex.js';
import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'opt-out',
  title: 'Opting out',
  description:
    'How users can stop marketing or sharing (CAN-SPAM 15 U.S.C. 7704; CCPA 1798.120; OPP-115 "user choice/control").',
  order: 90,
  headings: [
    /\bopt(?:ing)?[- ]?out\b/i,
    /\bchoices?\b/i,
    /\bunsubscrib/i,
    /\b(?:marketing|communication|email) (?:preferences|communications|choices)\b/i,
    /\bdo not sell\b/i,
  ],
  sentences: [
    pattern(
      'i',
      /\bopt(?:ing)?[- ]?out\b[^.;]{0,6}\b/,
      /(?:of|from|at any time|by|via|through|using|here|request|link|option|program|cookie)\b/,
    ),
    /\bunsubscrib/i,
    /\bstop (?:receiving|getting|us from)\b/i,
    /\bwithdraw (?:your )?consent\b/i,
    /\b(?:choose|elect|decide) not to (?:receive|share|allow|accept)\b/i,
    /\bdo not sell (?:or share )?my\b/i,
    /\bobject to (?:[\w-]+ ){0,4}?(?:use|processing)\b[^.;]{0,100}\b(?:advertising|marketing|promotion)/i,
    /\b(?:advertising|marketing)\b[^.;]{0,80}\bobject\b/i,
    // switching off ads, tracking or mail, either word order
    pattern(
      'i',
      alt(
        seq(
          /\b(?:switch|turn) (?:them |it |this |these )?off\b[^.;]{0,60}/,
          /\b(?:ads|advertising|marketing|personali[sz]ed|tracking|e-?mails?|newsletters?)\b/,
        ),
        seq(
          /\b(?:ads|advertising|marketing|personali[sz]ed|tracking)\b[^.;]{0,60}/,
          /\b(?:switch|turn) (?:them |it |this |these )?off\b/,
        ),
      ),
    ),
    // a parent's or user's say over further use or sharing
    /\b(?:refuse|decline) to (?:permit|allow|let)\b[^.;]{0,40}\b(?:collection|use|shar\w*|disclos\w*)\b/i,
    /\bprohibit us from (?:sharing|using|disclosing|selling)\b/i,
    pattern(
      'i',
      /\b(?:ask|tell|direct|instruct) (?:us|me)\b(?: at any time| any time)? (?:not to|to stop) /,
      /(?:share|sharing|use|using|sell|selling|disclose|send|sending)\b/,
    ),
    /\b(?:leave|leaves) the choice (?:up )?to you\b|\bthe choice is yours\b/i,
  ],
  missingMessage: 'The policy does not tell users how to opt out of marketing or sharing.',
};
export default item;
