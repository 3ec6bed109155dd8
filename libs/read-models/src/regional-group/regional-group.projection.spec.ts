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
            chair_appointment_id: null,
            sort_key: 1,
          },
        ],
        local_areas: Object.values(AREAS).map((area, ordinal) => ({
          area_id: area.areaId,
          group_id: GROUP_ID,
          name: area.name,
          ordinal,
        })),
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
        partner_areas: [
          ...partnersAdmitted
            .filter((admitted) => admitted.data.partnerId !== 'police')
            .flatMap((admitted) =>
              admitted.data.areaIds.map((areaId) => ({ partner_id: admitted.data.partnerId, area_id: areaId })),
            ),
          { partner_id: 'police', area_id: 'bristol' },
          { partner_id: 'police', area_id: 'somerset' },
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
      .then({ regional_groups: [{ chair_appointment_id: 'apt-victoria-capel', deputy_appointment_id: null }] }));

  it('records the chair and deputy of the fixture: Jacqui Jensen and Victoria Capel', () =>
    spec
      .given(group(...avonAndSomerset))
      .when(group(chairAppointed, deputyChairAppointed))
      .then({
        regional_groups: [{ chair_appointment_id: 'apt-jacqui-jensen', deputy_appointment_id: 'apt-victoria-capel' }],
      }));

  it('records an agreed contribution and flags a later change by the partner alone as unilateral (R15)', () =>
    spec
      .given(group(...avonAndSomerset, fundingContributionAgreed()))
      .when(group(fundingChanged))
      .then({
        funding_contributions: [
          {
            group_id: GROUP_ID,
            partner_id: 'north-somerset-council',
            financial_year: '2020/21',
            amount_pence: 1_000_000,
            unilateral: 1,
            recorded_at: RECORDED_AT,
          },
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
        partner_areas: partnersAdmitted
          .filter((admitted) => admitted.data.partnerId !== 'banes-ccg')
          .flatMap((admitted) =>
            admitted.data.areaIds.map((areaId) => ({ partner_id: admitted.data.partnerId, area_id: areaId })),
          )
          .concat([{ partner_id: 'bsw-icb', area_id: 'banes' }]),
        funding_contributions: [{ partner_id: 'bsw-icb', financial_year: '2020/21', amount_pence: 2_000_000 }],
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
        partner_areas: partnersAdmitted
          .filter((admitted) => admitted.data.partnerId !== 'somerset-ccg')
          .flatMap((admitted) => admitted.data.areaIds.map(() => ({ partner_id: admitted.data.partnerId }))),
        representatives: Object.values(REPRESENTATIVES).map((rep) =>
          rep === REPRESENTATIVES.sandraCorry
            ? { appointment_id: rep.appointmentId, end_date: '2021-01-15', end_reason: 'The partner left the group' }
            : { appointment_id: rep.appointmentId, end_date: null, end_reason: null },
        ),
        regional_groups: [{ chair_appointment_id: 'apt-jacqui-jensen', deputy_appointment_id: null }],
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
        regional_groups: [{ group_id: GROUP_ID, chair_appointment_id: null }],
        representatives: [
          ...Object.values(REPRESENTATIVES).map((rep) => ({ appointment_id: rep.appointmentId, group_id: GROUP_ID })),
          { appointment_id: 'apt-will-white-unknown', group_id: 'unknown' },
        ],
      }));
});
