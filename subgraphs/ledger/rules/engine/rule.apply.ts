import type { CompiledRule, CompiledRules } from "./rule.compile.js";
import type { RuleOutcome, RuleSubject } from "./rule.types.js";
import { TextForms } from "./text-matcher.js";

/**
 * Runs every rule in order; each matching rule applies, and later rules see what earlier ones did
 * (a payee renamed by rule 1 can match rule 2). A rule is tested once: a rename never re-runs
 * earlier rules, so cycles between renames cannot loop. Category: the last matching rule that sets
 * one wins. Tags: only appended, never removed; a tag already present is skipped (exact, after NFC
 * and trimming), so the input's order is kept and no rule adds a duplicate. A rule that matches
 * is recorded in appliedRuleIds even when its actions change nothing; `changed` is then false.
 */
export function applyRules(compiled: CompiledRules, subject: RuleSubject): RuleOutcome {
  let payee = subject.payee;
  let payeeForms = new TextForms(payee);
  const notesForms = new TextForms(subject.notes);
  let categoryId = subject.categoryId;
  const tags = [...subject.tags];
  const present = new Set(tags);
  const appliedRuleIds: string[] = [];

  for (const rule of compiled.rules) {
    if (!matches(rule, subject, payeeForms, notesForms)) continue;
    appliedRuleIds.push(rule.id);
    if (rule.setCategoryId !== null) categoryId = rule.setCategoryId;
    if (rule.renamePayee !== null && rule.renamePayee !== payee) {
      payee = rule.renamePayee;
      payeeForms = new TextForms(payee);
    }
    for (const tag of rule.addTags) {
      if (present.has(tag)) continue;
      present.add(tag);
      tags.push(tag);
    }
  }

  // Tags are only ever appended, so a longer list is the only way they can differ.
  const changed = payee !== subject.payee || categoryId !== subject.categoryId || tags.length !== subject.tags.length;
  return { subject: { ...subject, payee, categoryId, tags }, appliedRuleIds, changed };
}

function matches(rule: CompiledRule, subject: RuleSubject, payee: TextForms, notes: TextForms): boolean {
  if (rule.accountIds !== null && !rule.accountIds.has(subject.accountId)) return false;
  if (rule.currency !== null) {
    if (subject.currency.toUpperCase() !== rule.currency) return false;
    if (rule.amountMin !== null && subject.amountMinor < rule.amountMin) return false;
    if (rule.amountMax !== null && subject.amountMinor > rule.amountMax) return false;
  }
  // Text last: the cheap comparisons above reject most rows before any folding or regex runs.
  if (rule.payee !== null && !rule.payee(payee)) return false;
  if (rule.notes !== null && !rule.notes(notes)) return false;
  return true;
}
