import { hasVisibleCharacter, LONG_TEXT_MAX, SHORT_TEXT_MAX, textProblem } from './text';

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
