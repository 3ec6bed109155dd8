import { IsoDate } from '../shared/dates';
import { STATUTORY_AGENCY_TYPES } from './agency-types';
import { Area, RegionalGroupEvent, TermsOfReferenceData } from './regional-group.events';

export type Partner = Readonly<{
  partnerId: string;
  name: string;
  agencyType: string;
  areaIds: readonly string[];
  admittedOn: IsoDate;
  succeededBy: string | null;
  succeededOn: IsoDate | null;
  leftOn: IsoDate | null;
}>;

export type Notice = Readonly<{
  noticeId: string;
  partnerId: string;
  givenOn: IsoDate;
  effectiveOn: IsoDate;
  status: 'OPEN' | 'WITHDRAWN' | 'EFFECTIVE';
}>;

export type Appointment = Readonly<{
  appointmentId: string;
  personId: string;
  partnerId: string;
  name: string;
  title: string;
  role: string;
  seniority: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}>;

export type Contribution = Readonly<{
  partnerId: string;
  financialYear: string;
  amountPence: number;
  inKind: string | null;
  unilateral: boolean;
}>;

export type ActiveGroup = Readonly<{
  status: 'active';
  groupId: string;
  name: string;
  areas: readonly Area[];
  partners: Readonly<Record<string, Partner>>;
  appointments: Readonly<Record<string, Appointment>>;
  chair: string | null;
  deputyChair: string | null;
  terms: readonly TermsOfReferenceData[];
  reviews: readonly IsoDate[];
  funding: readonly Contribution[];
  dissolutionAgreements: readonly string[];
  dissolvedAt: string | null;
  notices: Readonly<Record<string, Notice>>;
}>;

export type RegionalGroupState = Readonly<{ status: 'none' }> | ActiveGroup;

/** What a group works to before it adopts terms of its own: the figures of the Avon and Somerset terms. */
export const DEFAULT_TERMS: TermsOfReferenceData = {
  version: 'default',
  summary: 'Platform defaults until the group adopts terms of reference.',
  quorumPercentage: 66,
  meetingCadenceMonths: 3,
  noticePeriodMonths: 12,
  statutoryTypesPerArea: STATUTORY_AGENCY_TYPES,
  adoptedOn: '1970-01-01',
};

export function termsInForce(group: ActiveGroup): TermsOfReferenceData {
  return group.terms.length > 0 ? group.terms[group.terms.length - 1] : DEFAULT_TERMS;
}

/** The terms as they stood on a date: the latest version adopted by then. */
export function termsInForceOn(group: ActiveGroup, date: IsoDate): TermsOfReferenceData {
  return [...group.terms].reverse().find((terms) => terms.adoptedOn <= date) ?? DEFAULT_TERMS;
}

export function currentPartners(group: ActiveGroup): Partner[] {
  return Object.values(group.partners).filter((partner) => partner.succeededBy === null && partner.leftOn === null);
}

/** An appointment is current on `date` from its start date until the day before its end date. */
export function isCurrentOn(appointment: Appointment, date: IsoDate): boolean {
  return appointment.startDate <= date && (appointment.endDate === null || appointment.endDate > date);
}

/** Appointments current on `date` for partners that were members then (a successor takes over from its effective date). */
export function currentAppointments(group: ActiveGroup, date: IsoDate): Appointment[] {
  return Object.values(group.appointments).filter((appointment) => {
    const partner = group.partners[appointment.partnerId];
    return (
      isCurrentOn(appointment, date) &&
      partner !== undefined &&
      (partner.succeededOn === null || partner.succeededOn > date) &&
      (partner.leftOn === null || partner.leftOn > date)
    );
  });
}

export function evolveGroup(state: RegionalGroupState, event: RegionalGroupEvent): RegionalGroupState {
  if (event.type === 'RegionalGroupEstablished') {
    const { groupId, name, areas } = event.data;
    return {
      status: 'active',
      groupId,
      name,
      areas,
      partners: {},
      appointments: {},
      chair: null,
      deputyChair: null,
      terms: [],
      reviews: [],
      funding: [],
      dissolutionAgreements: [],
      dissolvedAt: null,
      notices: {},
    };
  }
  if (state.status !== 'active') return state;
  return evolveActive(state, event);
}

function evolveActive(group: ActiveGroup, event: RegionalGroupEvent): ActiveGroup {
  switch (event.type) {
    case 'RegionalGroupEstablished':
      return group;
    case 'CorePartnerAdmitted': {
      const { partnerId, name, agencyType, areaIds, admittedOn } = event.data;
      return {
        ...group,
        partners: {
          ...group.partners,
          [partnerId]: {
            partnerId,
            name,
            agencyType,
            areaIds,
            admittedOn,
            succeededBy: null,
            succeededOn: null,
            leftOn: null,
          },
        },
      };
    }
    case 'PartnerCoverageChanged': {
      const partner = group.partners[event.data.partnerId];
      return {
        ...group,
        partners: { ...group.partners, [partner.partnerId]: { ...partner, areaIds: event.data.areaIds } },
      };
    }
    case 'PartnerSucceeded': {
      const { predecessorId, successorId, successorName, agencyType, effectiveOn, areaIds } = event.data;
      const existing = group.partners[successorId];
      const successor: Partner = existing
        ? { ...existing, areaIds }
        : {
            partnerId: successorId,
            name: successorName,
            agencyType,
            areaIds,
            admittedOn: effectiveOn,
            succeededBy: null,
            succeededOn: null,
            leftOn: null,
          };
      const appointments = { ...group.appointments };
      for (const id of event.data.transferredAppointmentIds)
        appointments[id] = { ...appointments[id], partnerId: successorId };
      const years = new Set(event.data.transferredFundingYears);
      return {
        ...group,
        partners: {
          ...group.partners,
          [predecessorId]: { ...group.partners[predecessorId], succeededBy: successorId, succeededOn: effectiveOn },
          [successorId]: successor,
        },
        appointments,
        funding: group.funding.map((c) =>
          c.partnerId === predecessorId && years.has(c.financialYear) ? { ...c, partnerId: successorId } : c,
        ),
      };
    }
    case 'RepresentativeAppointed':
      return {
        ...group,
        appointments: { ...group.appointments, [event.data.appointmentId]: { ...event.data, endDate: null } },
      };
    case 'RepresentativeAppointmentEnded': {
      const appointment = group.appointments[event.data.appointmentId];
      return {
        ...group,
        appointments: {
          ...group.appointments,
          [appointment.appointmentId]: { ...appointment, endDate: event.data.endDate },
        },
      };
    }
    case 'ChairAppointed':
      return { ...group, chair: event.data.appointmentId };
    case 'DeputyChairAppointed':
      return { ...group, deputyChair: event.data.appointmentId };
    case 'ChairRotated':
      return { ...group, chair: event.data.chairAppointmentId, deputyChair: event.data.deputyAppointmentId };
    case 'ChairPostVacated':
      return event.data.post === 'CHAIR' ? { ...group, chair: null } : { ...group, deputyChair: null };
    case 'TermsOfReferenceAdopted': {
      const { gapsAccepted: _gaps, ...terms } = event.data;
      return { ...group, terms: [...group.terms, terms] };
    }
    case 'TermsOfReferenceReviewed':
      return { ...group, reviews: [...group.reviews, event.data.reviewedOn] };
    case 'FundingContributionAgreed':
    case 'FundingContributionChanged': {
      const { partnerId, financialYear } = event.data;
      const others = group.funding.filter((c) => !(c.partnerId === partnerId && c.financialYear === financialYear));
      return {
        ...group,
        funding: [...others, { ...event.data, unilateral: event.type === 'FundingContributionChanged' }],
      };
    }
    case 'DissolutionAgreed':
      return { ...group, dissolutionAgreements: [...group.dissolutionAgreements, event.data.partnerId] };
    case 'RegionalGroupDissolved':
      return { ...group, dissolvedAt: event.data.dissolvedAt };
    case 'NoticeToLeaveGiven': {
      const { noticeId, partnerId, givenOn, effectiveOn } = event.data;
      return {
        ...group,
        notices: { ...group.notices, [noticeId]: { noticeId, partnerId, givenOn, effectiveOn, status: 'OPEN' } },
      };
    }
    case 'NoticeWithdrawn':
      return {
        ...group,
        notices: {
          ...group.notices,
          [event.data.noticeId]: { ...group.notices[event.data.noticeId], status: 'WITHDRAWN' },
        },
      };
    case 'PartnerLeft': {
      const { partnerId, leftOn, endedAppointmentIds, postsVacated, noticeId } = event.data;
      const appointments = { ...group.appointments };
      for (const id of endedAppointmentIds) appointments[id] = { ...appointments[id], endDate: leftOn };
      return {
        ...group,
        partners: { ...group.partners, [partnerId]: { ...group.partners[partnerId], leftOn, areaIds: [] } },
        appointments,
        chair: postsVacated.includes('CHAIR') ? null : group.chair,
        deputyChair: postsVacated.includes('DEPUTY_CHAIR') ? null : group.deputyChair,
        notices: { ...group.notices, [noticeId]: { ...group.notices[noticeId], status: 'EFFECTIVE' } },
      };
    }
  }
}
