import { tokenRefusalText } from './token-refusal';

describe('tokenRefusalText', () => {
  it('given the API’s reason for refusing a pasted token, when shown, then it is a sentence after ours, not spliced into it', () => {
    expect(tokenRefusalText('The token could not be verified.')).toBe(
      'That token was not accepted. The token could not be verified.',
    );
  });
});
