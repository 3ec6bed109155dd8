/*
 * R40: the platform holds governance data, never data that identifies a child or a family. This
 * is the one rule every free-text field (and every header that reaches an event's metadata) is
 * checked against. It looks for what identifies a person in safeguarding records: an NHS number,
 * a date of birth, a name given as a child's or a family's, and a home address. Governance text
 * is full of ordinary dates, counts, sums and the names of officials ("the meeting of 12 March
 * 2020", "7 of 10 present", "£45,000", "Sheila Smith, Director"): none of those is refused, so
 * a name or a date is identifying only in the company that makes it so.
 */

export type IdentifyingDataKind = 'NHS_NUMBER' | 'DATE_OF_BIRTH' | 'CHILD_OR_FAMILY_NAME' | 'HOME_ADDRESS';

export interface IdentifyingData {
  readonly kind: IdentifyingDataKind;
  /** What was found, as a sentence would name it: "a date of birth". */
  readonly description: string;
}

const DESCRIPTIONS: Record<IdentifyingDataKind, string> = {
  NHS_NUMBER: 'an NHS number',
  DATE_OF_BIRTH: 'a date of birth',
  CHILD_OR_FAMILY_NAME: 'a name given as a child’s or a family’s',
  HOME_ADDRESS: 'a home address',
};

/**
 * The NHS data dictionary's check: the first nine digits weighted 10 down to 2, the check digit
 * is 11 minus the sum modulo 11 (11 becomes 0; 10 means the number cannot be an NHS number).
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Ten digits on their own, together or grouped 3-3-4 by spaces or hyphens. */
const NHS_NUMBER_CANDIDATE = /(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g;

function hasNhsNumber(text: string): boolean {
  for (const [, a, b, c] of text.matchAll(NHS_NUMBER_CANDIDATE)) if (isValidNhsNumber(a + b + c)) return true;
  return false;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '[0-3]?\\d(?:st|nd|rd|th)?';
/** A full date in the forms UK records use: 01/02/2015, 1.2.15, 2015-02-01, 1 February 2015, 1st of Feb 2015, February 1, 2015. */
const FULL_DATE = [
  '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}',
  '\\d{4}-\\d{1,2}-\\d{1,2}',
  `${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+\\d{2,4}`,
  `${MONTH}\\s+${DAY},?\\s+\\d{4}`,
].join('|');

/**
 * "DOB", "D.O.B.", "date of birth", "birth date" or "born", then a full date with only
 * punctuation or "is", "was", "on", "of", "the" between: "born on or after 1 September 2015" (who a
 * policy covers) and "date of birth must not be recorded" are not a date of birth.
 */
const DATE_OF_BIRTH = new RegExp(
  `\\b(?:d\\.?o\\.?b\\b\\.?|date\\s+of\\s+birth|birth\\s*date|born)[\\s:=(),.\\-–—]*(?:(?:is|was|on|of|the)\\s+){0,2}(?:${FULL_DATE})(?!\\d)`,
  'i',
);

/** Words a name is given to, matched with either case of their first letter. */
const PEOPLE = [
  'child',
  'children',
  'young person',
  'young people',
  'baby',
  'infant',
  'toddler',
  'sibling',
  'siblings',
  'brother',
  'sister',
  'son',
  'daughter',
  'boy',
  'girl',
  'teenager',
  'adolescent',
  'pupil',
  'student',
  'mother',
  'father',
  'mum',
  'dad',
  'parent',
  'parents',
  'stepfather',
  'stepmother',
  'step-father',
  'step-mother',
  'grandmother',
  'grandfather',
  'grandparent',
  'carer',
  'family',
  'victim',
  '\\d{1,2}[- ]year[- ]old',
  '\\d{1,2}[- ]month[- ]old',
];
const eitherCase = (word: string) => word.replace(/^[a-z]/, (first) => `[${first}${first.toUpperCase()}]`);
const PERSON = `(?:${PEOPLE.map(eitherCase).join('|')})`;
/** A capitalised word of two letters or more: a single capital ("Child A") is the anonymisation reviews use. */
const NAME = "[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*";
/** "Child A", "Family B", "Sibling 2": the convention of published reviews, which identifies nobody. */
const ANONYMISED =
  '(?:Child|Children|Family|Baby|Sibling|Young\\s+Person|Adult|Mother|Father|Parent|Person|Subject|Case|Victim)\\s+(?:[A-Z]|\\d{1,2})\\b';
const GIVEN_NAME = `["'‘“]?(?:the\\s+)?(?!${ANONYMISED})${NAME}`;

const CHILD_OR_FAMILY_NAMES = [
  // "a child named Leo", "the mother, known as Mary", "a 7-year-old called Ava"
  `\\b${PERSON}[\\s,]+(?:(?:who\\s+is|is|was)\\s+)?(?:called|named|known\\s+as)\\s+${GIVEN_NAME}`,
  // "the child's mother, Mary Doe", "the baby's name is Ava"
  `\\b${PERSON}['’]s\\s+(?:${PERSON}|name|first\\s+name|surname|full\\s+name)(?:\\s+(?:is|was)|\\s*[,:(])\\s*${GIVEN_NAME}`,
  // "the name of the child is Leo"
  `\\bname\\s+of\\s+the\\s+${PERSON}\\s*(?:is|was|:)\\s*${GIVEN_NAME}`,
].map((pattern) => new RegExp(pattern));

/**
 * Capitalised words that come before "family" in governance text without being a surname: the
 * kinds of family practice speaks of, and organisations speaking of themselves as one.
 */
const NOT_SURNAMES = new Set(
  (
    'Whole Extended Wider Birth Foster Adoptive Nuclear Blended Host Kinship Step Same Entire First Second Next ' +
    'Last Other Single Council Police Partnership Partnerships Safeguarding Local Regional National Royal Team ' +
    'Service Services Health Care Education School Schools Children Childrens Family Families Troubled Thriving ' +
    'Supporting Early Help Think Strengthening Stronger Brighter Healthy Working Together Public Court Courts'
  ).split(' '),
);
const THE_SURNAME_FAMILY = new RegExp(`\\b[Tt]he\\s+(${NAME}(?:[- ]${NAME})?)\\s+[Ff]amily\\b`, 'g');

/** Words that start a phrase such as "Young People aged 16 and 17" and are not anyone's name. */
const NOT_NAMES = new Set(
  (
    'Children Child Young People Person Persons Pupils Pupil Students Learners Boys Girls Babies Infants Adults ' +
    'Adolescents Teenagers Those Anyone Everyone Someone Residents Leavers Care Looked After Siblings Victims ' +
    'Parents Carers Families Offenders Women Men Mothers Fathers All Any Most Many Some Only'
  ).split(' '),
);
/** "Leo Carter, aged 7": a name with a child's age. */
const NAME_WITH_AGE = new RegExp(`\\b(${NAME})(?:\\s+(${NAME}))?,?\\s+aged?\\s+(\\d{1,2})(?![\\d-])`, 'g');
const CHILD_AGE_LIMIT = 17;

function hasChildOrFamilyName(text: string): boolean {
  if (CHILD_OR_FAMILY_NAMES.some((pattern) => pattern.test(text))) return true;
  for (const [, surname] of text.matchAll(THE_SURNAME_FAMILY)) {
    if (!surname.split(/[- ]/).some((word) => NOT_SURNAMES.has(word))) return true;
  }
  for (const [, first, second, age] of text.matchAll(NAME_WITH_AGE)) {
    const words = second ? [first, second] : [first];
    if (Number(age) <= CHILD_AGE_LIMIT && !words.some((word) => NOT_NAMES.has(word))) return true;
  }
  return false;
}

/** Street words that are nothing else, and the abbreviations envelopes use. */
const STREET_ONLY_WORDS = new Set(
  (
    'street st road rd avenue ave lane ln crescent cres terrace terr mews parade pde croft villas cottages ' +
    'wharf gardens gdns sq cl ct pl pk'
  ).split(' '),
);
/** Street words that are ordinary English too ("4 now green", "a 10 minute walk"): a street only after a capitalised name. */
const COMMON_WORD_STREETS =
  'close drive way court place grove walk row rise hill square park green view vale fields meadow meadows yard quay';
/**
 * A house number (or a range, "12-14"), then up to three words and a street word, in any case:
 * "12 St. Mary's Road", "No.12 Acacia Avenue". A number after a decimal point, a time, a range, a
 * fraction or a currency sign is a quantity, and one after "Year" or "Chapter" is a label, not a house.
 */
const NUMBER_LABELS =
  'year|chapter|section|part|phase|stage|step|tier|level|page|appendix|annex|table|figure|version|wave|week|quarter|q';
const HOUSE_AND_STREET = `(?<![\\d£$€/-]|\\d[.,:]|\\b(?:${NUMBER_LABELS})\\.?\\s*)\\b\\d{1,4}[a-z]?(?:-\\d{1,4}[a-z]?)?,?\\s+((?:(?:st\\.|[a-z][a-z'’-]*)\\s+){1,3})(${[...STREET_ONLY_WORDS, ...COMMON_WORD_STREETS.split(' ')].join('|')})\\b`;
const HOUSE_AND_STREET_CANDIDATE = new RegExp(HOUSE_AND_STREET, 'gi');
/**
 * Words no street's name holds: with them a number and a street word are a phrase ("531 MB that
 * way", "in 2019 The Way Forward", "2.5 s a row"). "New", "All" and "May" name streets.
 */
const NOT_STREET_NAMES = new Set(
  (
    'a an the this that these those its their our your his her my either neither each every any some no ' +
    'other another same such in on at of to for by with from into per and or but nor as than so is are was ' +
    'were be been has have had will would can could might must should not more less most next last s ms kb mb gb'
  ).split(' '),
);
/** Units and ratings a number counts ("a 2 Hour Drive", "5 RAG Green"): not the name of a street. */
const COUNTED = new Set(
  (
    'hour hours minute minutes min mins day days week weeks month months year years point points ' +
    'percent space spaces metre metres km times rated rating now rag'
  ).split(' '),
);
/** Courts a review speaks of by number ("3 Family Court hearings", "2 Supreme Court judgments"): not streets. */
const COURTS = new Set(
  (
    "family crown youth high county magistrates magistrates’ magistrates' coroners coroners’ coroners' coroner’s " +
    "coroner's supreme appeal proceedings"
  ).split(' '),
);

/**
 * "12 Acacia Avenue", "4a Mill lane", "12 ACACIA AVENUE": a name in capitals and a street word in
 * any case; "12 acacia avenue": all in lower case, with a word that is a street and nothing else.
 * After "lives at" a number and a street word are an address whatever the words between ("lives at
 * 4 The Close", "lives at 27 orchard close").
 */
function isHouseAndStreet(words: string, street: string, livingAt: boolean): boolean {
  const names = words.trim().split(/\s+/);
  const lowered = names.map((name) => name.toLowerCase());
  if (!livingAt && lowered.some((name) => NOT_STREET_NAMES.has(name))) return false;
  if (lowered.some((name) => COUNTED.has(name))) return false;
  if (street.toLowerCase() === 'court' && COURTS.has(lowered[lowered.length - 1])) return false;
  if (names.every((name) => /^[A-Z]/.test(name))) return true;
  const lowerCase = names.every((name) => /^[a-z]/.test(name)) && street === street.toLowerCase();
  return lowerCase && (livingAt || STREET_ONLY_WORDS.has(street));
}

/** A full UK postcode, as written on letters: capitals, with or without the space. */
const POSTCODE = '\\b(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}|GIR\\s?0AA)\\b';
const LIVING_AT = [
  'lives\\s+at',
  'living\\s+at',
  'lived\\s+at',
  'resides\\s+at',
  'residing\\s+at',
  'stays\\s+at',
  'staying\\s+at',
  'home\\s+address',
  'address\\s+is',
];
const LIVING_AT_PATTERN = `\\b(?:${LIVING_AT.map(eitherCase).join('|')})[\\s:,]*`;
/** "home address: BS1 4ST", "lives at BA20 2AA": a postcode given as where someone lives. */
const LIVING_AT_POSTCODE = new RegExp(`${LIVING_AT_PATTERN}${POSTCODE}`);
/** "lives at 4 The Close", "residing at 14 New Road": a house given as where someone lives. */
const LIVING_AT_HOUSE = new RegExp(`${LIVING_AT_PATTERN}${HOUSE_AND_STREET}`, 'gi');

/**
 * A house on a street, with or without its postcode ("12 Acacia Avenue, Bristol"), or a postcode
 * given as where someone lives. A postcode on its own is an office's as often as a home's, so it passes.
 */
function hasHomeAddress(text: string): boolean {
  for (const [, words, street] of text.matchAll(LIVING_AT_HOUSE)) {
    if (isHouseAndStreet(words, street, true)) return true;
  }
  for (const [, words, street] of text.matchAll(HOUSE_AND_STREET_CANDIDATE)) {
    if (isHouseAndStreet(words, street, false)) return true;
  }
  return LIVING_AT_POSTCODE.test(text);
}

const CHECKS: readonly (readonly [IdentifyingDataKind, (text: string) => boolean])[] = [
  ['NHS_NUMBER', hasNhsNumber],
  ['DATE_OF_BIRTH', (text) => DATE_OF_BIRTH.test(text)],
  ['CHILD_OR_FAMILY_NAME', hasChildOrFamilyName],
  ['HOME_ADDRESS', hasHomeAddress],
];

/** Compatibility forms (full-width digits, non-breaking spaces) and invisible characters would hide a number from the checks. */
function plain(text: string): string {
  return text.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}

/** Everything in `text` that identifies a child or a family (R40), each kind once, in a fixed order; none when it reads as governance. */
export function findAllIdentifyingData(text: string): IdentifyingData[] {
  const checked = plain(text);
  return CHECKS.filter(([, check]) => check(checked)).map(([kind]) => ({ kind, description: DESCRIPTIONS[kind] }));
}

/** The first of `findAllIdentifyingData`, or null when the text reads as governance. */
export function findIdentifyingData(text: string): IdentifyingData | null {
  return findAllIdentifyingData(text)[0] ?? null;
}

/** RFC 9562's text form of a UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What in a key a client made up (an idempotency key, a correlation id) identifies a child or a
 * family. A UUID is random: about one in a thousand holds ten digits in a row that pass the NHS
 * check, and refusing those would refuse a form at random; any other key is checked as text.
 */
export function findAllIdentifyingDataInKey(key: string): IdentifyingData[] {
  return UUID.test(key) ? [] : findAllIdentifyingData(key);
}

/** The first of `findAllIdentifyingDataInKey`, or null. */
export function findIdentifyingDataInKey(key: string): IdentifyingData | null {
  return findAllIdentifyingDataInKey(key)[0] ?? null;
}
