import { IsoDate } from '../shared/dates';
import { PersistentMap } from '../shared/persistent-map';
import { Area, RegionalGroupEvent, TermsOfReferenceData } from './regional-group.events';
import { AgencyTypeRequirement, DefinedAgencyType } from './law';

/** The areas a partner covers from a date until the next period begins (R2, R3). */
export type CoveragePeriod = Readonly<{ from: IsoDate; areaIds: readonly string[] }>;

export type Partner = Readonly<{
  partnerId: string;
  name: string;
  agencyType: string;
  /** The areas of its latest coverage period. */
  areaIds: readonly string[];
  coverage: readonly CoveragePeriod[];
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

/** The partner whose seat an appointment holds from a date: a succession moves the seat, never rewrites the past (R16). */
export type Seat = Readonly<{ partnerId: string; from: IsoDate }>;

export type Appointment = Readonly<{
  appointmentId: string;
  personId: string;
  /** The partner of its latest seat. */
  partnerId: string;
  seats: readonly Seat[];
  name: string;
  title: string;
  role: string;
  seniority: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}>;

export type Post = 'CHAIR' | 'DEPUTY_CHAIR';
/** One holder's term in a post: from the day taken up until the day it passed on (`to`, exclusive). */
export type PostTerm = Readonly<{ post: Post; appointmentId: string; from: IsoDate; to: IsoDate | null }>;

export type Contribution = Readonly<{
  partnerId: string;
  financialYear: string;
  amountPence: number;
  inKind: string | null;
  unilateral: boolean;
  /** The day it was agreed or changed. */
  on: IsoDate;
}>;

/** An area of the group from the day it joined: the group's founding areas from its establishment (R1). */
export type GroupArea = Area & Readonly<{ addedOn: IsoDate }>;

export type ActiveGroup = Readonly<{
  status: 'active';
  groupId: string;
  name: string;
  establishedOn: IsoDate;
  areas: readonly GroupArea[];
  partners: Readonly<Record<string, Partner>>;
  /** Every appointment ever made, in a persistent map: a group's stream gains them for as long as it lasts. */
  appointments: PersistentMap<Appointment>;
  /** Each person's appointment ids, in the order made: a person represents one partner at a time (R4). */
  appointmentIdsByPerson: PersistentMap<readonly string[]>;
  /** The holders now: the open terms of `posts`. */
  chair: string | null;
  deputyChair: string | null;
  posts: readonly PostTerm[];
  terms: readonly TermsOfReferenceData[];
  reviews: readonly IsoDate[];
  funding: readonly Contribution[];
  dissolutionAgreements: readonly string[];
  dissolvedAt: string | null;
  notices: Readonly<Record<string, Notice>>;
  /** R2: agency types the group defined beyond the platform's list, and the types required with their dates. */
  definedAgencyTypes: readonly DefinedAgencyType[];
  requirements: readonly AgencyTypeRequirement[];
  /** L6: the independent scrutineers appointed for the whole group, with their days (`to` exclusive). */
  scrutineers: Readonly<Record<string, Readonly<{ from: IsoDate; to: IsoDate | null }>>>;
}>;

export type RegionalGroupState = Readonly<{ status: 'none' }> | ActiveGroup;

/** Partners neither succeeded nor gone: the membership at the end of the record. */
export function currentPartners(group: ActiveGroup): Partner[] {
  return Object.values(group.partners).filter((partner) => partner.succeededBy === null && partner.leftOn === null);
}

/** The dates that bound a partner's membership, as the state and the read model both hold them. */
export type MembershipDates = Readonly<{ admittedOn: IsoDate; succeededOn: IsoDate | null; leftOn: IsoDate | null }>;

/** R2, R13, R16: a partner is a member from its admission until the day it is succeeded or leaves. */
export function isMemberOn(partner: MembershipDates, date: IsoDate): boolean {
  return (
    partner.admittedOn <= date &&
    (partner.succeededOn === null || partner.succeededOn > date) &&
    (partner.leftOn === null || partner.leftOn > date)
  );
}

export function partnersOn(group: ActiveGroup, date: IsoDate): Partner[] {
  return Object.values(group.partners).filter((partner) => isMemberOn(partner, date));
}

/** The areas that were part of the group on `date` (R1). */
export function groupAreasOn(group: ActiveGroup, date: IsoDate): GroupArea[] {
  return group.areas.filter((area) => area.addedOn <= date);
}

/** The areas a partner covers on `date`: its latest coverage period begun by then. */
export function areasOn(coverage: readonly CoveragePeriod[], date: IsoDate): readonly string[] {
  return [...coverage].reverse().find((period) => period.from <= date)?.areaIds ?? [];
}

/** An appointment is current on `date` from its start date until the day before its end date. */
export function isCurrentOn(
  appointment: Readonly<{ startDate: IsoDate; endDate: IsoDate | null }>,
  date: IsoDate,
): boolean {
  return appointment.startDate <= date && (appointment.endDate === null || appointment.endDate > date);
}

/** The partner whose seat the appointment held on `date` (R16: a CCG's seat before the ICB took it over). */
export function seatOn(seats: readonly Seat[], date: IsoDate): string {
  return ([...seats].reverse().find((seat) => seat.from <= date) ?? seats[0]).partnerId;
}

/**
 * R4, R7: the appointments current on `date` for partners that were members then, each with the
 * partner whose seat it held that day.
 */
export function currentAppointments(group: ActiveGroup, date: IsoDate): Appointment[] {
  return group.appointments
    .filter((appointment) => isCurrentOn(appointment, date))
    .flatMap((appointment) => {
      const partner = group.partners[seatOn(appointment.seats, date)];
      return partner !== undefined && isMemberOn(partner, date)
        ? [{ ...appointment, partnerId: partner.partnerId }]
        : [];
    });
}

/** Every appointment a person has held in the group, in the order made. */
export function appointmentsOf(group: ActiveGroup, personId: string): Appointment[] {
  return (group.appointmentIdsByPerson.get(personId) ?? []).map((id) => group.appointments.get(id) as Appointment);
}

/** Who held a post on `date`, from the posts' terms (R5, A3). */
export function postHolderOn(posts: readonly PostTerm[], post: Post, date: IsoDate): string | null {
  return (
    posts.find((term) => term.post === post && term.from <= date && (term.to === null || term.to > date))
      ?.appointmentId ?? null
  );
}

export function evolveGroup(state: RegionalGroupState, event: RegionalGroupEvent): RegionalGroupState {
  if (event.type === 'RegionalGroupEstablished') {
    const { groupId, name, areas, establishedOn } = event.data;
    return {
      status: 'active',
      groupId,
      name,
      establishedOn,
      areas: areas.map((area) => ({ ...area, addedOn: establishedOn })),
      partners: {},
      appointments: PersistentMap.empty(),
      appointmentIdsByPerson: PersistentMap.empty(),
      chair: null,
      deputyChair: null,
      posts: [],
      terms: [],
      reviews: [],
      funding: [],
      dissolutionAgreements: [],
      dissolvedAt: null,
      notices: {},
      definedAgencyTypes: [],
      scrutineers: {},
      requirements: [],
    };
  }
  if (state.status !== 'active') return state;
  return evolveActive(state, event);
}

function evolveActive(group: ActiveGroup, event: RegionalGroupEvent): ActiveGroup {
  switch (event.type) {
    case 'RegionalGroupEstablished':
      return group;
    case 'AreaAdded': {
      const { areaId, name, addedOn } = event.data;
      return { ...group, areas: [...group.areas, { areaId, name, addedOn }] };
    }
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
            coverage: [{ from: admittedOn, areaIds }],
            admittedOn,
            succeededBy: null,
            succeededOn: null,
            leftOn: null,
          },
        },
      };
    }
    case 'PartnerCoverageChanged': {
      const { partnerId, areaIds, changedOn } = event.data;
      const partner = group.partners[partnerId];
      return { ...group, partners: { ...group.partners, [partnerId]: withCoverage(partner, changedOn, areaIds) } };
    }
    case 'PartnerSucceeded': {
      const { predecessorId, successorId, successorName, agencyType, effectiveOn, areaIds } = event.data;
      const existing = group.partners[successorId];
      const successor: Partner = existing
        ? withCoverage(existing, effectiveOn, areaIds)
        : {
            partnerId: successorId,
            name: successorName,
            agencyType,
            areaIds,
            coverage: [{ from: effectiveOn, areaIds }],
            admittedOn: effectiveOn,
            succeededBy: null,
            succeededOn: null,
            leftOn: null,
          };
      const appointments = event.data.transferredAppointmentIds.reduce((held, id) => {
        const moved = held.get(id) as Appointment;
        return held.set(id, {
          ...moved,
          partnerId: successorId,
          seats: [...moved.seats, { partnerId: successorId, from: effectiveOn }],
        });
      }, group.appointments);
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
        appointments: group.appointments.set(event.data.appointmentId, {
          ...event.data,
          seats: [{ partnerId: event.data.partnerId, from: event.data.startDate }],
          endDate: null,
        }),
        appointmentIdsByPerson: group.appointmentIdsByPerson.set(event.data.personId, [
          ...(group.appointmentIdsByPerson.get(event.data.personId) ?? []),
          event.data.appointmentId,
        ]),
      };
    case 'RepresentativeAppointmentEnded': {
      const appointment = group.appointments.get(event.data.appointmentId) as Appointment;
      return {
        ...group,
        appointments: group.appointments.set(appointment.appointmentId, {
          ...appointment,
          endDate: event.data.endDate,
        }),
      };
    }
    case 'ChairAppointed':
      return takeUp(group, 'CHAIR', event.data.appointmentId, event.data.from);
    case 'DeputyChairAppointed':
      return takeUp(group, 'DEPUTY_CHAIR', event.data.appointmentId, event.data.from);
    case 'ChairRotated': {
      const { chairAppointmentId, deputyAppointmentId, on } = event.data;
      return takeUp(takeUp(group, 'CHAIR', chairAppointmentId, on), 'DEPUTY_CHAIR', deputyAppointmentId, on);
    }
    case 'ChairPostVacated':
      return vacate(group, event.data.post, event.data.on);
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
        funding: [
          ...others,
          {
            partnerId,
            financialYear,
            amountPence: event.data.amountPence,
            inKind: event.data.inKind,
            unilateral: event.type === 'FundingContributionChanged',
            on: event.type === 'FundingContributionChanged' ? event.data.changedOn : event.data.agreedOn,
          },
        ],
      };
    }
    case 'AppointmentDatesCorrected': {
      const { appointmentId, startDate, endDate } = event.data;
      const appointment = group.appointments.get(appointmentId);
      if (!appointment) return group;
      const [first, ...later] = appointment.seats;
      return {
        ...group,
        appointments: group.appointments.set(appointmentId, {
          ...appointment,
          startDate,
          endDate,
          seats: [{ ...first, from: startDate }, ...later],
        }),
      };
    }
    case 'FundingContributionCorrected': {
      const { partnerId, financialYear, amountPence, inKind } = event.data;
      return {
        ...group,
        funding: group.funding.map((c) =>
          c.partnerId === partnerId && c.financialYear === financialYear ? { ...c, amountPence, inKind } : c,
        ),
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
    case 'DelegateMinimumSenioritySet':
    case 'PartnershipChairRecorded':
    case 'SafeguardingPartnersNamed':
      return group; // Read-side only: no rule of the group's decider needs them.
    case 'GroupScrutineerAppointed': {
      const { scrutineerId, from, to } = event.data;
      return { ...group, scrutineers: { ...group.scrutineers, [scrutineerId]: { from, to } } };
    }
    case 'AgencyTypeDefined':
      return { ...group, definedAgencyTypes: [...group.definedAgencyTypes, event.data] };
    case 'AgencyTypeRequired': {
      const { code, inForceFrom, scope } = event.data;
      return { ...group, requirements: [...group.requirements, { code, inForceFrom, scope }] };
    }
    case 'PartnerLeft': {
      const { partnerId, leftOn, endedAppointmentIds, postsVacated, noticeId } = event.data;
      const appointments = endedAppointmentIds.reduce(
        (held, id) => held.set(id, { ...(held.get(id) as Appointment), endDate: leftOn }),
        group.appointments,
      );
      // Its coverage stays in history for its period; membership ends on the day it left.
      const after = postsVacated.reduce((state, post) => vacate(state, post, leftOn), group);
      return {
        ...after,
        partners: { ...group.partners, [partnerId]: { ...group.partners[partnerId], leftOn } },
        appointments,
        notices: { ...group.notices, [noticeId]: { ...group.notices[noticeId], status: 'EFFECTIVE' } },
      };
    }
  }
}

function withCoverage(partner: Partner, from: IsoDate, areaIds: readonly string[]): Partner {
  return {
    ...partner,
    areaIds,
    coverage: [...partner.coverage.filter((period) => period.from < from), { from, areaIds }],
  };
}

function vacate(group: ActiveGroup, post: Post, on: IsoDate): ActiveGroup {
  return {
    ...group,
    chair: post === 'CHAIR' ? null : group.chair,
    deputyChair: post === 'DEPUTY_CHAIR' ? null : group.deputyChair,
    posts: group.posts.map((term) => (term.post === post && term.to === null ? { ...term, to: on } : term)),
  };
}

/** A new holder takes up the post on `from`: the previous holder's term ends that day. */
function takeUp(group: ActiveGroup, post: Post, appointmentId: string, from: IsoDate): ActiveGroup {
  const vacated = vacate(group, post, from);
  return {
    ...vacated,
    chair: post === 'CHAIR' ? appointmentId : vacated.chair,
    deputyChair: post === 'DEPUTY_CHAIR' ? appointmentId : vacated.deputyChair,
    posts: [...vacated.posts, { post, appointmentId, from, to: null }],
  };
}
