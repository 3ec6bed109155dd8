import { validate } from 'class-validator';
import { IDENTIFYING_DATA_CONSTRAINT, IsWebAddress } from './input-validators';

class Publication {
  @IsWebAddress()
  address!: unknown;
}

const problemsWith = async (address: unknown) => {
  const publication = new Publication();
  publication.address = address;
  return (await validate(publication)).map((error) => error.constraints);
};

describe('a web address field', () => {
  it('given an http or https address, then it is accepted', async () => {
    await expect(problemsWith('https://somerset.example/minutes/march-2026')).resolves.toEqual([]);
    await expect(problemsWith('http://somerset.example/minutes')).resolves.toEqual([]);
  });

  it('given white space around an address, then it is accepted, as the domain records it trimmed', async () => {
    await expect(problemsWith('  https://somerset.example/minutes \n')).resolves.toEqual([]);
  });

  it('given what is no http or https address, then it is refused with a sentence naming the field', async () => {
    for (const address of ['javascript:alert(1)', 'somerset.example/minutes', '   ', 42, null])
      await expect(problemsWith(address)).resolves.toEqual([
        { isWebAddress: 'address must be an http or https address.' },
      ]);
  });

  it('given an address that identifies a child, then it is refused as identifying data (R40)', async () => {
    const problems = await problemsWith('https://somerset.example/case/9434765919');
    expect(problems).toEqual([{ [IDENTIFYING_DATA_CONSTRAINT]: expect.stringContaining('an NHS number') }]);
  });
});
