import { Message } from '../shared/decider';
import { IsoDate } from '../shared/dates';
import { Actor } from '../shared/roles';
import { Area, TermsOfReferenceData } from './regional-group.events';
import { LawCommand } from './law.decide';
import { DelegationCommand } from './delegation.decide';
import { AddArea } from './add-area.decide';
import { NameSafeguardingPartners } from './safeguarding-partners.decide';
import { AppointGroupScrutineer } from './group-scrutiny';

/** Every command says who sends it and when: rules about roles and dates are decided here, not at the edge. */
type GroupCommand<Type extends string, Data> = Message<Type, Data & { actor: Actor; now: string }>;

export type EstablishRegionalGroup = GroupCommand<
  'EstablishRegionalGroup',
  /** `establishedOn`: the day the group came into being; today (in London) when not given. */
  { groupId: string; name: string; areas: readonly Area[]; establishedOn: IsoDate | null }
>;
export type AdmitCorePartner = GroupCommand<
  'AdmitCorePartner',
  { partnerId: string; name: string; agencyType: string; areaIds: readonly string[]; admittedOn: IsoDate }
>;
export type ChangePartnerCoverage = GroupCommand<
  'ChangePartnerCoverage',
  { partnerId: string; areaIds: readonly string[]; changedOn: IsoDate | null; acceptCoverageGap: boolean }
>;
export type RecordSuccession = GroupCommand<
  'RecordSuccession',
  {
    predecessorId: string;
    successorId: string;
    successorName: string;
    effectiveOn: IsoDate;
    acceptCoverageGap: boolean;
  }
>;
export type AppointRepresentative = GroupCommand<
  'AppointRepresentative',
  {
    appointmentId: string;
    personId: string;
    /** The person's name as the platform knows them (from the access stream); null when it does not know them. */
    personName: string | null;
    partnerId: string;
    title: string;
    role: string;
    seniority: string;
    startDate: IsoDate;
  }
>;
export type EndRepresentativeAppointment = GroupCommand<
  'EndRepresentativeAppointment',
  { appointmentId: string; endDate: IsoDate; reason: string }
>;
/** Business dates given as null default to today in the group's time zone. */
export type AppointChair = GroupCommand<'AppointChair', { appointmentId: string; from: IsoDate | null }>;
export type AppointDeputyChair = GroupCommand<'AppointDeputyChair', { appointmentId: string; from: IsoDate | null }>;
export type RotateChair = GroupCommand<'RotateChair', { newDeputyAppointmentId: string; on: IsoDate | null }>;
export type AdoptTermsOfReference = GroupCommand<
  'AdoptTermsOfReference',
  TermsOfReferenceData & { acceptCoverageGap: boolean }
>;
export type RecordTermsOfReferenceReview = GroupCommand<
  'RecordTermsOfReferenceReview',
  { reviewedOn: IsoDate; notes: string }
>;
export type AgreeFundingContribution = GroupCommand<
  'AgreeFundingContribution',
  { partnerId: string; financialYear: string; amountPence: number; inKind: string | null; on: IsoDate | null }
>;
export type ChangeFundingContribution = GroupCommand<
  'ChangeFundingContribution',
  { partnerId: string; financialYear: string; amountPence: number; inKind: string | null; on: IsoDate | null }
>;
/** A7: `endDate` is given for an appointment that has ended, null for one that has not. */
export type CorrectAppointmentDates = GroupCommand<
  'CorrectAppointmentDates',
  { appointmentId: string; startDate: IsoDate; endDate: IsoDate | null; reason: string }
>;
export type CorrectFundingContribution = GroupCommand<
  'CorrectFundingContribution',
  { partnerId: string; financialYear: string; amountPence: number; inKind: string | null; reason: string }
>;

export type RecordDissolutionAgreement = GroupCommand<
  'RecordDissolutionAgreement',
  {
    partnerId: string;
    /** The meeting at which it is agreed, as it stands now (read from its stream). */
    meeting: {
      meetingId: string;
      groupId: string;
      open: boolean;
      quorate: boolean;
      presentPartnerIds: readonly string[];
      presentPersonIds: readonly string[];
    };
  }
>;

export type GiveNoticeToLeave = GroupCommand<
  'GiveNoticeToLeave',
  { noticeId: string; partnerId: string; givenOn: IsoDate; effectiveOn: IsoDate }
>;
export type WithdrawNotice = GroupCommand<'WithdrawNotice', { noticeId: string }>;
/** Sent by the platform's scheduler, not by a person: applies notices whose effective date has come. */
export type ApplyDueNotices = GroupCommand<'ApplyDueNotices', object>;

export type RegionalGroupCommand =
  | EstablishRegionalGroup
  | AddArea
  | AdmitCorePartner
  | ChangePartnerCoverage
  | RecordSuccession
  | AppointRepresentative
  | EndRepresentativeAppointment
  | AppointChair
  | AppointDeputyChair
  | RotateChair
  | AdoptTermsOfReference
  | RecordTermsOfReferenceReview
  | AgreeFundingContribution
  | ChangeFundingContribution
  | CorrectAppointmentDates
  | CorrectFundingContribution
  | RecordDissolutionAgreement
  | GiveNoticeToLeave
  | WithdrawNotice
  | ApplyDueNotices
  | LawCommand
  | DelegationCommand
  | NameSafeguardingPartners
  | AppointGroupScrutineer;

export const REPRESENTATIVE_ROLES = ['LEAD_SAFEGUARDING_PARTNER', 'DELEGATED_SAFEGUARDING_PARTNER', 'MEMBER'] as const;
export const SENIORITIES = ['CHIEF_OFFICER', 'DIRECTOR', 'DEPUTY_DIRECTOR', 'HEAD_OF_SERVICE', 'OTHER'] as const;
