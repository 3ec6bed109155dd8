import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findAllIdentifyingData,
  findIdentifyingData,
  findIdentifyingDataInKey,
  IdentifyingDataKind,
  isValidNhsNumber,
} from './identifying-data';

/** One sentence a line, as the corpus files beside this spec hold them. */
const lines = (file: string) =>
  readFileSync(join(__dirname, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');

/** Real sentences of the seeds: reports, terms of reference, minutes, with their dates, sums and officials' names. */
const GOVERNANCE = lines('identifying-data.governance.txt');
/** Sentences that identify a child or family, each with the kind of data it holds. */
const IDENTIFYING = lines('identifying-data.identifying.txt').map((line) => {
  const [kind, text] = line.split('\t');
  return [kind as IdentifyingDataKind, text] as const;
});

/** The seeds whole (the documents DOMAIN.md is distilled from), by file name. */
const SEEDS_FOLDER = join(__dirname, 'identifying-data.seeds');
const SEEDS = readdirSync(SEEDS_FOLDER).map((file) => [file, readFileSync(join(SEEDS_FOLDER, file), 'utf8')] as const);

const kindIn = (text: string) => findIdentifyingData(text)?.kind ?? null;

describe('isValidNhsNumber: the modulus 11 check of the NHS data dictionary', () => {
  it.each([['9434765919'], ['6980343254'], ['4010232137']])('accepts %s, whose check digit is right', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(true);
  });

  it('accepts a number whose check comes out at 11, written as 0', () => {
    // 400000002: weighted sum 44, 44 mod 11 = 0, 11 - 0 = 11 -> check digit 0
    expect(isValidNhsNumber('4000000020')).toBe(true);
  });

  it.each([
    ['a wrong check digit', '9434765918'],
    // 400000008: weighted sum 56, 56 mod 11 = 1, 11 - 1 = 10
    ['a check that comes out at 10, which no NHS number has', '4000000080'],
    ['nine digits', '943476591'],
    ['letters', '94347659l9'],
  ])('refuses %s', (_, digits) => {
    expect(isValidNhsNumber(digits)).toBe(false);
  });
});

describe('findIdentifyingDataInKey (R40, for keys a client makes up)', () => {
  it('given a random UUID whose last group holds ten digits passing the NHS check, when checked, then nothing is found', () => {
    const key = '3f0c2a9e-7b1d-4c55-9e2a-b9434765919c';
    expect(findIdentifyingData(key)).toEqual({ kind: 'NHS_NUMBER', description: 'an NHS number' });
    expect(findIdentifyingDataInKey(key)).toBeNull();
  });

  it.each([
    ['an NHS number on its own', '9434765919'],
    ['an NHS number in a key of its own making', 'referral-9434765919'],
  ])('given %s, when checked, then it is found', (_, key) => {
    expect(findIdentifyingDataInKey(key)).toEqual({ kind: 'NHS_NUMBER', description: 'an NHS number' });
  });
});

describe('findIdentifyingData (R40)', () => {
  describe('given text holding an NHS number', () => {
    it.each([
      ['ten digits together', 'Referral for 9434765919 received.'],
      ['grouped 3-3-4 with spaces', 'Referral for 943 476 5919 received.'],
      ['grouped 3-3-4 with hyphens', 'Referral for 943-476-5919 received.'],
      ['in full-width digits', 'Referral for ９４３４７６５９１９ received.'],
      ['with zero-width spaces between the digits', 'Referral for 943\u200b476\u200b5919 received.'],
      ['as a whole idempotency key', '9434765919'],
    ])('when it is written as %s, then it is found as an NHS number', (_, text) => {
      expect(findIdentifyingData(text)).toEqual({ kind: 'NHS_NUMBER', description: 'an NHS number' });
    });

    it.each([
      ['ten digits failing the check', 'Reference 9434765918 closed.'],
      ['eleven digits (a telephone number)', 'Call 01179 222000 or 020 7664 3000.'],
      ['ten digits inside a longer number', 'Document 194347659190.'],
      ['a 4-3-3 grouping', 'Call 9434 765 919.'],
    ])('when it holds %s, then nothing is found', (_, text) => {
      expect(findIdentifyingData(text)).toBeNull();
    });
  });

  describe('given text holding a date of birth', () => {
    it.each([
      ['Serious incident: Jane Doe (DOB 01/02/2015)'],
      ['D.O.B. 01/02/2015'],
      ['dob: 1.2.15'],
      ['Date of birth 2015-02-01.'],
      ['date of birth is 1 February 2015'],
      ['born on 1st Feb 2015'],
      ['born on the 1st of February 2015'],
      ['born 1 February 2015 in Bristol'],
      ['Birth date: February 1, 2015'],
    ])('when it reads %j, then a date of birth is found', (text) => {
      expect(findIdentifyingData(text)).toEqual({ kind: 'DATE_OF_BIRTH', description: 'a date of birth' });
    });

    it.each([
      ['a policy covering children by birth date', 'The protocol covers children born on or after 1 September 2015.'],
      ['the words with no date', 'A date of birth must never be recorded here.'],
      ['a date that is not a birth', 'The meeting of 12 March 2020 approved the protocol.'],
    ])('when it holds %s, then nothing is found', (_, text) => {
      expect(findIdentifyingData(text)).toBeNull();
    });
  });

  describe('given text naming a child or a family', () => {
    it.each([
      ['a child named Leo Carter'],
      ['a 7-year-old called Ava'],
      ['the mother, known as Kelly'],
      ["the child's mother, Mary Doe"],
      ['the Carter family'],
      ['The Okafor-Brown family'],
      ['Leo Carter, aged 7'],
      ['the family, known as the Hendersons'],
    ])('when it reads %j, then a name is found', (text) => {
      expect(kindIn(text)).toBe('CHILD_OR_FAMILY_NAME');
    });

    it.each([
      ['the anonymisation of published reviews', 'The review of Child A found that Sibling B was not seen.'],
      ['a child known by an anonymised name', 'A child known as Child C was placed out of area.'],
      ['Child Protection', 'Child Protection conferences were held within 15 working days.'],
      ['the national panel', 'The Child Safeguarding Practice Review Panel was notified.'],
      ['officials', 'Sheila Smith, Director, People and Communities, presented the report with Will White.'],
      ['a kind of family', 'The whole family approach and the Troubled Families programme were discussed.'],
      ['young people by age', 'Young People aged 16 and 17 and Children aged 0-25 where appropriate.'],
      ['an official by role', 'The partnership named Sheila Smith as chair.'],
    ])('when it speaks of %s, then nothing is found', (_, text) => {
      expect(findIdentifyingData(text)).toBeNull();
    });
  });

  describe('given text holding an address', () => {
    it.each([
      ['a house on a street with its postcode', '12 Acacia Avenue, BS1 4ST'],
      ['where a family lives', 'The family lives at 4a Mill Lane.'],
      ['a home postcode', 'home address: BS23 1UJ'],
      // Deliberately: a house number, street and postcode cannot be told from a home; offices are named by building.
      ['an office by house number, street and postcode', '100 Temple Street, Bristol BS1 6AG'],
      ['a house on a street without a postcode', '12 Acacia Avenue, Bristol'],
      ['the address in lower case', 'a visit to 12 acacia avenue, bristol'],
      ['the address in capitals', '12 ACACIA AVENUE, BRISTOL'],
      ['a street word in lower case after a name in capitals', 'The referral came from 4a Mill lane.'],
      ['an abbreviated street', 'Seen at 9 Station Rd on Tuesday.'],
      ['High St', 'A flat above 3 High St was visited.'],
      [
        'a street word that is also a word, in lower case after "lives at"',
        'the household lives at 27 orchard close, yeovil',
      ],
      ['a three-word street name', 'Police called at 101 Upper Church Hill Road.'],
      ['a close named with "The" after "lives at"', 'The family lives at 4 The Close.'],
      ['a green named with "The" after "lives at"', 'lives at 5 The Green, Yeovil'],
      ['an avenue named with "The" after "lives at"', 'lives at 12 The Avenue'],
      ['a New Road after "lives at"', 'lives at 14 New Road'],
      ['an All Saints Road after "lives at"', 'The child lives at 3 All Saints Road'],
      ['a New Road on its own', 'A visit to 14 New Road was made.'],
      ['a house number written "No."', 'Address: No.12 Acacia Avenue'],
      ['a house number straight after a colon', 'Address:12 Acacia Avenue'],
      ['a saint abbreviated with a full stop', "12 St. Mary's Road"],
      ['a range of house numbers', '12-14 High Street'],
    ])('when it holds %s, then a home address is found', (_, text) => {
      expect(kindIn(text)).toBe('HOME_ADDRESS');
    });

    it.each([
      ['a quantity and a way', 'The bulk load peaked at 531 MB that way.'],
      ['a range of years and a way', 'History is entered with real dates (the demo enters 2019-2026 this way).'],
      ['a decimal and a row', 'Rebuilding took 2.5 s a row at a time.'],
      ['a title after a year', 'In 2019 The Way Forward was adopted.'],
      ['courts by number', 'There were 3 Family Court hearings and 2 High Court judgments.'],
      ['a common word that can name a street, not before a comma', 'All 5 councils drive improvement.'],
      ['areas closing a year', 'The 5 areas close the year with a surplus.'],
      ['a count of meetings held at a place', 'The group met 4 times at Constabulary Headquarters, Portishead.'],
      ['a count of ratings', 'Of the 6 areas, 4 now green, 2 amber.'],
      ['a count rated', '3 rated green, 2 amber'],
      ['a count of RAG ratings', '5 RAG Green and 2 Amber'],
      ['a drive in hours', 'it is a 2 hour drive, so we meet online'],
      ['a walk in minutes', 'a 10 minute walk, from the station'],
      ['a car park by its spaces', 'a 30 space car park, free'],
      ['a rise in points', 'a 12 point rise, from last year'],
      ['a view of partners', "the 5 partners' view, however"],
      ['a number after "Year"', 'the Year 2 Dashboard View'],
      ['a number after "Chapter"', 'Chapter 4 Working Together Way'],
      ['the Supreme Court by number', '2 Supreme Court judgments'],
      ['the Family Proceedings Court by number', '3 Family Proceedings Court hearings'],
      ["the Coroners' Court by number", "2 Coroners' Court inquests"],
    ])('when it holds %s, then nothing is found', (_, text) => {
      expect(findIdentifyingData(text)).toBeNull();
    });

    it.each([
      ['a building and its postcode', 'Local Government House, Smith Square, London SW1P 3HZ'],
      ['a meeting place', 'Avon and Somerset Constabulary Headquarters, Portishead'],
      ['a publication address', 'https://bristol-safeguarding.example/minutes/asssp-2026-03-12'],
    ])('when it holds %s, then nothing is found', (_, text) => {
      expect(findIdentifyingData(text)).toBeNull();
    });
  });

  describe('given text holding several kinds of identifying data', () => {
    const text = 'Jane Doe (DOB 01/02/2015) lives at 12 Acacia Avenue, Bristol; NHS number 943 476 5919.';

    it('when all are asked for, then each kind is found once, in the order the checks run', () => {
      expect(findAllIdentifyingData(text)).toEqual([
        { kind: 'NHS_NUMBER', description: 'an NHS number' },
        { kind: 'DATE_OF_BIRTH', description: 'a date of birth' },
        { kind: 'HOME_ADDRESS', description: 'a home address' },
      ]);
    });

    it('when one is asked for, then it is the first of them', () => {
      expect(findIdentifyingData(text)).toEqual({ kind: 'NHS_NUMBER', description: 'an NHS number' });
    });

    it('when it reads as governance, then none is found', () => {
      expect(findAllIdentifyingData('The meeting of 12 March 2020 was quorate.')).toEqual([]);
    });
  });

  describe('given the seeds whole', () => {
    it('holds the five documents', () => {
      expect(SEEDS).toHaveLength(5);
    });

    it.each(SEEDS)('when %s is read whole, then nothing is found in it', (_, text) => {
      expect(findAllIdentifyingData(text)).toEqual([]);
    });

    it.each(SEEDS)('when %s is read a paragraph at a time, then nothing is found in any', (_, text) => {
      const flagged = text.split(/\n\s*\n/).filter((paragraph) => findAllIdentifyingData(paragraph).length > 0);
      expect(flagged).toEqual([]);
    });
  });

  describe('given governance text with ordinary dates, counts and sums', () => {
    it.each([
      ['the meeting of 12 March 2020'],
      ['7 of 10 present'],
      ['£45,000'],
      ['Agreed contributions for 2020/21 of £45,000 from each council; quorum 66% (7 of 10).'],
      ['Next review due 2026-12-01; decisions recorded on 01/02/2026.'],
    ])('when it reads %j, then nothing is found', (text) => {
      expect(findIdentifyingData(text)).toBeNull();
    });
  });

  describe('given the corpus of 200 governance sentences from the seeds', () => {
    it('holds 200 sentences', () => {
      expect(GOVERNANCE).toHaveLength(200);
    });

    it.each(GOVERNANCE.map((sentence) => [sentence]))('when it reads %j, then nothing is found', (sentence) => {
      expect(findIdentifyingData(sentence)).toBeNull();
    });

    it('when the sentences form one 200,000-character document, then nothing is found in it', () => {
      const document = GOVERNANCE.join('\n').repeat(8).slice(0, 200_000);
      expect(findIdentifyingData(document)).toBeNull();
    });
  });

  describe('given the corpus of 50 identifying sentences', () => {
    it('holds 50 sentences', () => {
      expect(IDENTIFYING).toHaveLength(50);
    });

    it.each(IDENTIFYING)('finds %s in %j', (kind, sentence) => {
      expect(kindIn(sentence)).toBe(kind);
    });

    it('when one is put among the governance sentences, then it is still found', () => {
      const [kind, sentence] = IDENTIFYING[0];
      expect(kindIn([...GOVERNANCE.slice(0, 100), sentence, ...GOVERNANCE.slice(100)].join(' '))).toBe(kind);
    });
  });
});
