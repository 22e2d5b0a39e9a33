// Long patterns written one alternative a line, so a reviewer can read them (the x-flag style).
//
//   const DATE_LABEL = anyOf('i',
//     /last (?:updated|modified|revised)/,
//     /effective (?:date|as of|from)/,
//   );
//
// Each part is a RegExp (its source is used, its flags ignored) or a string of regex source.
// Parts are wrapped in a non-capturing group, so an alternative's own `|` stays inside it.

type Part = RegExp | string;

const sourceOf = (p: Part): string => (typeof p === 'string' ? p : p.source);

/** The parts as alternatives: (?:a|b|c). */
export function alt(...parts: Part[]): string {
  return `(?:${parts.map(sourceOf).join('|')})`;
}

/**
 * The parts as alternatives, joined with `|` and NOT wrapped: a|b|c. For a whole pattern that is
 * one top-level alternation, so the source stays exactly what it was as one line. A part that has
 * a `|` of its own at its top level would merge with its neighbours: use alt() for such a part.
 */
export function bar(...parts: Part[]): string {
  return parts.map(sourceOf).join('|');
}

/** The parts in sequence: ab c. */
export function seq(...parts: Part[]): string {
  return parts.map(sourceOf).join('');
}

/** A RegExp matching any one of the parts, with the given flags. */
export function anyOf(flags: string, ...parts: Part[]): RegExp {
  return new RegExp(alt(...parts), flags);
}

/** A RegExp matching any one of the parts, with the given flags, not wrapped in a group: a|b|c (see bar). */
export function oneOf(flags: string, ...parts: Part[]): RegExp {
  return new RegExp(bar(...parts), flags);
}

/** A RegExp of the parts in sequence, with the given flags. */
export function pattern(flags: string, ...parts: Part[]): RegExp {
  return new RegExp(seq(...parts), flags);
}
