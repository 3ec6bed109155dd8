import { Message } from '../shared/decider';
import { IsoDate } from '../shared/dates';
import { LawEvent } from './law';
import { DelegationEvent } from './delegation';
import { GroupScrutineerAppointed } from './group-scrutiny';

export type Area = Readonly<{ areaId: string; name: string }>;
export type CoverageGap = Readonly<{ areaId: string; areaName: string; agencyType: string }>;

export type TermsOfReferenceData = Readonly<{
  version: string;
  summary: string;
  quorumPercentage: number;
  meetingCadenceMonths: number;
  noticePeriodMonths: number;
  /** Agency types every area must have among its current core partners (R3). */
  statutoryTypesPerArea: readonly string[];
  adoptedOn: IsoDate;
  /**
   * R12: the day by which the terms say they are first reviewed, when they name one sooner than a
   * year after adoption (ASSSP 1.0: December 2019); null when they name none.
   */
  firstReviewBy: IsoDate | null;
}>;

export type RegionalGroupEstablished = Message<
  'RegionalGroupEstablished',
  {
    groupId: string;
    name: string;
    areas: readonly Area[];
    establishedAt: string;
    /** The day the group came into being in the world; history before it is out of range. */
    establishedOn: IsoDate;
  }
>;
/** R1, R2: an area that joins the group on a day (a new unitary authority), with the gaps it brings (R3). */
export type AreaAdded = Message<
  'AreaAdded',
  {
    areaId: string;
    name: string;
    addedOn: IsoDate;
    coveringPartnerIds: readonly string[];
    gapsAccepted: readonly CoverageGap[];
  }
>;
export type CorePartnerAdmitted = Message<
  'CorePartnerAdmitted',
  { partnerId: string; name: string; agencyType: string; areaIds: readonly string[]; admittedOn: IsoDate }
>;
export type PartnerCoverageChanged = Message<
  'PartnerCoverageChanged',
  { partnerId: string; areaIds: readonly string[]; changedOn: IsoDate; gapsAccepted: readonly CoverageGap[] }
>;
/** The successor takes over coverage, representatives' seats and open funding; both names stay in history (R16). */
export type PartnerSucceeded = Message<
  'PartnerSucceeded',
  {
    predecessorId: string;
    successorId: string;
    successorName: string;
    agencyType: string;
    effectiveOn: IsoDate;
    areaIds: readonly string[];
    transferredAppointmentIds: readonly string[];
    transferredFundingYears: readonly string[];
    gapsAccepted: readonly CoverageGap[];
  }
>;
export type RepresentativeAppointed = Message<
  'RepresentativeAppointed',
  {
    appointmentId: string;
    personId: string;
    partnerId: string;
    name: string;
    title: string;
    role: string;
    seniority: string;
    startDate: IsoDate;
  }
>;
export type RepresentativeAppointmentEnded = Message<
  'RepresentativeAppointmentEnded',
  { appointmentId: string; endDate: IsoDate; reason: string }
>;
/** `from`: the day the post was taken up; the previous holder's term ends that day. */
export type ChairAppointed = Message<'ChairAppointed', { appointmentId: string; from: IsoDate }>;
export type DeputyChairAppointed = Message<'DeputyChairAppointed', { appointmentId: string; from: IsoDate }>;
export type ChairRotated = Message<
  'ChairRotated',
  { chairAppointmentId: string; deputyAppointmentId: string; on: IsoDate }
>;
export type ChairPostVacated = Message<
  'ChairPostVacated',
  { post: 'CHAIR' | 'DEPUTY_CHAIR'; appointmentId: string; on: IsoDate }
>;
export type TermsOfReferenceAdopted = Message<
  'TermsOfReferenceAdopted',
  TermsOfReferenceData & { gapsAccepted: readonly CoverageGap[] }
>;
export type TermsOfReferenceReviewed = Message<'TermsOfReferenceReviewed', { reviewedOn: IsoDate; notes: string }>;
export type FundingContributionAgreed = Message<
  'FundingContributionAgreed',
  { partnerId: string; financialYear: string; amountPence: number; inKind: string | null; agreedOn: IsoDate }
>;
/** A partner changed its own contribution without the group's agreement: unilateral until agreed (R15). */
export type FundingContributionChanged = Message<
  'FundingContributionChanged',
  { partnerId: string; financialYear: string; amountPence: number; inKind: string | null; changedOn: IsoDate }
>;

/** A7: an appointment's dates as they should have been recorded; the original stays in the stream beside it. */
export type AppointmentDatesCorrected = Message<
  'AppointmentDatesCorrected',
  { appointmentId: string; startDate: IsoDate; endDate: IsoDate | null; reason: string }
>;
/** A7: the amount and in-kind part of the contribution in force corrected, keeping its date and standing (R15). */
export type FundingContributionCorrected = Message<
  'FundingContributionCorrected',
  { partnerId: string; financialYear: string; amountPence: number; inKind: string | null; reason: string }
>;

/** R14: one core partner's agreement to dissolve, recorded at a quorate meeting. */
export type DissolutionAgreed = Message<'DissolutionAgreed', { partnerId: string; meetingId: string }>;
/** Every current core partner has agreed: the group takes no further business. */
export type RegionalGroupDissolved = Message<'RegionalGroupDissolved', { dissolvedAt: string; meetingId: string }>;

/** R13: what leaving would do, worked out when the notice is given and kept with it. */
export type DepartureConsequences = Readonly<{
  coverageGaps: readonly CoverageGap[];
  representativeCount: number;
  quorumRequired: number;
}>;
/** R13, D4: flows down to every area the partner covers. */
export type NoticeToLeaveGiven = Message<
  'NoticeToLeaveGiven',
  {
    noticeId: string;
    partnerId: string;
    partnerName: string;
    givenOn: string;
    effectiveOn: string;
    areaIds: readonly string[];
    consequences: DepartureConsequences;
  }
>;
export type NoticeWithdrawn = Message<'NoticeWithdrawn', { noticeId: string; withdrawnOn: string }>;
/** Recorded on the effective date by the platform itself: membership, appointments and posts end. */
export type PartnerLeft = Message<
  'PartnerLeft',
  {
    noticeId: string;
    partnerId: string;
    leftOn: string;
    endedAppointmentIds: readonly string[];
    postsVacated: readonly ('CHAIR' | 'DEPUTY_CHAIR')[];
    coverageGaps: readonly CoverageGap[];
  }
>;

export type RegionalGroupEvent =
  | RegionalGroupEstablished
  | AreaAdded
  | CorePartnerAdmitted
  | PartnerCoverageChanged
  | PartnerSucceeded
  | RepresentativeAppointed
  | RepresentativeAppointmentEnded
  | ChairAppointed
  | DeputyChairAppointed
  | ChairRotated
  | ChairPostVacated
  | TermsOfReferenceAdopted
  | TermsOfReferenceReviewed
  | FundingContributionAgreed
  | FundingContributionChanged
  | AppointmentDatesCorrected
  | FundingContributionCorrected
  | DissolutionAgreed
  | RegionalGroupDissolved
  | NoticeToLeaveGiven
  | NoticeWithdrawn
  | PartnerLeft
  | LawEvent
  | DelegationEvent
  | GroupScrutineerAppointed;
