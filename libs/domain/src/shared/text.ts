import { DomainError } from './domain-error';

/** Free text in commands is compared and stored without surrounding or doubled white space. */
export function normaliseName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/**
 * Text a command cannot go without, as recorded: without surrounding white space, its lines and
 * spacing kept (prose); VALIDATION_FAILED, naming it by `label`, when nothing else is left.
 */
export function requireText(value: string, label: string): string {
  const text = value.trim();
  if (text.length === 0) throw new DomainError('VALIDATION_FAILED', `${label} must not be empty.`);
  return text;
}

/** A name a command cannot go without, as recorded: on one line, without doubled white space (see `requireText`). */
export function requireName(value: string, label: string): string {
  return normaliseName(requireText(value, label));
}

/** A name or a title: one line. */
export const SHORT_TEXT_MAX = 200;
/** Prose: a decision, a recommendation, a reason, a note, a description, written views. */
export const LONG_TEXT_MAX = 5_000;
/** A whole document: minutes, a policy's text, a communication. */
export const DOCUMENT_TEXT_MAX = 200_000;

const LONE_SURROGATE = /\p{Cs}/u;

/*
 * A letter, digit, punctuation mark or symbol that is not default-ignorable: what a reader sees.
 * White space, zero-width and format characters, controls and fillers such as U+3164 (a letter
 * that renders as nothing) do not count, so a name made only of them is refused.
 */
const VISIBLE = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{P}\p{S}]/u;

/** False for a string holding a lone surrogate: not Unicode, so it cannot be stored, hashed or shown faithfully. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}

/**
 * What is wrong with a piece of free text of at most `max` characters, as the end of a sentence
 * that starts with the field's name; null when nothing is.
 */
export function textProblem(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return 'must be text';
  if (!isWellFormedText(value)) return 'must be well-formed Unicode text (it holds a lone surrogate)';
  if (value.length > max) return `must be at most ${max} characters long (it has ${value.length})`;
  if (value.trim() === '') return 'must not be empty';
  if (!hasVisibleCharacter(value)) return 'must contain a visible character';
  return null;
}

/** "a, b and c": words as a sentence lists them. */
export const joinedWithAnd = (words: readonly string[]) =>
  words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
