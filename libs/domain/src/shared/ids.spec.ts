import { isEntityId } from './ids';

describe('entity ids', () => {
  it('accepts a UUID as the platform gives them out, random or derived', () => {
    expect(isEntityId('0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54')).toBe(true);
    expect(isEntityId('6ba7b810-9dad-51d1-80b4-00c04fd430c8')).toBe(true);
  });

  it.each([
    [''],
    ['not-a-uuid'],
    ['0B6C2F8E-4A53-4C1E-9F0E-2D7C9A1B3E54'],
    [' 0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54'],
    [42],
  ])('refuses %j', (value) => {
    expect(isEntityId(value)).toBe(false);
  });
});
