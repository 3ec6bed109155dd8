import { DomainError } from './domain-error';
import { isWebAddress, requireWebAddress, WEB_ADDRESS_MAX } from './web-address';

const refusalOf = (value: string, label: string): DomainError | null => {
  try {
    requireWebAddress(value, label);
    return null;
  } catch (error) {
    return error as DomainError;
  }
};

describe('web addresses people open from the platform', () => {
  it.each([
    ['an https address', 'https://somerset.example/minutes/march-2026'],
    ['an http address', 'http://bristolsafeguarding.org/minutes/2020-03'],
    ['an address with a query and a fragment', 'https://bcp.example/reports?year=2025-26#summary'],
    ['an address in capitals', 'HTTPS://SOMERSET.EXAMPLE/MINUTES'],
    ['an address whose host is an IP address', 'https://192.0.2.10/minutes'],
    ['an address whose host is an IPv6 address', 'https://[2001:db8::10]/minutes'],
    ['an address with a port', 'https://somerset.example:8443/minutes'],
    ['an address whose host name is written beyond ASCII', 'https://bücher.example/minutes'],
  ])('accepts %s', (_, value) => {
    // Given an absolute http or https address
    // When it is checked
    // Then it is a web address
    expect(isWebAddress(value)).toBe(true);
  });

  it.each([
    ['a javascript: address, which would run in the page of whoever opens it', 'javascript:alert(1)'],
    ['a data: address', 'data:text/html,<script>alert(1)</script>'],
    ['an ftp address', 'ftp://somerset.example/minutes.pdf'],
    ['a relative path', '/minutes/march-2026'],
    ['a file name', 'yearly-report-2025-26.pdf'],
    ['an address without its protocol', 'somerset.example/minutes'],
    ['an address relative to the protocol', '//somerset.example/minutes'],
    ['empty text', ''],
    ['white space only', '   '],
    ['an address with a space in it', 'https://somerset.example/march minutes.pdf'],
    ['an address with surrounding white space', ' https://somerset.example/minutes '],
    ['a host that is not on the web', 'https://localhost/minutes'],
    ['an address holding a lone surrogate, which is not Unicode text', 'https://somerset.example/minutes\uD800'],
    ['an address without the slashes, which the parser would add', 'https:somerset.example/minutes'],
    ['an address with a third slash, which the parser would skip', 'https:///somerset.example/minutes'],
    ['an address with a user name and password', 'https://minutes:secret@somerset.example/minutes'],
    ['an address that names one host and opens another', 'https://somerset.gov.uk@elsewhere.example/minutes'],
    ['an address with a user name written beyond ASCII', 'https://jürgen@somerset.example/minutes'],
    ['an IP address written short, which the parser would complete', 'https://192.0.2/minutes'],
    ['a host name written with an encoded dot', 'https://somerset%2Eexample/minutes'],
    ['a host name with an underscore', 'https://somerset_minutes.example/'],
    ['a host written in full-width letters that open a plain ASCII one', 'https://ｓomerset。example/minutes'],
    ['a host name ending in a dot', 'https://somerset.example./minutes'],
    ['a top level that is a number', 'https://somerset.123/minutes'],
    ['a top level of one letter', 'https://somerset.e/minutes'],
    ['a top level with a digit in it', 'https://somerset.example2/minutes'],
    ['port 0, which nothing listens on', 'https://somerset.example:0/minutes'],
    ['a port beyond 65535', 'https://somerset.example:65536/minutes'],
    ['an address with a control character in it', 'https://somerset.example/minutes\u0001'],
    ['an address with a tab in it, which the parser would drop', 'https://somerset.example/min\tutes'],
    ['an address with a backslash, which the parser would read as a slash', 'https://somerset.example\\minutes'],
    ['an address with angle brackets', 'https://somerset.example/<minutes>'],
  ])('refuses %s', (_, value) => {
    expect(isWebAddress(value)).toBe(false);
  });

  it('refuses what is not text at all', () => {
    expect(isWebAddress(42)).toBe(false);
    expect(isWebAddress(null)).toBe(false);
  });

  it(`accepts an address of ${WEB_ADDRESS_MAX} characters, and one character more is refused`, () => {
    // Given addresses at the limit and one character over it
    const start = 'https://somerset.example/';
    const atTheLimit = start + 'a'.repeat(WEB_ADDRESS_MAX - start.length);
    // When they are checked
    // Then only the one within the limit is a web address
    expect(isWebAddress(atTheLimit)).toBe(true);
    expect(isWebAddress(`${atTheLimit}a`)).toBe(false);
  });
});

describe('a web address a command cannot go without', () => {
  it('is recorded without surrounding white space', () => {
    // Given an address sent with surrounding spaces
    // When it is required
    // Then it is recorded trimmed
    expect(requireWebAddress('  https://somerset.example/minutes \n', 'The address')).toBe(
      'https://somerset.example/minutes',
    );
  });

  it('refuses an address that is not http or https as VALIDATION_FAILED, naming it', () => {
    // Given a javascript: address
    // When it is required
    const refusal = refusalOf('javascript:alert(1)', 'The link');
    // Then the refusal names the field in a sentence
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The link must be an http or https address.' });
  });

  it('refuses a blank address as empty', () => {
    expect(refusalOf(' \t ', 'The address')).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The address must not be empty.',
    });
  });
});
