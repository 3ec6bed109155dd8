import {
  appointed,
  appointmentEnded,
  avonAndSomerset,
  avonAndSomersetWithChair,
  banesCcgSucceeded,
  chair,
  command,
  CommandInput,
  fundingContributionAgreed,
  groupAfter,
  REPRESENTATIVES,
  representativeActor,
  START,
  stranger,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { FundingContributionChanged } from './regional-group.events';
import { currentAppointments } from './regional-group.state';
import { regionalGroupDecider } from './regional-group.decider';

const spec = specification(regionalGroupDecider);
const LISA = REPRESENTATIVES.lisaHarvey.appointmentId;
const REASON = 'The appointment letter is dated 1 September 2019.';

describe('Correcting an appointment’s dates (A7)', () => {
  const correct = (overrides: Partial<CommandInput<'CorrectAppointmentDates'>> = {}) =>
    command('CorrectAppointmentDates', {
      appointmentId: LISA,
      startDate: '2019-09-01',
      endDate: null,
      reason: REASON,
      ...overrides,
    });

  it('records the corrected dates and the reason as a new event', () => {
    spec
      .given(avonAndSomerset)
      .when(correct())
      .then([
        {
          type: 'AppointmentDatesCorrected',
          data: { appointmentId: LISA, startDate: '2019-09-01', endDate: null, reason: REASON },
        },
      ]);
  });

  it('is taken by the state: the representative is not current before the corrected start', () => {
    const group = groupAfter([
      ...avonAndSomerset,
      {
        type: 'AppointmentDatesCorrected',
        data: { appointmentId: LISA, startDate: '2019-09-01', endDate: null, reason: REASON },
      },
    ]);
    expect(currentAppointments(group, '2019-08-31').map((a) => a.appointmentId)).not.toContain(LISA);
    expect(currentAppointments(group, '2019-09-01').map((a) => a.appointmentId)).toContain(LISA);
  });

  it('corrects the day an ended appointment really ended', () => {
    spec
      .given([...avonAndSomerset, appointmentEnded(LISA, '2020-01-01')])
      .when(correct({ startDate: START, endDate: '2019-12-01' }))
      .then([
        {
          type: 'AppointmentDatesCorrected',
          data: { appointmentId: LISA, startDate: START, endDate: '2019-12-01', reason: REASON },
        },
      ]);
  });

  it('is refused without a reason, or with an empty one', () => {
    spec
      .given(avonAndSomerset)
      .when(correct({ reason: '' }))
      .thenFails('VALIDATION_FAILED', /needs a reason/);
    spec
      .given(avonAndSomerset)
      .when(correct({ reason: '   ' }))
      .thenFails('VALIDATION_FAILED', /needs a reason/);
  });

  it('is refused for an appointment the group does not have', () => {
    spec
      .given(avonAndSomerset)
      .when(correct({ appointmentId: 'apt-nobody' }))
      .thenFails('NOT_FOUND');
  });

  it('is refused to anyone but the administrator or the chair', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(correct({ actor: stranger }))
      .thenFails('FORBIDDEN');
    spec
      .given(avonAndSomersetWithChair)
      .when(correct({ actor: representativeActor }))
      .thenFails('FORBIDDEN');
    spec
      .given(avonAndSomersetWithChair)
      .when(correct({ actor: chair }))
      .then([
        {
          type: 'AppointmentDatesCorrected',
          data: { appointmentId: LISA, startDate: '2019-09-01', endDate: null, reason: REASON },
        },
      ]);
  });

  it('is OUT_OF_RANGE before the partner was admitted, and refused in the future', () => {
    spec
      .given(avonAndSomerset)
      .when(correct({ startDate: '2019-05-31' }))
      .thenFails('OUT_OF_RANGE', /admitted/);
    spec
      .given(avonAndSomerset)
      .when(correct({ startDate: '2020-01-16' }))
      .thenFails('VALIDATION_FAILED', /future/);
    spec
      .given(avonAndSomerset)
      .when(correct({ startDate: '2019-02-30' }))
      .thenFails('VALIDATION_FAILED');
  });

  it('keeps an end for an ended appointment and none for a current one', () => {
    spec
      .given(avonAndSomerset)
      .when(correct({ endDate: '2019-12-01' }))
      .thenFails('VALIDATION_FAILED', /not ended/);
    spec
      .given([...avonAndSomerset, appointmentEnded(LISA, '2020-01-01')])
      .when(correct())
      .thenFails('VALIDATION_FAILED', /ended on 2020-01-01/);
    spec
      .given([...avonAndSomerset, appointmentEnded(LISA, '2020-01-01')])
      .when(correct({ endDate: '2019-09-01' }))
      .thenFails('VALIDATION_FAILED', /after the start/);
  });

  it('is refused when nothing would change', () => {
    spec
      .given(avonAndSomerset)
      .when(correct({ startDate: START }))
      .thenFails('VALIDATION_FAILED', /nothing to correct/);
  });

  it('must still span the day the seat passed to a successor (R16)', () => {
    const history = [...avonAndSomerset, banesCcgSucceeded()];
    spec
      .given(history)
      .when(correct({ startDate: '2022-07-01', now: '2022-09-01T10:00:00.000Z' }))
      .thenFails('VALIDATION_FAILED', /successor on 2022-07-01/);
  });

  it('must still cover the posts the representative held', () => {
    spec
      .given(avonAndSomersetWithChair)
      .when(correct({ appointmentId: REPRESENTATIVES.jacquiJensen.appointmentId, startDate: '2020-01-15' }))
      .then([
        {
          type: 'AppointmentDatesCorrected',
          data: {
            appointmentId: REPRESENTATIVES.jacquiJensen.appointmentId,
            startDate: TODAY,
            endDate: null,
            reason: REASON,
          },
        },
      ]);
    spec
      .given([
        ...avonAndSomerset,
        {
          type: 'ChairAppointed',
          data: { appointmentId: REPRESENTATIVES.jacquiJensen.appointmentId, from: '2019-10-01' },
        },
      ])
      .when(correct({ appointmentId: REPRESENTATIVES.jacquiJensen.appointmentId, startDate: '2019-11-01' }))
      .thenFails('VALIDATION_FAILED', /held the chair from 2019-10-01/);
  });

  it('does not make one person represent two partners at once', () => {
    const moved = { ...REPRESENTATIVES.lisaHarvey, appointmentId: 'apt-lisa-2', partnerId: 'banes-council' };
    spec
      .given([...avonAndSomerset, appointmentEnded(LISA, '2019-10-01'), appointed(moved, '2019-10-01')])
      .when(correct({ startDate: START, endDate: '2019-11-01' }))
      .thenFails('ALREADY_REPRESENTING');
  });
});

describe('Correcting a funding contribution (A7, R15)', () => {
  const agreed = [...avonAndSomersetWithChair, fundingContributionAgreed()];
  const correct = (overrides: Partial<CommandInput<'CorrectFundingContribution'>> = {}) =>
    command('CorrectFundingContribution', {
      partnerId: 'north-somerset-council',
      financialYear: '2020/21',
      amountPence: 1_520_000,
      inKind: null,
      reason: 'Typed as £12,500; the agreement says £15,200.',
      ...overrides,
    });
  const unilateral: FundingContributionChanged = {
    type: 'FundingContributionChanged',
    data: {
      partnerId: 'north-somerset-council',
      financialYear: '2020/21',
      amountPence: 1_000_000,
      inKind: null,
      changedOn: TODAY,
    },
  };

  it('records the corrected amount and the reason as a new event, and the state takes it', () => {
    spec
      .given(agreed)
      .when(correct())
      .then([
        {
          type: 'FundingContributionCorrected',
          data: {
            partnerId: 'north-somerset-council',
            financialYear: '2020/21',
            amountPence: 1_520_000,
            inKind: null,
            reason: 'Typed as £12,500; the agreement says £15,200.',
          },
        },
      ]);
    const group = groupAfter([
      ...agreed,
      {
        type: 'FundingContributionCorrected',
        data: {
          partnerId: 'north-somerset-council',
          financialYear: '2020/21',
          amountPence: 1_520_000,
          inKind: null,
          reason: 'x',
        },
      },
    ]);
    expect(group.funding).toEqual([expect.objectContaining({ amountPence: 1_520_000, unilateral: false, on: TODAY })]);
  });

  it('is refused without a reason', () => {
    spec
      .given(agreed)
      .when(correct({ reason: '' }))
      .thenFails('VALIDATION_FAILED', /needs a reason/);
  });

  it('is NOT_FOUND for a partner or a year with nothing recorded', () => {
    spec
      .given(agreed)
      .when(correct({ partnerId: 'nobody' }))
      .thenFails('NOT_FOUND');
    spec
      .given(agreed)
      .when(correct({ financialYear: '2021/22' }))
      .thenFails('NOT_FOUND', /2021\/22/);
  });

  it('an agreed contribution is corrected by the administrator or the chair only', () => {
    spec
      .given(agreed)
      .when(correct({ actor: representativeActor }))
      .thenFails('FORBIDDEN');
    spec
      .given(agreed)
      .when(correct({ actor: stranger }))
      .thenFails('FORBIDDEN');
  });

  it('a unilateral change is corrected by the partner’s own representative only', () => {
    const changed = [...avonAndSomersetWithChair, unilateral];
    spec
      .given(changed)
      .when(correct({ actor: chair }))
      .thenFails('FORBIDDEN');
    spec
      .given(changed)
      .when(correct({ actor: representativeActor }))
      .then([
        {
          type: 'FundingContributionCorrected',
          data: {
            partnerId: 'north-somerset-council',
            financialYear: '2020/21',
            amountPence: 1_520_000,
            inKind: null,
            reason: 'Typed as £12,500; the agreement says £15,200.',
          },
        },
      ]);
  });

  it('is refused for a negative amount, or when nothing would change', () => {
    spec
      .given(agreed)
      .when(correct({ amountPence: -1 }))
      .thenFails('VALIDATION_FAILED');
    spec
      .given(agreed)
      .when(correct({ amountPence: 1_250_000 }))
      .thenFails('VALIDATION_FAILED', /nothing to correct/);
  });
});
