/** Where an event type's words meet: before a capital after a small letter or digit, or ending an acronym. */
const WORD_BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

/**
 * An event's type as a sentence an auditor reads (PersonRegistered -> Person registered); an
 * acronym stays in capitals (ICBNamed -> ICB named). The exact type is the record's, which the page
 * keeps beside these words and the export keeps whole.
 */
export function eventTypeInWords(type: string): string {
  const words = type.split(WORD_BOUNDARY).map((word) => (/^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
