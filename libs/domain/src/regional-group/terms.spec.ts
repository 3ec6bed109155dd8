import { noticeStatusOn, termsAdoptedBy, termsReviewOn } from './terms';

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

describe('termsReviewOn (R12)', () => {
  it('is due 12 months after adoption, when nothing has been reviewed', () => {
    expect(termsReviewOn('2019-06-01', [], '2019-12-01')).toEqual({ nextReviewDue: '2020-06-01', status: 'NOT_DUE' });
  });

  it('counts from the last review held by the day asked about, not from later ones', () => {
    expect(termsReviewOn('2019-06-01', ['2019-12-10'], '2020-06-01')).toEqual({
      nextReviewDue: '2020-12-10',
      status: 'NOT_DUE',
    });
    expect(termsReviewOn('2019-06-01', ['2019-12-10'], '2019-12-09')).toEqual({
      nextReviewDue: '2020-06-01',
      status: 'NOT_DUE',
    });
  });

  it('shows as due within a month of the date, and overdue after it', () => {
    expect(termsReviewOn('2019-06-01', ['2019-12-10'], '2020-11-10').status).toBe('DUE');
    expect(termsReviewOn('2019-06-01', ['2019-12-10'], '2020-12-10').status).toBe('DUE');
    expect(termsReviewOn('2019-06-01', ['2019-12-10'], '2020-12-11').status).toBe('OVERDUE');
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
