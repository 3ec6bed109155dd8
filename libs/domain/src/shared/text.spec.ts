import { DomainError } from './domain-error';
import { hasVisibleCharacter, LONG_TEXT_MAX, requireName, requireText, SHORT_TEXT_MAX, textProblem } from './text';

describe('free text', () => {
  it('accepts a name within the short limit, and one character more is refused with both counts', () => {
    expect(textProblem('x'.repeat(SHORT_TEXT_MAX), SHORT_TEXT_MAX)).toBeNull();
    expect(textProblem('x'.repeat(SHORT_TEXT_MAX + 1), SHORT_TEXT_MAX)).toBe(
      'must be at most 200 characters long (it has 201)',
    );
  });

  it('refuses a 10,000-character decision: prose stops at the long limit', () => {
    expect(textProblem('Agreed. '.repeat(1250), LONG_TEXT_MAX)).toMatch(/at most 5000 characters/);
  });

  it('refuses empty and blank text as empty', () => {
    expect(textProblem('', SHORT_TEXT_MAX)).toBe('must not be empty');
    expect(textProblem(' \t\n ', SHORT_TEXT_MAX)).toBe('must not be empty');
    expect(textProblem('\u00a0\u3000', SHORT_TEXT_MAX)).toBe('must not be empty');
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a zero-width joiner, word joiner and byte-order mark', '\u200d\u2060\ufeff'],
    ['Hangul fillers, letters that render as nothing', '\u3164\u115f'],
    ['a soft hyphen and a right-to-left mark', '\u00ad\u200f'],
  ])('refuses text made only of %s', (_, value) => {
    expect(hasVisibleCharacter(value)).toBe(false);
    expect(textProblem(value, SHORT_TEXT_MAX)).toBe('must contain a visible character');
  });

  it.each([['Bristol'], ['\u200b5'], ['—'], ['£'], ['😀'], ['Ynys Môn'], ['北']])('accepts %j', (value) => {
    expect(textProblem(value, SHORT_TEXT_MAX)).toBeNull();
  });

  it('refuses text holding a lone surrogate, which is not Unicode', () => {
    expect(textProblem('abc\ud800', SHORT_TEXT_MAX)).toMatch(/lone surrogate/);
    expect(textProblem('\udc00', SHORT_TEXT_MAX)).toMatch(/lone surrogate/);
  });

  it('refuses what is not text at all', () => {
    expect(textProblem(42, SHORT_TEXT_MAX)).toBe('must be text');
  });
});

describe('text a command cannot go without', () => {
  it('keeps the lines of prose and trims only its ends', () => {
    // Given a decision of two lines, sent with surrounding spaces
    // When it is required
    // Then it is recorded with its lines and spacing
    expect(requireText('  Agreed:\n  the  protocol. ', 'The decision')).toBe('Agreed:\n  the  protocol.');
  });

  it('puts a name on one line without doubled white space', () => {
    expect(requireName('  Avon and\n Somerset   Police ', "The partner's name")).toBe('Avon and Somerset Police');
  });

  it.each([
    ['requireText', requireText],
    ['requireName', requireName],
  ])('%s refuses blank text as VALIDATION_FAILED, naming it', (_, required) => {
    // Given text of white space only
    const refusal = (() => {
      try {
        // When it is required
        required(' \t\n ', "The agency's name");
        return null;
      } catch (error) {
        return error as DomainError;
      }
    })();
    // Then the refusal names the field in a sentence
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', message: "The agency's name must not be empty." });
  });
});
