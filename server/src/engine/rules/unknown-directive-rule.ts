// unknown-directive-rule: an inline directive (`<!-- policylint-disable-next-line contcat -->`)
// names a rule that does not exist, so it turns nothing off. One warning per unknown id, on the
// comment, with "did you mean"; when exactly one rule id is that close, a safe fix writes it.
import { closeNames } from '../suggest.js';
import type { Fix, Rule, RuleContext } from '../types.js';

export const UNKNOWN_DIRECTIVE_RULE = 'unknown-directive-rule';

function replaceWith(at: number, length: number, id: string, safe: boolean): Fix {
  return { title: `Write "${id}"`, edits: [{ start: at, end: at + length, text: id }], safe };
}

function check(ctx: RuleContext, known: readonly string[]): void {
  for (const d of ctx.doc.directives) {
    d.rules.forEach((id, i) => {
      if (known.includes(id)) return;
      const at = d.range.start.offset + d.ruleAt[i];
      const close = closeNames(id, known);
      const hint = close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : '';
      const fixes = close.map((c) => replaceWith(at, id.length, c, close.length === 1));
      ctx.report({
        start: d.range.start.offset,
        end: d.range.end.offset,
        message: `This comment names the rule "${id}", which does not exist${hint}, so it turns nothing off.${hint ? '' : ' The rule ids are listed in docs/rules/.'}`,
        fix: close.length === 1 ? fixes[0] : undefined,
        suggestions: close.length > 1 ? fixes : undefined,
      });
    });
  }
}

/** The rule, given the ids of every rule (known once the registry is built: it holds this rule too). */
export function unknownDirectiveRule(ruleIds: () => readonly string[]): Rule {
  return {
    meta: {
      id: UNKNOWN_DIRECTIVE_RULE,
      description: 'Inline disable and enable comments that name a rule that does not exist.',
      severity: 'warn',
      fixable: true,
    },
    check: (ctx) => check(ctx, ruleIds()),
  };
}
