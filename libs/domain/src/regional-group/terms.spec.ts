import { DEFAULT_TERMS, noticeStatusOn, termsAdoptedBy, termsInForceOn, termsReviewOn } from './terms';

const versions = [
  { version: '1.0', adoptedOn: '2019-06-01' },
  { version: '1.1', adoptedOn: '2022-07-01' },
];

describe('termsAdoptedBy (R12, A3)', () => {
  it('gives, on each day, the latest version adopted by then', () => {
    expect(termsAdoptedBy(versions, '2020-03-01')?.version).toBe('1.0');
    expect(termsAdoptedBy(versions, '2022-06-30')?.version).toBe('1.0');
    expect(termsAdoptedBy(versions, '2022-07-01')?.version).toBe('1.1');
  });

  it('gives none before the first adoption', () => {
    expect(termsAdoptedBy(versions, '2019-05-31')).toBeNull();
  });
});

describe('termsInForceOn (R7, R12, A3)', () => {
  const adopted = (version: string, adoptedOn: string, quorumPercentage: number) => ({
    ...DEFAULT_TERMS,
    version,
    summary: `Terms of reference ${version}.`,
    quorumPercentage,
    adoptedOn,
  });
  const terms = [adopted('1.0', '2019-12-01', 66), adopted('2.0', '2021-01-01', 75)];

  it('given no terms adopted by the day, then the platform’s default applies and says so', () => {
    expect(termsInForceOn([], '2026-11-23')).toEqual({ terms: DEFAULT_TERMS, platformDefault: true });
    expect(termsInForceOn(terms, '2019-11-30')).toEqual({ terms: DEFAULT_TERMS, platformDefault: true });
  });

  it('given terms adopted by the day, then they apply, not the default, even when the figures agree', () => {
    expect(termsInForceOn(terms, '2019-12-01')).toEqual({ terms: terms[0], platformDefault: false });
    expect(termsInForceOn(terms, '2020-12-31')).toEqual({ terms: terms[0], platformDefault: false });
    expect(termsInForceOn(terms, '2021-01-01')).toEqual({ terms: terms[1], platformDefault: false });
  });

  it('given no terms adopted, then the default is a 66% quorum, quarterly meetings and 12 months’ notice', () => {
    const { terms: defaults } = termsInForceOn([], '2026-11-23');
    expect([defaults.quorumPercentage, defaults.meetingCadenceMonths, defaults.noticePeriodMonths]).toEqual([
      66, 3, 12,
    ]);
    expect(defaults.statutoryTypesPerArea).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'POLICE']);
  });
});

describe('termsReviewOn (R12)', () => {
  const naming = (firstReviewBy: string | null) => ({ adoptedOn: '2019-06-01', firstReviewBy });
  const yearly = naming(null);

  it('given terms naming no first review, then it is due 12 months after adoption', () => {
    expect(termsReviewOn(yearly, [], '2019-12-01')).toEqual({ nextReviewDue: '2020-06-01', status: 'NOT_DUE' });
  });

  it('given terms naming their first review for December 2019, then it is due then, and overdue after until held', () => {
    const asssp = naming('2019-12-01');
    expect(termsReviewOn(asssp, [], '2019-10-31')).toEqual({ nextReviewDue: '2019-12-01', status: 'NOT_DUE' });
    expect(termsReviewOn(asssp, [], '2019-11-30')).toEqual({ nextReviewDue: '2019-12-01', status: 'DUE' });
    expect(termsReviewOn(asssp, [], '2019-12-02')).toEqual({ nextReviewDue: '2019-12-01', status: 'OVERDUE' });
    expect(termsReviewOn(asssp, ['2019-12-10'], '2019-12-09').status).toBe('OVERDUE');
    expect(termsReviewOn(asssp, ['2019-12-10'], '2019-12-10')).toEqual({
      nextReviewDue: '2020-12-10',
      status: 'NOT_DUE',
    });
  });

  it('given terms naming a first review later than a year on, then the year still bounds it (at least annually)', () => {
    expect(termsReviewOn(naming('2020-09-01'), [], '2020-01-01').nextReviewDue).toBe('2020-06-01');
  });

  it('counts from the last review held by the day asked about, not from later ones', () => {
    expect(termsReviewOn(yearly, ['2019-12-10'], '2020-06-01')).toEqual({
      nextReviewDue: '2020-12-10',
      status: 'NOT_DUE',
    });
    expect(termsReviewOn(yearly, ['2019-12-10'], '2019-12-09')).toEqual({
      nextReviewDue: '2020-06-01',
      status: 'NOT_DUE',
    });
  });

  it('shows as due within a month of the date, and overdue after it', () => {
    expect(termsReviewOn(yearly, ['2019-12-10'], '2020-11-10').status).toBe('DUE');
    expect(termsReviewOn(yearly, ['2019-12-10'], '2020-12-10').status).toBe('DUE');
    expect(termsReviewOn(yearly, ['2019-12-10'], '2020-12-11').status).toBe('OVERDUE');
  });
});

describe('noticeStatusOn (R13)', () => {
  const notice = { effectiveOn: '2027-12-23', withdrawnOn: null };

  it('is open until its effective date, and effective from it', () => {
    expect(noticeStatusOn(notice, '2027-12-22')).toBe('OPEN');
    expect(noticeStatusOn(notice, '2027-12-23')).toBe('EFFECTIVE');
  });

  it('is open before it was withdrawn and withdrawn from that day', () => {
    const withdrawn = { ...notice, withdrawnOn: '2027-03-01' };
    expect(noticeStatusOn(withdrawn, '2027-02-28')).toBe('OPEN');
    expect(noticeStatusOn(withdrawn, '2027-03-01')).toBe('WITHDRAWN');
    expect(noticeStatusOn(withdrawn, '2028-01-01')).toBe('WITHDRAWN');
  });
});
