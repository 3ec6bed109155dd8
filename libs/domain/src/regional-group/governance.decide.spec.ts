import { DomainError } from '../shared/domain-error';
import { fold } from '../shared/decider';
import {
  actorFor,
  administrator,
  appointmentEnded,
  AREAS,
  avonAndSomerset,
  avonAndSomersetWithChair,
  banesCcgSucceeded,
  chair,
  command,
  CommandInput,
  coverageChanged,
  established,
  fundingContributionAgreed,
  groupAfter,
  groupAfterCommand,
  partnersAdmitted,
  REPRESENTATIVES,
  representativeActor,
  stranger,
  termsAdopted,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { coverageOn } from './coverage';
import { regionalGroupDecider } from './regional-group.decider';
import { RegionalGroupEvent, TermsOfReferenceAdopted } from './regional-group.events';
import { termsInForceOn } from './terms';

const spec = specification(regionalGroupDecider);
const STATUTORY = ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE'];

describe('Adopting terms of reference (R12, R7, R3)', () => {
  const adopt = (overrides: Partial<CommandInput<'AdoptTermsOfReference'>> = {}) =>
    command('AdoptTermsOfReference', {
      version: '1.1',
      summary: 'First annual review: no changes.',
      quorumPercentage: 66,
      meetingCadenceMonths: 3,
      noticePeriodMonths: 12,
      statutoryTypesPerArea: STATUTORY,
      adoptedOn: '2019-12-10',
      firstReviewBy: null,
      acceptCoverageGap: false,
      ...overrides,
    });

  const adopted = (data: Partial<TermsOfReferenceAdopted['data']> = {}): TermsOfReferenceAdopted => ({
    type: 'TermsOfReferenceAdopted',
    data: {
      version: '1.1',
      summary: 'First annual review: no changes.',
      quorumPercentage: 66,
      meetingCadenceMonths: 3,
      noticePeriodMonths: 12,
      statutoryTypesPerArea: STATUTORY,
      adoptedOn: '2019-12-10',
      firstReviewBy: null,
      gapsAccepted: [],
      ...data,
    },
  });

  it('records the Avon and Somerset terms: 66% quorum, quarterly, 12 months’ notice', () => {
    spec
      .given([established, ...partnersAdmitted])
      .when(adopt({ version: '1.0', summary: 'Terms of reference of the regional group.', adoptedOn: '2019-06-01' }))
      .then([termsAdopted]);
  });

  it('records a new version, which is then the version in force, with the history kept', () => {
    spec.given(avonAndSomerset).when(adopt()).then([adopted()]);
    const group = groupAfterCommand(avonAndSomerset, adopt());
    expect(group.terms.map((terms) => terms.version)).toEqual(['1.0', '1.1']);
    const { gapsAccepted: _gaps, ...inForce } = adopted().data;
    expect(termsInForceOn(group.terms, inForce.adoptedOn)).toEqual({ terms: inForce, platformDefault: false });
  });

  it('tidies the version and summary and names each type once', () => {
    spec
      .given(avonAndSomerset)
      .when(
        adopt({
          version: ' 1.1 ',
          summary: ' First  annual review:   no changes. ',
          statutoryTypesPerArea: ['POLICE', 'HEALTH', 'POLICE', 'LOCAL_AUTHORITY'],
        }),
      )
      .then([adopted({ statutoryTypesPerArea: ['POLICE', 'HEALTH', 'LOCAL_AUTHORITY'] })]);
  });

  it('records a version adopted on the same day as the version in force', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ adoptedOn: '2019-06-01' }))
      .then([adopted({ adoptedOn: '2019-06-01' })]);
  });

  it('records a version needing fewer types without any gap', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'POLICE'] }))
      .then([adopted({ statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'POLICE'] })]);
  });

  it('is refused with COVERAGE_GAP naming every area when education becomes required and nobody covers it', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ version: '2.0', statutoryTypesPerArea: [...STATUTORY, 'EDUCATION'] }))
      .thenFails(
        'COVERAGE_GAP',
        /Bath and North East Somerset would have no education partner; Bristol would have no education partner; North Somerset would have no education partner; Somerset would have no education partner; South Gloucestershire would have no education partner/,
      );
  });

  it('records education as required, with a gap accepted in every area, when the sender accepts them', () => {
    const educationGaps = Object.values(AREAS).map((area) => ({
      areaId: area.areaId,
      areaName: area.name,
      agencyType: 'EDUCATION',
    }));
    const sent = adopt({ version: '2.0', statutoryTypesPerArea: [...STATUTORY, 'EDUCATION'], acceptCoverageGap: true });
    spec
      .given(avonAndSomerset)
      .when(sent)
      .then([
        adopted({ version: '2.0', statutoryTypesPerArea: [...STATUTORY, 'EDUCATION'], gapsAccepted: educationGaps }),
      ]);
    expect(coverageOn(groupAfterCommand(avonAndSomerset, sent), TODAY).map((area) => area.missing)).toEqual(
      Object.values(AREAS).map(() => ['EDUCATION']),
    );
  });

  it('does not refuse a gap that was already there', () => {
    const policeLeftSomerset = coverageChanged(
      'police',
      ['banes', 'bristol', 'north-somerset', 'south-glos'],
      [{ areaId: 'somerset', areaName: 'Somerset', agencyType: 'POLICE' }],
    );
    spec
      .given([...avonAndSomerset, policeLeftSomerset])
      .when(adopt())
      .then([adopted()]);
  });

  it('is refused when the version is already adopted', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ version: ' 1.0 ' }))
      .thenFails('ALREADY_EXISTS', /Version 1.0 of the terms of reference is already adopted/);
  });

  it('is refused without a version label', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ version: '  ' }))
      .thenFails('VALIDATION_FAILED', /need a version label/);
  });

  it('is refused when backdated before the version in force', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ adoptedOn: '2019-05-31' }))
      .thenFails(
        'OUT_OF_RANGE',
        /The adoption date \(2019-05-31\) is before Avon and Somerset Strategic Safeguarding Partnership was established \(2019-06-01\)/,
      );
  });

  it.each(['2019-13-01', '10/12/2019', ''])('is refused with the adoption date %p', (adoptedOn) => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ adoptedOn }))
      .thenFails(
        'VALIDATION_FAILED',
        /The adoption date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/,
      );
  });

  it('records the day the terms name for their first review, sooner than a year on (R12: ASSSP, December 2019)', () => {
    spec
      .given([established, ...partnersAdmitted])
      .when(adopt({ version: '1.0', adoptedOn: '2019-06-01', firstReviewBy: '2019-12-01' }))
      .then([adopted({ version: '1.0', adoptedOn: '2019-06-01', firstReviewBy: '2019-12-01' })]);
  });

  it.each(['2019-12-10', '2019-12-09', '2020-12-11'])(
    'is refused with a first review on %p, not after adoption or more than a year on',
    (firstReviewBy) => {
      spec
        .given(avonAndSomerset)
        .when(adopt({ firstReviewBy }))
        .thenFails(
          'VALIDATION_FAILED',
          /The first review date .* must be after the adoption date and no later than 2020-12-10/,
        );
    },
  );

  it('is refused with a first review date that is not a day', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ firstReviewBy: 'December 2019' }))
      .thenFails('VALIDATION_FAILED', /The first review date/);
  });

  it.each([0, 101, 66.5, -66, Number.NaN])('is refused with a quorum of %p%%', (quorumPercentage) => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ quorumPercentage }))
      .thenFails('VALIDATION_FAILED', /The quorum percentage must be a whole number from 1 to 100/);
  });

  it.each([1, 100])('records a quorum of %p%%', (quorumPercentage) => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ quorumPercentage }))
      .then([adopted({ quorumPercentage })]);
  });

  it.each([0, 25, 1.5])('is refused with a meeting cadence of %p months', (meetingCadenceMonths) => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ meetingCadenceMonths }))
      .thenFails('VALIDATION_FAILED', /The meeting cadence in months must be a whole number from 1 to 24/);
  });

  it.each([1, 24])('records a meeting cadence of %p months', (meetingCadenceMonths) => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ meetingCadenceMonths }))
      .then([adopted({ meetingCadenceMonths })]);
  });

  it.each([-1, 61, 12.5])('is refused with a notice period of %p months', (noticePeriodMonths) => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ noticePeriodMonths }))
      .thenFails('VALIDATION_FAILED', /The notice period in months must be a whole number from 0 to 60/);
  });

  it.each([0, 60])('records a notice period of %p months', (noticePeriodMonths) => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ noticePeriodMonths }))
      .then([adopted({ noticePeriodMonths })]);
  });

  it('is refused without any required agency type', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ statutoryTypesPerArea: [] }))
      .thenFails('VALIDATION_FAILED', /Name at least one agency type every area needs/);
  });

  it('is refused naming the agency types the platform does not know', () => {
    spec
      .given(avonAndSomerset)
      .when(adopt({ statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'SCHOOLS', 'police'] }))
      .thenFails('VALIDATION_FAILED', /Unknown agency types: SCHOOLS, police\./);
  });

  it('is recorded by the chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(adopt({ actor: chair }))
      .then([adopted()]);
  });

  it('is refused to a stranger and to a representative', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(adopt({ actor: stranger }))
      .thenFails('FORBIDDEN', /adopt terms of reference/);
    spec
      .given(avonAndSomersetWithChair)
      .when(adopt({ actor: representativeActor }))
      .thenFails('FORBIDDEN', /adopt terms of reference/);
  });
});

describe('Recording a review of the terms of reference (R12)', () => {
  const review = (overrides: Partial<CommandInput<'RecordTermsOfReferenceReview'>> = {}) =>
    command('RecordTermsOfReferenceReview', {
      reviewedOn: '2019-12-10',
      notes: 'First  review:  no changes. ',
      ...overrides,
    });

  it('records the review date and the notes', () => {
    spec
      .given(avonAndSomerset)
      .when(review())
      .then([
        { type: 'TermsOfReferenceReviewed', data: { reviewedOn: '2019-12-10', notes: 'First review: no changes.' } },
      ]);
  });

  it('keeps every review in order', () => {
    const once = [...avonAndSomerset, ...regionalGroupDecider.decide(review(), groupAfter(avonAndSomerset))];
    expect(
      groupAfterCommand(once, review({ reviewedOn: '2020-12-08', now: '2021-01-04T10:00:00.000Z' })).reviews,
    ).toEqual(['2019-12-10', '2020-12-08']);
  });

  it('is refused when the group has no terms to review', () => {
    spec
      .given([established, ...partnersAdmitted])
      .when(review())
      .thenFails('VALIDATION_FAILED', /has not adopted terms of reference to review/);
  });

  it('is refused with a malformed date', () => {
    spec
      .given(avonAndSomerset)
      .when(review({ reviewedOn: 'December 2019' }))
      .thenFails('VALIDATION_FAILED', /The review date must be a date written YYYY-MM-DD/);
  });

  it('is recorded by the chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(review({ actor: chair, notes: '' }))
      .then([{ type: 'TermsOfReferenceReviewed', data: { reviewedOn: '2019-12-10', notes: '' } }]);
  });

  it('is refused to a stranger', () => {
    spec
      .given(avonAndSomerset)
      .when(review({ actor: stranger }))
      .thenFails('FORBIDDEN', /record a review of the terms of reference/);
  });

  it('is refused as OUT_OF_RANGE when dated before the terms in force were adopted', () => {
    spec
      .given(avonAndSomerset)
      .when(review({ reviewedOn: '2019-05-01' }))
      .thenFails('OUT_OF_RANGE', /before the terms it reviews were adopted \(version 1.0\) \(2019-06-01\)/);
  });

  it('is refused when dated in the future', () => {
    spec
      .given(avonAndSomerset)
      .when(review({ reviewedOn: '2020-01-16' }))
      .thenFails('VALIDATION_FAILED', /The review date \(2020-01-16\) is in the future/);
  });
});

describe('Funding contributions (R15)', () => {
  const agree = (overrides: Partial<CommandInput<'AgreeFundingContribution'>> = {}) =>
    command('AgreeFundingContribution', {
      partnerId: 'north-somerset-council',
      financialYear: '2020/21',
      amountPence: 1_250_000,
      inKind: null,
      ...overrides,
    });
  const change = (overrides: Partial<CommandInput<'ChangeFundingContribution'>> = {}) =>
    command('ChangeFundingContribution', {
      partnerId: 'north-somerset-council',
      financialYear: '2020/21',
      amountPence: 1_000_000,
      inKind: null,
      actor: representativeActor,
      ...overrides,
    });
  const agreed = fundingContributionAgreed;
  const changed = (
    data: Partial<{
      partnerId: string;
      financialYear: string;
      amountPence: number;
      inKind: string | null;
      changedOn: string;
    }> = {},
  ): RegionalGroupEvent => ({
    type: 'FundingContributionChanged',
    data: {
      partnerId: 'north-somerset-council',
      financialYear: '2020/21',
      amountPence: 1_000_000,
      inKind: null,
      changedOn: TODAY,
      ...data,
    },
  });

  describe('agreed by the group', () => {
    it('records the contribution in pence', () => {
      spec.given(avonAndSomerset).when(agree()).then([agreed()]);
    });

    it('folds to a contribution that is not unilateral', () => {
      expect(groupAfterCommand(avonAndSomerset, agree()).funding).toEqual([
        {
          partnerId: 'north-somerset-council',
          financialYear: '2020/21',
          amountPence: 1_250_000,
          inKind: null,
          unilateral: false,
          on: TODAY,
        },
      ]);
    });

    it('records a contribution in kind, tidied, and an empty one as none', () => {
      spec
        .given(avonAndSomerset)
        .when(agree({ amountPence: 0, inKind: '  Meeting rooms and   a minute taker ' }))
        .then([agreed({ amountPence: 0, inKind: 'Meeting rooms and a minute taker' })]);
      spec
        .given(avonAndSomerset)
        .when(agree({ inKind: '' }))
        .then([agreed()]);
    });

    it('replaces the contribution for the same partner and year, keeping other years', () => {
      const given = [...avonAndSomerset, agreed(), agreed({ financialYear: '2021/22', amountPence: 1_300_000 })];
      expect(groupAfterCommand(given, agree({ amountPence: 1_400_000 })).funding).toEqual([
        {
          partnerId: 'north-somerset-council',
          financialYear: '2021/22',
          amountPence: 1_300_000,
          inKind: null,
          unilateral: false,
          on: TODAY,
        },
        {
          partnerId: 'north-somerset-council',
          financialYear: '2020/21',
          amountPence: 1_400_000,
          inKind: null,
          unilateral: false,
          on: TODAY,
        },
      ]);
    });

    it.each(['2020/21', '1999/00', '2019/20'])('accepts the financial year %p', (financialYear) => {
      spec
        .given(avonAndSomerset)
        .when(agree({ financialYear }))
        .then([agreed({ financialYear })]);
    });

    it.each(['2020/22', '2020', '2020-21', '20/21', '2020/2021', '2020/1', '2020/20', ' 2020/21'])(
      'is refused for the financial year %p',
      (financialYear) => {
        spec
          .given(avonAndSomerset)
          .when(agree({ financialYear }))
          .thenFails(
            'VALIDATION_FAILED',
            new RegExp(`"${financialYear.replace('/', '\\/')}" is not a financial year; write it like 2020/21`),
          );
      },
    );

    it.each([-1, 0.5, 1_250_000.01, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
      'is refused for %p pence',
      (amountPence) => {
        spec
          .given(avonAndSomerset)
          .when(agree({ amountPence }))
          .thenFails('VALIDATION_FAILED', /A contribution is a whole, non-negative number of pence/);
      },
    );

    it('is refused for an unknown partner', () => {
      spec
        .given(avonAndSomerset)
        .when(agree({ partnerId: 'fire' }))
        .thenFails('NOT_FOUND', /no core partner fire/);
    });

    it('is refused for a partner that has been succeeded', () => {
      const succeeded = banesCcgSucceeded();
      spec
        .given([...avonAndSomerset, succeeded])
        .when(agree({ partnerId: 'banes-ccg', financialYear: '2022/23' }))
        .thenFails('VALIDATION_FAILED', /NHS BANES CCG has been succeeded by NHS BSW ICB/);
    });

    it('is recorded by the chair', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(agree({ actor: chair }))
        .then([agreed()]);
    });

    it('is refused to a stranger, and to the partner’s own representative', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(agree({ actor: stranger }))
        .thenFails('FORBIDDEN', /record an agreed funding contribution/);
      spec
        .given(avonAndSomersetWithChair)
        .when(agree({ actor: representativeActor }))
        .thenFails('FORBIDDEN', /record an agreed funding contribution/);
    });
  });

  describe('changed by a partner for itself', () => {
    it('records the change', () => {
      spec
        .given([...avonAndSomerset, agreed()])
        .when(change())
        .then([changed()]);
    });

    it('folds to a contribution flagged unilateral', () => {
      expect(groupAfterCommand([...avonAndSomerset, agreed()], change()).funding).toEqual([
        {
          partnerId: 'north-somerset-council',
          financialYear: '2020/21',
          amountPence: 1_000_000,
          inKind: null,
          unilateral: true,
          on: TODAY,
        },
      ]);
    });

    it('is no longer unilateral once the group agrees a contribution for the same partner and year', () => {
      const given = [...avonAndSomerset, agreed(), changed(), changed({ financialYear: '2021/22' })];
      expect(groupAfterCommand(given, agree({ amountPence: 1_000_000 })).funding).toEqual([
        {
          partnerId: 'north-somerset-council',
          financialYear: '2021/22',
          amountPence: 1_000_000,
          inKind: null,
          unilateral: true,
          on: TODAY,
        },
        {
          partnerId: 'north-somerset-council',
          financialYear: '2020/21',
          amountPence: 1_000_000,
          inKind: null,
          unilateral: false,
          on: TODAY,
        },
      ]);
    });

    it('is unilateral again when the partner changes an agreed contribution', () => {
      const given = [...avonAndSomerset, changed(), agreed()];
      expect(groupAfterCommand(given, change({ amountPence: 900_000 })).funding).toEqual([
        {
          partnerId: 'north-somerset-council',
          financialYear: '2020/21',
          amountPence: 900_000,
          inKind: null,
          unilateral: true,
          on: TODAY,
        },
      ]);
    });

    it('records a change with no contribution agreed before, tidying the in-kind description', () => {
      spec
        .given(avonAndSomerset)
        .when(change({ inKind: ' Training   venue ' }))
        .then([changed({ inKind: 'Training venue' })]);
    });

    it('is recorded by either police representative for the police', () => {
      const forPolice = { partnerId: 'police', financialYear: '2020/21', amountPence: 5_000_000, inKind: null };
      spec
        .given(avonAndSomerset)
        .when(change({ ...forPolice, actor: actorFor(REPRESENTATIVES.willWhite) }))
        .then([changed(forPolice)]);
      spec
        .given(avonAndSomerset)
        .when(change({ ...forPolice, actor: actorFor(REPRESENTATIVES.victoriaCapel) }))
        .then([changed(forPolice)]);
    });

    it('is recorded by the chair for the chair’s own partner', () => {
      spec
        .given(avonAndSomersetWithChair)
        .when(change({ partnerId: 'bristol-council', actor: chair }))
        .then([changed({ partnerId: 'bristol-council' })]);
    });

    it.each([
      ['a representative of another partner', actorFor(REPRESENTATIVES.chrisSivers)],
      ['the chair, for another partner', chair],
      ['the administrator', administrator],
      ['a stranger', stranger],
      [
        'someone claiming the partner in their identity only',
        { personId: 'impostor', partnerId: 'north-somerset-council', roles: ['REPRESENTATIVE'] },
      ],
    ])('is refused with FORBIDDEN to %s', (_who, actor) => {
      spec
        .given(avonAndSomersetWithChair)
        .when(change({ actor }))
        .thenFails('FORBIDDEN', /Only a current representative of a partner can change that partner’s contribution/);
    });

    it('names the role that would be needed', () => {
      let error: unknown;
      try {
        regionalGroupDecider.decide(change({ actor: stranger }), groupAfter(avonAndSomerset));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual({ requiredRole: 'REPRESENTATIVE of the partner' });
    });

    it('is refused to a representative whose appointment has ended', () => {
      spec
        .given([...avonAndSomerset, appointmentEnded('apt-sheila-smith', '2020-01-01')])
        .when(change())
        .thenFails('FORBIDDEN');
    });

    it('is refused to a representative whose appointment has not started', () => {
      spec
        .given(avonAndSomerset)
        .when(change({ now: '2019-05-31T12:00:00.000Z' }))
        .thenFails('FORBIDDEN');
    });

    it('follows the seat to the successor after a succession', () => {
      const succeeded = banesCcgSucceeded();
      const lisa = actorFor(REPRESENTATIVES.lisaHarvey);
      const now = '2022-09-01T10:00:00.000Z';
      spec
        .given([...avonAndSomerset, succeeded])
        .when(change({ partnerId: 'bsw-icb', financialYear: '2022/23', actor: lisa, now }))
        .then([changed({ partnerId: 'bsw-icb', financialYear: '2022/23', changedOn: '2022-09-01' })]);
      spec
        .given([...avonAndSomerset, succeeded])
        .when(change({ partnerId: 'banes-ccg', financialYear: '2022/23', actor: lisa, now }))
        .thenFails('FORBIDDEN');
    });

    it('is refused for a year that is not a financial year', () => {
      spec
        .given(avonAndSomerset)
        .when(change({ financialYear: '2020/22' }))
        .thenFails('VALIDATION_FAILED', /not a financial year/);
    });

    it('is refused for a negative or fractional amount', () => {
      spec
        .given(avonAndSomerset)
        .when(change({ amountPence: -100 }))
        .thenFails('VALIDATION_FAILED', /whole, non-negative number of pence/);
      spec
        .given(avonAndSomerset)
        .when(change({ amountPence: 99.5 }))
        .thenFails('VALIDATION_FAILED', /whole, non-negative number of pence/);
    });
  });
});

describe('Adopting terms of reference dated in the future', () => {
  const adoptVersion2 = (dates: { adoptedOn: string; now?: string }) =>
    command('AdoptTermsOfReference', {
      version: '2.0',
      summary: 'Adds education as a statutory partner.',
      quorumPercentage: 66,
      meetingCadenceMonths: 3,
      noticePeriodMonths: 12,
      statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE'],
      firstReviewBy: null,
      acceptCoverageGap: false,
      ...dates,
    });

  it('is refused: terms are recorded once adopted, so the rules in force today match the record', () => {
    specification(regionalGroupDecider)
      .given(avonAndSomerset)
      .when(adoptVersion2({ adoptedOn: '2030-01-01' }))
      .thenFails('VALIDATION_FAILED', /once adopted/);
  });

  it('is accepted dated today in London, after midnight there and before it in UTC', () => {
    const events = regionalGroupDecider.decide(
      // 30 June 2022 at 23:30 UTC is half past midnight on 1 July in London (British Summer Time).
      adoptVersion2({ adoptedOn: '2022-07-01', now: '2022-06-30T23:30:00.000Z' }),
      fold(regionalGroupDecider, avonAndSomerset),
    );
    expect(events.map((event) => event.type)).toContain('TermsOfReferenceAdopted');
  });
});
