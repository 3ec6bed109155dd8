/**
 * The API's sentences name the rule they apply ("…reported by its lead (W1).") for the systems and
 * auditors who read them beside the domain's rules; a person on a page has no use for the code, so
 * the pages leave it out.
 */
const RULE_REFERENCE = / \((?:[RLDWA]\d+[a-z]?)(?:(?:, | and |, and )[RLDWA]\d+[a-z]?)*\)/g;

export function withoutRuleReferences(sentence: string): string {
  return sentence.replace(RULE_REFERENCE, '');
}
