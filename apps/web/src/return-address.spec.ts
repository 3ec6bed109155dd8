import { returnAddress } from './return-address';

describe('returnAddress: where sign-in returns a person to', () => {
  it.each([
    '/groups/0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54/policies',
    '/groups/x/meetings?asAt-day=1&asAt-month=1&asAt-year=2022',
    '/tasks#task-1',
    '/',
  ])('given the path %p of this site, then it returns there', (path) => {
    expect(returnAddress(path)).toBe(path);
  });

  it.each([
    ['another site', 'https://elsewhere.example/groups'],
    ['a scheme-relative address', '//elsewhere.example/groups'],
    ['a backslash browsers read as a slash', '/\\elsewhere.example'],
    ['a tab browsers drop', '/\t/elsewhere.example'],
    ['a newline', '/groups\n'],
    ['a script', 'javascript:alert(1)'],
    ['a relative path', 'groups'],
    ['nothing', undefined],
    ['a repeated parameter', ['/tasks', '/groups']],
    ['the empty string', ''],
  ])('given %s, then it returns to the home page', (_kind, asked) => {
    expect(returnAddress(asked)).toBe('/');
  });
});
