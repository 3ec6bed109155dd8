import {
  ChairRotated,
  DeputyChairAppointed,
  DissolutionAgreed,
  FundingContributionChanged,
  RegionalGroupDissolved,
  RegionalGroupEvent,
  regionalGroupStream,
  TermsOfReferenceReviewed,
} from '@app/domain';
import {
  appointed,
  appointmentEnded,
  AREAS,
  avonAndSomerset,
  banesCcgSucceeded,
  chairAppointed,
  chairPostVacated,
  coverageChanged,
  deputyChairAppointed,
  established,
  establishedAt,
  fundingContributionAgreed,
  GROUP_ID,
  GROUP_NAME,
  MEETING_ID,
  noticeToLeaveGiven,
  noticeWithdrawn,
  partnerLeft,
  partnersAdmitted,
  REPRESENTATIVES,
  START,
  termsAdopted,
  TODAY,
} from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectionSpec, RECORDED_AT } from '../testing/projection-spec';
import { regionalGroupProjection } from './regional-group.projection';

const spec = projectionSpec(regionalGroupProjection);
const group = (...events: RegionalGroupEvent[]) => inStream(regionalGroupStream(GROUP_ID), events);
/** Positions of the fixture's membership: 1 established, 2 terms, 3-11 partners, 12-21 representatives. */
const MEMBERSHIP_EVENTS = avonAndSomerset.length;

const rotated: ChairRotated = {
  type: 'ChairRotated',
  data: {
    chairAppointmentId: REPRESENTATIVES.victoriaCapel.appointmentId,
    deputyAppointmentId: REPRESENTATIVES.lisaHarvey.appointmentId,
    on: '2020-06-01',
  },
};
const reviewed: TermsOfReferenceReviewed = {
  type: 'TermsOfReferenceReviewed',
  data: { reviewedOn: '2019-12-10', notes: 'First annual review: no change.' },
};
const fundingChanged: FundingContributionChanged = {
  type: 'FundingContributionChanged',
  data: {
    partnerId: 'north-somerset-council',
    financialYear: '2020/21',
    amountPence: 1_000_000,
    inKind: null,
    changedOn: '2020-02-01',
  },
};
const everyPartnerAgrees: DissolutionAgreed[] = partnersAdmitted.map((admitted) => ({
  type: 'DissolutionAgreed',
  data: { partnerId: admitted.data.partnerId, meetingId: MEETING_ID },
}));
const dissolved: RegionalGroupDissolved = {
  type: 'RegionalGroupDissolved',
  data: { dissolvedAt: '2020-03-12T12:00:00.000Z', meetingId: MEETING_ID },
};

const sandraCorryDeputy: DeputyChairAppointed = {
  type: 'DeputyChairAppointed',
  data: { appointmentId: REPRESENTATIVES.sandraCorry.appointmentId, from: START },
};
const willWhiteElsewhere = { ...REPRESENTATIVES.willWhite, appointmentId: 'apt-will-white-unknown' };

/** A bitemporal row: held from `validFrom` to `validTo`, believed from position `from` to position `to`. */
const held = (validFrom: string, validTo: string | null, from: number, to: number | null = null) => ({
  valid_from: validFrom,
  valid_to: validTo,
  recorded_from: from,
  recorded_to: to,
});
/** Each admitted partner's areas as admission recorded them: partner n (0-based) was admitted at position 3 + n. */
const admittedCoverage = (retiredAt: (partnerId: string) => number | null = () => null) =>
  partnersAdmitted.flatMap((admitted, index) =>
    admitted.data.areaIds.map((areaId) => ({
      partner_id: admitted.data.partnerId,
      area_id: areaId,
      ...held(START, null, 3 + index, retiredAt(admitted.data.partnerId)),
    })),
  );
/** Each representative's seat as appointment recorded it: representative n was appointed at position 12 + n. */
const appointedSeats = (retiredAt: (appointmentId: string) => number | null = () => null) =>
  Object.values(REPRESENTATIVES).map((rep, index) => ({
    appointment_id: rep.appointmentId,
    partner_id: rep.partnerId,
    ...held(START, null, 12 + index, retiredAt(rep.appointmentId)),
  }));

describe('the regional group projection', () => {
  it('records an established group with its 5 areas in order', () =>
    spec
      .given()
      .when(group(established))
      .then({
        regional_groups: [
          {
            group_id: GROUP_ID,
            name: GROUP_NAME,
            established_at: establishedAt,
            established_on: START,
            sort_key: 1,
          },
        ],
        local_areas: Object.values(AREAS).map((area, ordinal) => ({
          area_id: area.areaId,
          group_id: GROUP_ID,
          name: area.name,
          ordinal,
          added_on: START,
          added_position: 1,
        })),
      }));

  it('given the group, when an area is added, then it follows the others from the day it joined', () =>
    spec
      .given(group(established, termsAdopted, ...partnersAdmitted))
      .when(
        group(
          {
            type: 'AreaAdded',
            data: {
              areaId: 'new-unitary',
              name: 'New Unitary',
              addedOn: '2020-04-01',
              coveringPartnerIds: ['police'],
              gapsAccepted: [],
            },
          },
          coverageChanged(
            'police',
            [...Object.values(AREAS).map((area) => area.areaId), 'new-unitary'],
            [],
            '2020-04-01',
          ),
        ),
      )
      .then({
        local_areas: [
          ...Object.values(AREAS).map((area, ordinal) => ({
            area_id: area.areaId,
            ordinal,
            added_on: START,
            added_position: 1,
          })),
          { area_id: 'new-unitary', ordinal: 5, added_on: '2020-04-01', added_position: 12 },
        ],
      }));

  it('records the terms of reference with their quorum, cadence, notice period and statutory types, and each review', () =>
    spec
      .given(group(established))
      .when(group(termsAdopted, reviewed))
      .then({
        terms_of_reference: [
          {
            group_id: GROUP_ID,
            version: '1.0',
            quorum_percentage: 66,
            meeting_cadence_months: 3,
            notice_period_months: 12,
            statutory_types: '["LOCAL_AUTHORITY","HEALTH","POLICE"]',
            adopted_on: START,
            sort_key: 2,
          },
        ],
        terms_reviews: [{ group_id: GROUP_ID, reviewed_on: '2019-12-10', notes: 'First annual review: no change.' }],
      }));

  it('admits the 9 core partners with the areas each covers, and changes a partner’s coverage', () =>
    spec
      .given(group(established, termsAdopted))
      .when(group(...partnersAdmitted, coverageChanged('police', ['bristol', 'somerset'])))
      .then({
        core_partners: partnersAdmitted.map((admitted, index) => ({
          partner_id: admitted.data.partnerId,
          name: admitted.data.name,
          agency_type: admitted.data.agencyType,
          admitted_on: START,
          sort_key: 3 + index,
        })),
        // The police's coverage from admission is closed on the day it changed, not overwritten.
        partner_coverage: [
          ...admittedCoverage((partnerId) => (partnerId === 'police' ? 12 : null)),
          ...Object.values(AREAS).map((area) => ({
            partner_id: 'police',
            area_id: area.areaId,
            ...held(START, TODAY, 12),
          })),
          { partner_id: 'police', area_id: 'bristol', ...held(TODAY, null, 12) },
          { partner_id: 'police', area_id: 'somerset', ...held(TODAY, null, 12) },
        ],
      }));

  it('appoints the 10 representatives and ends an appointment with its date and reason', () =>
    spec
      .given(group(established, termsAdopted, ...partnersAdmitted))
      .when(
        group(
          ...avonAndSomerset.slice(2 + partnersAdmitted.length),
          appointmentEnded(REPRESENTATIVES.mikeBowden.appointmentId, '2020-08-31'),
        ),
      )
      .then({
        representatives: Object.values(REPRESENTATIVES).map((rep, index) => ({
          appointment_id: rep.appointmentId,
          group_id: GROUP_ID,
          partner_id: rep.partnerId,
          name: rep.name,
          seniority: rep.seniority,
          start_date: START,
          end_date: rep === REPRESENTATIVES.mikeBowden ? '2020-08-31' : null,
          end_reason: rep === REPRESENTATIVES.mikeBowden ? 'Retired.' : null,
          sort_key: 12 + index,
        })),
      }));

  it('appoints a chair and a deputy, rotates them, and vacates a post', () =>
    spec
      .given(group(...avonAndSomerset, chairAppointed, deputyChairAppointed))
      .when(group(rotated, chairPostVacated('DEPUTY_CHAIR', REPRESENTATIVES.lisaHarvey.appointmentId, '2020-07-01')))
      .then({
        group_posts: [
          { post: 'CHAIR', appointment_id: 'apt-jacqui-jensen', ...held(TODAY, null, 22, 24) },
          { post: 'DEPUTY_CHAIR', appointment_id: 'apt-victoria-capel', ...held(TODAY, null, 23, 24) },
          { post: 'CHAIR', appointment_id: 'apt-jacqui-jensen', ...held(TODAY, '2020-06-01', 24) },
          { post: 'CHAIR', appointment_id: 'apt-victoria-capel', ...held('2020-06-01', null, 24) },
          { post: 'DEPUTY_CHAIR', appointment_id: 'apt-victoria-capel', ...held(TODAY, '2020-06-01', 24) },
          { post: 'DEPUTY_CHAIR', appointment_id: 'apt-lisa-harvey', ...held('2020-06-01', null, 24, 25) },
          { post: 'DEPUTY_CHAIR', appointment_id: 'apt-lisa-harvey', ...held('2020-06-01', '2020-07-01', 25) },
        ],
      }));

  it('records the chair and deputy of the fixture: Jacqui Jensen and Victoria Capel', () =>
    spec
      .given(group(...avonAndSomerset))
      .when(group(chairAppointed, deputyChairAppointed))
      .then({
        group_posts: [
          { group_id: GROUP_ID, post: 'CHAIR', appointment_id: 'apt-jacqui-jensen', ...held(TODAY, null, 22) },
          { group_id: GROUP_ID, post: 'DEPUTY_CHAIR', appointment_id: 'apt-victoria-capel', ...held(TODAY, null, 23) },
        ],
      }));

  const northSomerset2020 = {
    group_id: GROUP_ID,
    partner_id: 'north-somerset-council',
    financial_year: '2020/21',
    recorded_at: RECORDED_AT,
  };
  it('records an agreed contribution and flags a later change by the partner alone as unilateral (R15)', () =>
    spec
      .given(group(...avonAndSomerset, fundingContributionAgreed()))
      .when(group(fundingChanged))
      .then({
        // Every change stays: the agreed sum holds until the day the partner changed it.
        funding_contributions: [
          { ...northSomerset2020, amount_pence: 1_250_000, unilateral: 0, ...held(TODAY, null, 22, 23) },
          { ...northSomerset2020, amount_pence: 1_250_000, unilateral: 0, ...held(TODAY, '2020-02-01', 23) },
          { ...northSomerset2020, amount_pence: 1_000_000, unilateral: 1, ...held('2020-02-01', null, 23) },
        ],
      }));

  it('hands a succeeded partner’s areas, seats and funding to its successor, keeping both (R16)', () =>
    spec
      .given(group(...avonAndSomerset, fundingContributionAgreed({ partnerId: 'banes-ccg', amountPence: 2_000_000 })))
      .when(group(banesCcgSucceeded({ transferredFundingYears: ['2020/21'] })))
      .then({
        core_partners: [
          ...partnersAdmitted.map((admitted) => ({
            partner_id: admitted.data.partnerId,
            succeeded_by: admitted.data.partnerId === 'banes-ccg' ? 'bsw-icb' : null,
            succeeded_on: admitted.data.partnerId === 'banes-ccg' ? '2022-07-01' : null,
          })),
          { partner_id: 'bsw-icb', succeeded_by: null, succeeded_on: null },
        ],
        // The CCG keeps BaNES, Lisa Harvey's seat and its contribution until 1 July 2022; the ICB has them from then.
        partner_coverage: [
          ...admittedCoverage((partnerId) => (partnerId === 'banes-ccg' ? 23 : null)),
          { partner_id: 'bsw-icb', area_id: 'banes', ...held('2022-07-01', null, 23) },
          { partner_id: 'banes-ccg', area_id: 'banes', ...held(START, '2022-07-01', 23) },
        ],
        funding_contributions: [
          { partner_id: 'banes-ccg', amount_pence: 2_000_000, ...held(TODAY, null, 22, 23) },
          { partner_id: 'banes-ccg', amount_pence: 2_000_000, ...held(TODAY, '2022-07-01', 23) },
          { partner_id: 'bsw-icb', amount_pence: 2_000_000, ...held('2022-07-01', null, 23) },
        ],
        representative_seats: [
          ...appointedSeats((id) => (id === 'apt-lisa-harvey' ? 23 : null)),
          { appointment_id: 'apt-lisa-harvey', partner_id: 'banes-ccg', ...held(START, '2022-07-01', 23) },
          { appointment_id: 'apt-lisa-harvey', partner_id: 'bsw-icb', ...held('2022-07-01', null, 23) },
        ],
        representatives: Object.values(REPRESENTATIVES).map((rep) => ({
          appointment_id: rep.appointmentId,
          partner_id: rep === REPRESENTATIVES.lisaHarvey ? 'bsw-icb' : rep.partnerId,
        })),
      }));

  it('records a notice to leave with its consequences, and its withdrawal', () =>
    spec
      .given(group(...avonAndSomerset))
      .when(group(noticeToLeaveGiven(), noticeWithdrawn('2020-06-01')))
      .then({
        notices: [
          {
            notice_id: 'notice-somerset-ccg',
            group_id: GROUP_ID,
            partner_id: 'somerset-ccg',
            given_on: '2020-01-15',
            effective_on: '2021-01-15',
            status: 'WITHDRAWN',
            withdrawn_on: '2020-06-01',
            consequences: JSON.stringify(noticeToLeaveGiven().data.consequences),
            sort_key: MEMBERSHIP_EVENTS + 1,
          },
        ],
        // Ending on the effective date once notice is given (22), then holding on again once it is withdrawn (23).
        partner_memberships: [
          ...partnersAdmitted.map((admitted, index) => ({
            partner_id: admitted.data.partnerId,
            ...held(START, null, 3 + index, admitted.data.partnerId === 'somerset-ccg' ? 22 : null),
          })),
          { partner_id: 'somerset-ccg', ...held(START, '2021-01-15', 22, 23) },
          { partner_id: 'somerset-ccg', ...held(START, null, 23) },
        ],
      }));

  it('ends a leaving partner’s membership, seats, coverage and posts on the effective date (R13)', () =>
    spec
      .given(group(...avonAndSomerset, chairAppointed, sandraCorryDeputy, noticeToLeaveGiven()))
      .when(group(partnerLeft({ postsVacated: ['DEPUTY_CHAIR'] })))
      .then({
        notices: [{ notice_id: 'notice-somerset-ccg', status: 'EFFECTIVE' }],
        core_partners: partnersAdmitted.map((admitted) => ({
          partner_id: admitted.data.partnerId,
          left_on: admitted.data.partnerId === 'somerset-ccg' ? '2021-01-15' : null,
        })),
        // Known to end on the effective date from the moment notice was given (position 24).
        partner_coverage: [
          ...admittedCoverage((partnerId) => (partnerId === 'somerset-ccg' ? 24 : null)),
          { partner_id: 'somerset-ccg', area_id: 'somerset', ...held(START, '2021-01-15', 24) },
        ],
        partner_memberships: [
          ...partnersAdmitted.map((admitted, index) => ({
            partner_id: admitted.data.partnerId,
            ...held(START, null, 3 + index, admitted.data.partnerId === 'somerset-ccg' ? 24 : null),
          })),
          { partner_id: 'somerset-ccg', ...held(START, '2021-01-15', 24) },
        ],
        representative_seats: [
          ...appointedSeats((id) => (id === 'apt-sandra-corry' ? 24 : null)),
          { appointment_id: 'apt-sandra-corry', partner_id: 'somerset-ccg', ...held(START, '2021-01-15', 24) },
        ],
        representatives: Object.values(REPRESENTATIVES).map((rep) =>
          rep === REPRESENTATIVES.sandraCorry
            ? { appointment_id: rep.appointmentId, end_date: '2021-01-15', end_reason: 'The partner left the group' }
            : { appointment_id: rep.appointmentId, end_date: null, end_reason: null },
        ),
        group_posts: [
          { post: 'CHAIR', appointment_id: 'apt-jacqui-jensen', ...held(TODAY, null, 22) },
          { post: 'DEPUTY_CHAIR', appointment_id: 'apt-sandra-corry', ...held(START, null, 23, 25) },
          { post: 'DEPUTY_CHAIR', appointment_id: 'apt-sandra-corry', ...held(START, '2021-01-15', 25) },
        ],
      }));

  it('records each partner’s agreement to dissolve, then the dissolution (R14)', () =>
    spec
      .given(group(...avonAndSomerset))
      .when(group(...everyPartnerAgrees, dissolved))
      .then({
        dissolution_agreements: partnersAdmitted.map((admitted) => ({
          group_id: GROUP_ID,
          partner_id: admitted.data.partnerId,
          meeting_id: MEETING_ID,
        })),
        regional_groups: [{ dissolved_at: '2020-03-12T12:00:00.000Z' }],
      }));

  it('records a representative appointed in a group it has never seen under that group, and invents no group', () =>
    spec
      .given(group(...avonAndSomerset))
      .when(
        inStream(regionalGroupStream('unknown'), [
          appointed(willWhiteElsewhere),
          { type: 'ChairAppointed', data: { appointmentId: willWhiteElsewhere.appointmentId } },
        ]),
      )
      .then({
        regional_groups: [{ group_id: GROUP_ID }],
        // Recorded without a date (schema version 1): read as taken up on the day it was recorded.
        group_posts: [
          { group_id: 'unknown', post: 'CHAIR', appointment_id: 'apt-will-white-unknown', valid_from: '2020-03-12' },
        ],
        representatives: [
          ...Object.values(REPRESENTATIVES).map((rep) => ({ appointment_id: rep.appointmentId, group_id: GROUP_ID })),
          { appointment_id: 'apt-will-white-unknown', group_id: 'unknown' },
        ],
      }));
});

describe('corrections in the regional group projection (A7)', () => {
  it('moves an appointment’s seats to the corrected days, keeping the rows shown before as retired', () =>
    spec
      .given(group(...avonAndSomerset, banesCcgSucceeded()))
      .when(
        group({
          type: 'AppointmentDatesCorrected',
          data: {
            appointmentId: 'apt-lisa-harvey',
            startDate: '2019-09-01',
            endDate: null,
            reason: 'The appointment letter is dated 1 September 2019.',
          },
        }),
      )
      .then({
        // Recorded at 16, moved to the ICB at 22, corrected at 23: the CCG's seat now begins on 1 September 2019.
        representative_seats: [
          ...appointedSeats((id) => (id === 'apt-lisa-harvey' ? 22 : null)),
          { appointment_id: 'apt-lisa-harvey', partner_id: 'banes-ccg', ...held(START, '2022-07-01', 22, 23) },
          { appointment_id: 'apt-lisa-harvey', partner_id: 'bsw-icb', ...held('2022-07-01', null, 22, 23) },
          { appointment_id: 'apt-lisa-harvey', partner_id: 'banes-ccg', ...held('2019-09-01', '2022-07-01', 23) },
          { appointment_id: 'apt-lisa-harvey', partner_id: 'bsw-icb', ...held('2022-07-01', null, 23) },
        ],
        representatives: Object.values(REPRESENTATIVES).map((rep) => ({
          appointment_id: rep.appointmentId,
          start_date: rep === REPRESENTATIVES.lisaHarvey ? '2019-09-01' : START,
          end_date: null,
        })),
      }));

  it('ends an ended appointment’s seat on the corrected day', () =>
    spec
      .given(group(...avonAndSomerset, appointmentEnded('apt-lisa-harvey', '2020-01-01')))
      .when(
        group({
          type: 'AppointmentDatesCorrected',
          data: { appointmentId: 'apt-lisa-harvey', startDate: START, endDate: '2019-12-01', reason: 'Left earlier.' },
        }),
      )
      .then({
        representative_seats: [
          ...appointedSeats((id) => (id === 'apt-lisa-harvey' ? 22 : null)),
          { appointment_id: 'apt-lisa-harvey', partner_id: 'banes-ccg', ...held(START, '2020-01-01', 22, 23) },
          { appointment_id: 'apt-lisa-harvey', partner_id: 'banes-ccg', ...held(START, '2019-12-01', 23) },
        ],
      }));

  it('corrects the amount of the contribution in force, keeping its day and the amount shown before', () =>
    spec
      .given(group(...avonAndSomerset, fundingContributionAgreed()))
      .when(
        group({
          type: 'FundingContributionCorrected',
          data: {
            partnerId: 'north-somerset-council',
            financialYear: '2020/21',
            amountPence: 1_520_000,
            inKind: null,
            reason: 'Typed as £12,500; the agreement says £15,200.',
          },
        }),
      )
      .then({
        funding_contributions: [
          {
            partner_id: 'north-somerset-council',
            amount_pence: 1_250_000,
            unilateral: 0,
            ...held(TODAY, null, 22, 23),
          },
          { partner_id: 'north-somerset-council', amount_pence: 1_520_000, unilateral: 0, ...held(TODAY, null, 23) },
        ],
      }));
});
