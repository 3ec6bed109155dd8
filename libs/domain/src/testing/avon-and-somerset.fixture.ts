/**
 * The Avon and Somerset Strategic Safeguarding Partnership as the seed's Terms of Reference
 * give it (Appendix 2 of seeds/003): 5 areas, 9 core partners, 10 named representatives.
 * Plain domain events, so specifications can start from the whole membership.
 */
import { fold } from '../shared/decider';
import { Actor } from '../shared/roles';
import { RecordDissolutionAgreement, RegionalGroupCommand } from '../regional-group/regional-group.commands';
import { GroupFacts, MeetingCommandUnion } from '../meetings/meeting.commands';
import {
  AttendanceRecorded,
  AttendanceStatus,
  MeetingClosed,
  MeetingEvent,
  MeetingOpened,
  MeetingScheduled,
  MinutesApproved,
  MinutesDrafted,
  MinutesPublished,
  RecommendationMade,
  SnapshotRepresentative,
  Substitute,
} from '../meetings/meeting.events';
import { regionalGroupDecider } from '../regional-group/regional-group.decider';
import {
  Area,
  ChairAppointed,
  ChairPostVacated,
  CorePartnerAdmitted,
  CoverageGap,
  DeputyChairAppointed,
  FundingContributionAgreed,
  NoticeToLeaveGiven,
  NoticeWithdrawn,
  PartnerCoverageChanged,
  PartnerLeft,
  PartnerSucceeded,
  RegionalGroupEstablished,
  RegionalGroupEvent,
  RepresentativeAppointed,
  RepresentativeAppointmentEnded,
  TermsOfReferenceAdopted,
} from '../regional-group/regional-group.events';
import { ActiveGroup } from '../regional-group/regional-group.state';
import { CommissionWorkstream, GroupPartner, WorkstreamCommandUnion } from '../workstreams/workstream.commands';
import { leadCandidatesOf } from '../workstreams/lead-partner';
import { TaskOwners } from '../workstreams/workstream.state';
import {
  Member,
  TaskAdded,
  WorkstreamCommissioned,
  WorkstreamEvent,
  WorkstreamMemberAdded,
  WorkstreamMemberRemoved,
} from '../workstreams/workstream.events';
import {
  ApprovePolicy,
  PolicyApproved,
  PolicyCommandUnion,
  PolicyDrafted,
  PolicyDraftRevised,
  PolicyEvent,
  PolicyVersionPublished,
} from '../policies/policy.decider';

export const GROUP_ID = 'asssp';
export const GROUP_NAME = 'Avon and Somerset Strategic Safeguarding Partnership';
export const START = '2019-06-01';

/** Instants commands are sent at. */
export const now = '2020-01-15T10:00:00.000Z';
export const establishedAt = '2019-06-01T09:00:00.000Z';
/** The day of `now` in the group's time zone: what a command sent without a business date is dated. */
export const TODAY = '2020-01-15';
/** After CCGs became ICBs (1 July 2022). */
export const afterIcbs = '2022-09-01T10:00:00.000Z';

export const AREAS = {
  banes: { areaId: 'banes', name: 'Bath and North East Somerset' },
  bristol: { areaId: 'bristol', name: 'Bristol' },
  northSomerset: { areaId: 'north-somerset', name: 'North Somerset' },
  somerset: { areaId: 'somerset', name: 'Somerset' },
  southGlos: { areaId: 'south-glos', name: 'South Gloucestershire' },
} as const satisfies Record<string, Area>;

export const ALL_AREA_IDS = Object.values(AREAS).map((area) => area.areaId);

export const established: RegionalGroupEstablished = {
  type: 'RegionalGroupEstablished',
  data: { groupId: GROUP_ID, name: GROUP_NAME, areas: Object.values(AREAS), establishedAt, establishedOn: START },
};

export const termsAdopted: TermsOfReferenceAdopted = {
  type: 'TermsOfReferenceAdopted',
  data: {
    version: '1.0',
    summary: 'Terms of reference of the regional group.',
    quorumPercentage: 66,
    meetingCadenceMonths: 3,
    noticePeriodMonths: 12,
    statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE'],
    adoptedOn: START,
    firstReviewBy: null,
    gapsAccepted: [],
  },
};

const partner = (partnerId: string, name: string, agencyType: string, areaIds: string[]): CorePartnerAdmitted => ({
  type: 'CorePartnerAdmitted',
  data: { partnerId, name, agencyType, areaIds, admittedOn: START },
});

/** Appendix 2: each partner with the areas it has statutory duties in. */
export const partnersAdmitted: CorePartnerAdmitted[] = [
  partner('south-glos-council', 'South Gloucestershire Council', 'LOCAL_AUTHORITY', ['south-glos']),
  partner('bristol-council', 'Bristol City Council', 'LOCAL_AUTHORITY', ['bristol']),
  partner('bnssg-ccg', 'NHS BNSSG CCG', 'HEALTH', ['bristol', 'north-somerset', 'south-glos']),
  partner('somerset-council', 'Somerset County Council', 'LOCAL_AUTHORITY', ['somerset']),
  partner('banes-ccg', 'NHS BANES CCG', 'HEALTH', ['banes']),
  partner('banes-council', 'BaNES Council', 'LOCAL_AUTHORITY', ['banes']),
  partner('north-somerset-council', 'North Somerset Council', 'LOCAL_AUTHORITY', ['north-somerset']),
  partner('somerset-ccg', 'NHS Somerset CCG', 'HEALTH', ['somerset']),
  partner('police', 'Avon and Somerset Police', 'POLICE', [
    'banes',
    'bristol',
    'north-somerset',
    'somerset',
    'south-glos',
  ]),
];

export type Representative = Readonly<{
  appointmentId: string;
  personId: string;
  partnerId: string;
  name: string;
  title: string;
  role: string;
  seniority: string;
}>;

const DCS = "Director of Children's Services";
const HEALTH_DIRECTOR = 'Director with accountability for safeguarding';

const representative = (name: string, partnerId: string, title: string, seniority = 'DIRECTOR'): Representative => {
  const personId = name.toLowerCase().replace(/[^a-z]+/g, '-');
  return {
    appointmentId: `apt-${personId}`,
    personId,
    partnerId,
    name,
    title,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority,
  };
};

/** Appendix 2, in its order. */
export const REPRESENTATIVES = {
  chrisSivers: representative('Chris Sivers', 'south-glos-council', DCS),
  jacquiJensen: representative('Jacqui Jensen', 'bristol-council', DCS),
  janetBaptisteGrant: representative('Janet Baptiste-Grant', 'bnssg-ccg', HEALTH_DIRECTOR),
  julianWooster: representative('Julian Wooster', 'somerset-council', DCS),
  lisaHarvey: representative('Lisa Harvey', 'banes-ccg', HEALTH_DIRECTOR),
  mikeBowden: representative('Mike Bowden', 'banes-council', DCS),
  sheilaSmith: representative('Sheila Smith', 'north-somerset-council', DCS),
  sandraCorry: representative('Sandra Corry', 'somerset-ccg', HEALTH_DIRECTOR),
  victoriaCapel: representative(
    'Victoria Capel',
    'police',
    'Head of Neighbourhood and Partnerships',
    'HEAD_OF_SERVICE',
  ),
  willWhite: representative('Will White', 'police', 'Lead for safeguarding', 'HEAD_OF_SERVICE'),
} as const;

export const appointed = (rep: Representative, startDate: string = START): RepresentativeAppointed => ({
  type: 'RepresentativeAppointed',
  data: { ...rep, startDate },
});

export const representativesAppointed: RepresentativeAppointed[] = Object.values(REPRESENTATIVES).map((rep) =>
  appointed(rep),
);

/** The whole membership: group, terms 1.0, 9 partners, 10 representatives; no chair yet. */
export const avonAndSomerset: RegionalGroupEvent[] = [
  established,
  termsAdopted,
  ...partnersAdmitted,
  ...representativesAppointed,
];

/** Jacqui Jensen (Bristol City Council, local authority) chairs; Victoria Capel (police) is deputy. */
export const chairAppointed: ChairAppointed = {
  type: 'ChairAppointed',
  data: { appointmentId: REPRESENTATIVES.jacquiJensen.appointmentId, from: TODAY },
};
export const deputyChairAppointed: DeputyChairAppointed = {
  type: 'DeputyChairAppointed',
  data: { appointmentId: REPRESENTATIVES.victoriaCapel.appointmentId, from: TODAY },
};
export const avonAndSomersetWithChair: RegionalGroupEvent[] = [
  ...avonAndSomerset,
  chairAppointed,
  deputyChairAppointed,
];

/** NHS Somerset CCG becomes NHS Somerset ICB on 1 July 2022, taking Somerset; no seat, funding or gap passes unless overridden. */
export const partnerSucceeded = (overrides: Partial<PartnerSucceeded['data']> = {}): PartnerSucceeded => ({
  type: 'PartnerSucceeded',
  data: {
    predecessorId: 'somerset-ccg',
    successorId: 'somerset-icb',
    successorName: 'NHS Somerset ICB',
    agencyType: 'HEALTH',
    effectiveOn: '2022-07-01',
    areaIds: ['somerset'],
    transferredAppointmentIds: [],
    transferredFundingYears: [],
    gapsAccepted: [],
    ...overrides,
  },
});

/** NHS BANES CCG becomes the BSW ICB on 1 July 2022, taking BaNES and Lisa Harvey's seat. */
export const banesCcgSucceeded = (overrides: Partial<PartnerSucceeded['data']> = {}): PartnerSucceeded =>
  partnerSucceeded({
    predecessorId: 'banes-ccg',
    successorId: 'bsw-icb',
    successorName: 'NHS BSW ICB',
    areaIds: ['banes'],
    transferredAppointmentIds: [REPRESENTATIVES.lisaHarvey.appointmentId],
    ...overrides,
  });

export const appointmentEnded = (
  appointmentId: string,
  endDate: string,
  reason = 'Retired.',
): RepresentativeAppointmentEnded => ({
  type: 'RepresentativeAppointmentEnded',
  data: { appointmentId, endDate, reason },
});

/** The post falls vacant on `on` (the day the holder's appointment ends). */
export const chairPostVacated = (
  post: ChairPostVacated['data']['post'],
  appointmentId: string,
  on: string,
): ChairPostVacated => ({
  type: 'ChairPostVacated',
  data: { post, appointmentId, on },
});

/** Dated the day of `now` unless given: the default of a change sent without a date. */
export const coverageChanged = (
  partnerId: string,
  areaIds: readonly string[],
  gapsAccepted: readonly CoverageGap[] = [],
  changedOn: string = TODAY,
): PartnerCoverageChanged => ({
  type: 'PartnerCoverageChanged',
  data: { partnerId, areaIds, changedOn, gapsAccepted },
});

/** £12,500 from North Somerset Council for 2020/21, unless overridden. */
export const fundingContributionAgreed = (
  overrides: Partial<FundingContributionAgreed['data']> = {},
): FundingContributionAgreed => ({
  type: 'FundingContributionAgreed',
  data: {
    partnerId: 'north-somerset-council',
    financialYear: '2020/21',
    amountPence: 1_250_000,
    inKind: null,
    agreedOn: TODAY,
    ...overrides,
  },
});

export const actorFor = (rep: Representative, roles: readonly string[] = []): Actor => ({
  personId: rep.personId,
  partnerId: rep.partnerId,
  roles,
});

export const administrator: Actor = { personId: 'admin', partnerId: null, roles: ['ADMINISTRATOR'] };
/** The chair of `avonAndSomersetWithChair`. */
export const chair: Actor = actorFor(REPRESENTATIVES.jacquiJensen);
/** The deputy chair of `avonAndSomersetWithChair`. */
export const deputyChair: Actor = actorFor(REPRESENTATIVES.victoriaCapel);
/** A representative holding no post. */
export const representativeActor: Actor = actorFor(REPRESENTATIVES.sheilaSmith);
export const stranger: Actor = { personId: 'stranger', partnerId: null, roles: [] };

type CommandOf<T extends RegionalGroupCommand['type']> = Extract<RegionalGroupCommand, { type: T }>;
/** Business dates a sender may leave out (then: today in the group's time zone). */
type OptionalDates = 'establishedOn' | 'changedOn' | 'from' | 'on';
export type CommandInput<T extends RegionalGroupCommand['type']> = Omit<
  CommandOf<T>['data'],
  'actor' | 'now' | OptionalDates
> &
  Partial<Pick<CommandOf<T>['data'], Extract<keyof CommandOf<T>['data'], 'actor' | 'now' | OptionalDates>>>;

const NO_DATES = { establishedOn: null, changedOn: null, from: null, on: null };

/** A command sent by the administrator at `now`, without business dates, unless the data says otherwise. */
export function command<T extends RegionalGroupCommand['type']>(type: T, data: CommandInput<T>): CommandOf<T> {
  const dates = Object.fromEntries(Object.entries(NO_DATES).filter(([key]) => DATED_COMMANDS[type]?.includes(key)));
  return { type, data: { actor: administrator, now, ...dates, ...data } } as unknown as CommandOf<T>;
}

const DATED_COMMANDS: Partial<Record<RegionalGroupCommand['type'], readonly string[]>> = {
  EstablishRegionalGroup: ['establishedOn'],
  ChangePartnerCoverage: ['changedOn'],
  AppointChair: ['from'],
  AppointDeputyChair: ['from'],
  RotateChair: ['on'],
  AgreeFundingContribution: ['on'],
  ChangeFundingContribution: ['on'],
};

/** The state the events fold to; fails the test if there is no group. */
export function groupAfter(events: readonly RegionalGroupEvent[]): ActiveGroup {
  const state = fold(regionalGroupDecider, events);
  if (state.status !== 'active') throw new Error('The events establish no regional group.');
  return state;
}

/** Decides `command` on the state `events` fold to, then folds the result too. */
export function groupAfterCommand(events: readonly RegionalGroupEvent[], sent: RegionalGroupCommand): ActiveGroup {
  const decided = regionalGroupDecider.decide(sent, fold(regionalGroupDecider, events));
  return groupAfter([...events, ...decided]);
}

/* ------------------------------------------------------------------------------------------ */
/* Meetings (R6-R10, R14): the group as a meeting sees it, the people who act, and its events. */
/* ------------------------------------------------------------------------------------------ */

/** Each of the 9 core partners as the meeting sees it: id and name. */
export const CURRENT_PARTNERS: readonly { partnerId: string; name: string }[] = partnersAdmitted.map((admitted) => ({
  partnerId: admitted.data.partnerId,
  name: admitted.data.name,
}));

export const partnerNameOf = (partnerId: string): string => {
  const found = CURRENT_PARTNERS.find((p) => p.partnerId === partnerId);
  if (!found) throw new Error(`The fixture has no partner ${partnerId}.`);
  return found.name;
};

/** A representative as a meeting snapshots them when it opens (R7). */
export const snapshotOf = (rep: Representative): SnapshotRepresentative => ({
  appointmentId: rep.appointmentId,
  personId: rep.personId,
  name: rep.name,
  partnerId: rep.partnerId,
  partnerName: partnerNameOf(rep.partnerId),
});

/** The 10 representatives of Appendix 2, in its order, as snapshotted. */
export const SNAPSHOT_REPRESENTATIVES: readonly SnapshotRepresentative[] =
  Object.values(REPRESENTATIVES).map(snapshotOf);

/**
 * What a meeting command knows of Avon and Somerset: 5 areas, 9 current partners, 10
 * representatives, 66% quorum, chaired by Bristol City Council (Jacqui Jensen), not dissolved.
 */
export const groupFacts = (overrides: Partial<GroupFacts> = {}): GroupFacts => ({
  on: MEETING_DATE,
  establishedOn: START,
  dissolved: false,
  areas: Object.values(AREAS),
  currentPartners: CURRENT_PARTNERS,
  currentRepresentatives: SNAPSHOT_REPRESENTATIVES,
  quorumPercentage: 66,
  chairPartnerId: REPRESENTATIVES.jacquiJensen.partnerId,
  ...overrides,
});

/** A representative acting for their partner, with the group roles the API derives (apps/api/src/auth/actors.ts). */
export const representativeOf = (rep: Representative, roles: readonly string[] = []): Actor =>
  actorFor(rep, [...roles, 'REPRESENTATIVE']);
/** Jacqui Jensen as the chair: roles CHAIR and REPRESENTATIVE, for Bristol City Council. */
export const meetingChair: Actor = representativeOf(REPRESENTATIVES.jacquiJensen, ['CHAIR']);
/** Victoria Capel as the deputy chair: roles DEPUTY_CHAIR and REPRESENTATIVE, for the police. */
export const meetingDeputyChair: Actor = representativeOf(REPRESENTATIVES.victoriaCapel, ['DEPUTY_CHAIR']);
/** Sheila Smith (North Somerset Council), a representative holding no post. */
export const meetingRepresentative: Actor = representativeOf(REPRESENTATIVES.sheilaSmith);
/** An area business manager: a platform role, no partner. */
export const areaBusinessManager = (personId: string): Actor => ({
  personId,
  partnerId: null,
  roles: ['AREA_BUSINESS_MANAGER'],
});
export const bristolBusinessManager: Actor = areaBusinessManager('bristol-business-manager');
export const somersetBusinessManager: Actor = areaBusinessManager('somerset-business-manager');

export const MEETING_ID = 'asssp-2020-03';
/** The March 2020 quarterly meeting. */
export const MEETING_STARTS_AT = '2020-03-12T10:00:00.000Z';
export const MEETING_DATE = '2020-03-12';
/** When commands about the March 2020 meeting are sent, unless the data says otherwise. */
export const meetingNow = '2020-03-12T10:05:00.000Z';

export const meetingScheduled = (overrides: Partial<MeetingScheduled['data']> = {}): MeetingScheduled => ({
  type: 'MeetingScheduled',
  data: {
    meetingId: MEETING_ID,
    groupId: GROUP_ID,
    startsAt: MEETING_STARTS_AT,
    place: 'Police Headquarters, Portishead',
    ...overrides,
  },
});

/** Opened with the 10 representatives snapshotted: 66% of 10 is 7. */
export const meetingOpened = (overrides: Partial<MeetingOpened['data']> = {}): MeetingOpened => ({
  type: 'MeetingOpened',
  data: {
    openedAt: meetingNow,
    membershipOn: MEETING_DATE,
    quorumPercentage: 66,
    required: 7,
    representatives: SNAPSHOT_REPRESENTATIVES,
    ...overrides,
  },
});

export const attendanceRecorded = (
  rep: Representative,
  status: AttendanceStatus = 'PRESENT',
  substitute: Substitute | null = null,
): AttendanceRecorded => ({
  type: 'AttendanceRecorded',
  data: { appointmentId: rep.appointmentId, status, substitute, attendedOn: MEETING_DATE },
});

/** Present in person: the first `count` representatives of Appendix 2. */
export const presentInPerson = (count: number): AttendanceRecorded[] =>
  Object.values(REPRESENTATIVES)
    .slice(0, count)
    .map((rep) => attendanceRecorded(rep));

export const meetingClosed: MeetingClosed = {
  type: 'MeetingClosed',
  data: { closedAt: '2020-03-12T12:30:00.000Z', heldOn: '2020-03-12' },
};

/** A scheduled and opened meeting with 7 of 10 present: quorate. */
export const quorateMeeting: MeetingEvent[] = [meetingScheduled(), meetingOpened(), ...presentInPerson(7)];

export const recommendationMade = (overrides: Partial<RecommendationMade['data']> = {}): RecommendationMade => ({
  type: 'RecommendationMade',
  data: {
    recommendationId: 'rec-1',
    text: 'Each partner reviews its escalation policy against the regional procedure.',
    targetPartnerIds: ['police', 'bristol-council'],
    dueDate: '2020-06-30',
    agreedBy: presentInPerson(7).map((e) => e.data.appointmentId),
    madeOn: MEETING_DATE,
    ...overrides,
  },
});

export const minutesDrafted = (text = 'Minutes of the March 2020 meeting.'): MinutesDrafted => ({
  type: 'MinutesDrafted',
  data: { text },
});
export const minutesApproved = (overrides: Partial<MinutesApproved['data']> = {}): MinutesApproved => ({
  type: 'MinutesApproved',
  data: { approvedOn: '2020-03-20T09:00:00.000Z', atMeetingId: null, ...overrides },
});
export const minutesPublished = (overrides: Partial<MinutesPublished['data']> = {}): MinutesPublished => ({
  type: 'MinutesPublished',
  data: { publishedAt: '2020-03-21T09:00:00.000Z', areas: Object.values(AREAS), ...overrides },
});

/** A meeting held (quorate, closed) whose minutes have been published to the 5 areas. */
export const meetingWithPublishedMinutes: MeetingEvent[] = [
  ...quorateMeeting,
  meetingClosed,
  minutesDrafted(),
  minutesApproved(),
  minutesPublished(),
];

type MeetingCommandOf<T extends MeetingCommandUnion['type']> = Extract<MeetingCommandUnion, { type: T }>;
export type MeetingCommandInput<T extends MeetingCommandUnion['type']> = Omit<
  MeetingCommandOf<T>['data'],
  'actor' | 'now'
> &
  Partial<Pick<MeetingCommandOf<T>['data'], 'actor' | 'now'>>;

/** A meeting command sent by the administrator at `meetingNow` unless the data says otherwise. */
export function meetingCommand<T extends MeetingCommandUnion['type']>(
  type: T,
  data: MeetingCommandInput<T>,
): MeetingCommandOf<T> {
  return { type, data: { actor: administrator, now: meetingNow, ...data } } as unknown as MeetingCommandOf<T>;
}

/** The meeting a dissolution agreement is recorded at, as its stream stands: open, quorate, every partner present. */
export const dissolutionMeeting = (
  overrides: Partial<RecordDissolutionAgreement['data']['meeting']> = {},
): RecordDissolutionAgreement['data']['meeting'] => ({
  meetingId: MEETING_ID,
  groupId: GROUP_ID,
  open: true,
  quorate: true,
  presentPartnerIds: CURRENT_PARTNERS.map((p) => p.partnerId),
  presentPersonIds: SNAPSHOT_REPRESENTATIVES.map((rep) => rep.personId),
  ...overrides,
});

/* ------------------------------------------------------------------------------------------ */
/* Notices to leave (R13, D4): a partner's notice, its withdrawal and its effect.              */
/* ------------------------------------------------------------------------------------------ */

export const NOTICE_ID = 'notice-somerset-ccg';
/** The day the notice is given (the date of `now`) and the day it takes effect, 12 months later. */
export const NOTICE_GIVEN_ON = '2020-01-15';
export const NOTICE_EFFECTIVE_ON = '2021-01-15';

/** The gap an area is left with: `{ areaId, areaName, agencyType }`. */
export const coverageGap = (area: Area, agencyType: string): CoverageGap => ({
  areaId: area.areaId,
  areaName: area.name,
  agencyType,
});

/**
 * NHS Somerset CCG gives 12 months' notice on 15 January 2020, effective 15 January 2021: Somerset
 * would have no health partner, and 9 representatives would remain, quorum 6 (66% of 9, rounded up).
 */
export const noticeToLeaveGiven = (overrides: Partial<NoticeToLeaveGiven['data']> = {}): NoticeToLeaveGiven => ({
  type: 'NoticeToLeaveGiven',
  data: {
    noticeId: NOTICE_ID,
    partnerId: 'somerset-ccg',
    partnerName: 'NHS Somerset CCG',
    givenOn: NOTICE_GIVEN_ON,
    effectiveOn: NOTICE_EFFECTIVE_ON,
    areaIds: ['somerset'],
    consequences: { coverageGaps: [coverageGap(AREAS.somerset, 'HEALTH')], representativeCount: 9, quorumRequired: 6 },
    ...overrides,
  },
});

export const noticeWithdrawn = (withdrawnOn: string, noticeId: string = NOTICE_ID): NoticeWithdrawn => ({
  type: 'NoticeWithdrawn',
  data: { noticeId, withdrawnOn },
});

/** NHS Somerset CCG leaves on its notice's effective date: Sandra Corry's seat ends and Somerset has no health partner. */
export const partnerLeft = (overrides: Partial<PartnerLeft['data']> = {}): PartnerLeft => ({
  type: 'PartnerLeft',
  data: {
    noticeId: NOTICE_ID,
    partnerId: 'somerset-ccg',
    leftOn: NOTICE_EFFECTIVE_ON,
    endedAppointmentIds: [REPRESENTATIVES.sandraCorry.appointmentId],
    postsVacated: [],
    coverageGaps: [coverageGap(AREAS.somerset, 'HEALTH')],
    ...overrides,
  },
});

/* ------------------------------------------------------------------------------------------ */
/* Workstreams (W1-W3, D2, R11): the group's workstreams, their people, tasks and commands.    */
/* ------------------------------------------------------------------------------------------ */

/** A task-and-finish group for the whole region: one set of regional child protection procedures. */
export const WORKSTREAM_ID = 'ws-regional-procedures';
/** The seed's standing Resources (funding) workstream: where open tasks are carried to. */
export const RESOURCES_WORKSTREAM_ID = 'ws-resources';
/** The decision of a quorate meeting that agreed work for part of the region (R11). */
export const SCOPE_DECISION_ID = 'dec-2020-03-bristol-south-glos';
/** When workstream commands are sent, unless the data says otherwise. */
export const workstreamNow = '2020-04-01T09:00:00.000Z';
/** The day of `workstreamNow` in London: what a workstream command records when given no day. */
export const workstreamToday = '2020-04-01';

/** A representative as a workstream knows them: person id and name. */
export const workstreamMember = (rep: Representative): Member => ({ personId: rep.personId, name: rep.name });

/** A workstream's lead and members as a carry-over reads them, each member having joined on `addedOn`. */
export const taskOwners = (
  lead: Representative,
  members: readonly Representative[],
  addedOn = '2019-09-01',
): TaskOwners => ({
  lead: workstreamMember(lead),
  members: Object.fromEntries(members.map((rep) => [rep.personId, { ...workstreamMember(rep), addedOn }])),
});

/** The group's core partners, ever, as a workstream command reads them from the group after `events`. */
export const groupPartners = (events: readonly RegionalGroupEvent[] = avonAndSomerset): GroupPartner[] =>
  leadCandidatesOf(groupAfter(events));

/** What a commission command reads from the group: its 5 areas, its 9 partners since 2019, not dissolved, no scope decision agreed. */
export const workstreamGroup = (
  overrides: Partial<CommissionWorkstream['data']['group']> = {},
): CommissionWorkstream['data']['group'] => ({
  areas: Object.values(AREAS),
  partners: groupPartners(),
  dissolved: false,
  scopeDecisionAgreed: false,
  ...overrides,
});

/** Regional child protection procedures: task-and-finish, led by Will White for the police, all 5 areas, January to September 2020. */
export const workstreamCommissioned = (
  overrides: Partial<WorkstreamCommissioned['data']> = {},
): WorkstreamCommissioned => ({
  type: 'WorkstreamCommissioned',
  data: {
    workstreamId: WORKSTREAM_ID,
    groupId: GROUP_ID,
    name: 'Regional child protection procedures',
    kind: 'TASK_AND_FINISH',
    purpose: 'Bring the five local child protection procedures into one regional set.',
    termsOfReference: 'Reports to the regional group at each meeting; closes with the procedures published.',
    leadPartnerId: REPRESENTATIVES.willWhite.partnerId,
    lead: workstreamMember(REPRESENTATIVES.willWhite),
    areas: Object.values(AREAS),
    startDate: '2020-01-15',
    endDate: '2020-09-30',
    scopeDecisionId: null,
    ...overrides,
    commissionedOn: overrides.commissionedOn ?? overrides.startDate ?? '2020-01-15',
  },
});

/** The standing Resources workstream (funding, seeds/003 section 5), led by Janet Baptiste-Grant for NHS BNSSG CCG. */
export const resourcesWorkstreamCommissioned = (
  overrides: Partial<WorkstreamCommissioned['data']> = {},
): WorkstreamCommissioned =>
  workstreamCommissioned({
    workstreamId: RESOURCES_WORKSTREAM_ID,
    name: 'Resources',
    kind: 'STANDING',
    purpose:
      'Propose funding and resources in kind that reflect the equal responsibility of the three statutory partners.',
    termsOfReference: 'Reports to the regional group each quarter.',
    leadPartnerId: REPRESENTATIVES.janetBaptisteGrant.partnerId,
    lead: workstreamMember(REPRESENTATIVES.janetBaptisteGrant),
    startDate: '2019-09-01',
    endDate: null,
    ...overrides,
  });

/** A member added on the procedures group's first day unless another day is given. */
export const workstreamMemberAdded = (rep: Representative, addedOn = '2020-01-15'): WorkstreamMemberAdded => ({
  type: 'WorkstreamMemberAdded',
  data: { ...workstreamMember(rep), addedOn },
});

/** A member who left on `removedOn`: `workstreamToday`, as a removal given no day records it, unless given. */
export const workstreamMemberRemoved = (personId: string, removedOn = workstreamToday): WorkstreamMemberRemoved => ({
  type: 'WorkstreamMemberRemoved',
  data: { personId, removedOn },
});

/** Task 1 of the procedures group: owned by Chris Sivers, added 20 January, due 31 March 2020, unless overridden. */
export const taskAdded = (overrides: Partial<TaskAdded['data']> = {}): TaskAdded => ({
  type: 'TaskAdded',
  data: {
    taskId: 'task-1',
    title: "Map the five areas' child protection procedures",
    description: 'One table: procedure, owner, last review, differences from the others.',
    ownerId: REPRESENTATIVES.chrisSivers.personId,
    dueDate: '2020-03-31',
    addedOn: '2020-01-20',
    ...overrides,
  },
});

/** The procedures group as it runs: led by Will White, with Chris Sivers and Sheila Smith as members, no tasks yet. */
export const runningWorkstream: WorkstreamEvent[] = [
  workstreamCommissioned(),
  workstreamMemberAdded(REPRESENTATIVES.chrisSivers),
  workstreamMemberAdded(REPRESENTATIVES.sheilaSmith),
];

type SelectWorkstreamCommand<C, T> = C extends { type: infer U } ? (T extends U ? C : never) : never;
export type WorkstreamCommandOf<T extends WorkstreamCommandUnion['type']> = SelectWorkstreamCommand<
  WorkstreamCommandUnion,
  T
>;
export type WorkstreamCommandInput<T extends WorkstreamCommandUnion['type']> = Omit<
  WorkstreamCommandOf<T>['data'],
  'actor' | 'now'
> &
  Partial<Pick<WorkstreamCommandOf<T>['data'], 'actor' | 'now'>>;

/** A workstream command sent by the administrator at `workstreamNow` unless the data says otherwise. */
export function workstreamCommand<T extends WorkstreamCommandUnion['type']>(
  type: T,
  data: WorkstreamCommandInput<T>,
): WorkstreamCommandOf<T> {
  return { type, data: { actor: administrator, now: workstreamNow, ...data } } as unknown as WorkstreamCommandOf<T>;
}

/* ------------------------------------------------------------------------------------------ */
/* Regional policies (D1, R12): one procedure drafted by the procedures workstream.            */
/* ------------------------------------------------------------------------------------------ */

export const POLICY_ID = 'policy-escalation';
/** The decision of the March 2020 meeting that approved the escalation procedure. */
export const POLICY_DECISION_ID = 'dec-2020-03-escalation';
/** When policy commands are sent, unless the data says otherwise: after the March 2020 meeting. */
export const policyNow = '2020-03-20T09:00:00.000Z';

/** The regional escalation procedure, drafted by the procedures workstream, unless overridden. */
export const policyDrafted = (overrides: Partial<PolicyDrafted['data']> = {}): PolicyDrafted => ({
  type: 'PolicyDrafted',
  data: {
    policyId: POLICY_ID,
    groupId: GROUP_ID,
    title: 'Regional escalation procedure',
    workstreamId: WORKSTREAM_ID,
    body: 'https://example.org/procedures/escalation',
    summary: 'How practitioners escalate a disagreement between agencies.',
    ...overrides,
  },
});

export const policyDraftRevised = (overrides: Partial<PolicyDraftRevised['data']> = {}): PolicyDraftRevised => ({
  type: 'PolicyDraftRevised',
  data: {
    title: 'Regional escalation procedure',
    body: 'https://example.org/procedures/escalation-v2',
    summary: 'Adds the police professional standards route.',
    ...overrides,
  },
});

/** Approved at the March 2020 meeting by its decision, on its day, unless overridden. */
export const policyApproved = (overrides: Partial<PolicyApproved['data']> = {}): PolicyApproved => ({
  type: 'PolicyApproved',
  data: { meetingId: MEETING_ID, decisionId: POLICY_DECISION_ID, approvedOn: MEETING_DATE, ...overrides },
});

/**
 * Version 1 of `policyDrafted()`, published on 20 March 2020, in force from 1 April 2020, due for
 * review 1 April 2021, sent to the 5 areas.
 */
export const policyVersionPublished = (
  overrides: Partial<PolicyVersionPublished['data']> = {},
): PolicyVersionPublished => {
  const { title, body, summary } = policyDrafted().data;
  return {
    type: 'PolicyVersionPublished',
    data: {
      version: 1,
      effectiveOn: '2020-04-01',
      reviewOn: '2021-04-01',
      publishedOn: '2020-03-20',
      title,
      body,
      summary,
      areas: Object.values(AREAS),
      ...overrides,
    },
  };
};

/** The meeting an approval is recorded at, as its stream stands: the March 2020 meeting, open, quorate, with the policy's decision recorded. */
export const approvalMeeting = (
  overrides: Partial<ApprovePolicy['data']['meeting']> = {},
): ApprovePolicy['data']['meeting'] => ({
  meetingId: MEETING_ID,
  groupId: GROUP_ID,
  meetingDate: MEETING_DATE,
  open: true,
  quorate: true,
  decisionIds: ['dec-2020-03-other', POLICY_DECISION_ID],
  ...overrides,
});

/** Drafted, approved and published as version 1. */
export const publishedPolicy: PolicyEvent[] = [policyDrafted(), policyApproved(), policyVersionPublished()];

type PolicyCommandOf<T extends PolicyCommandUnion['type']> = Extract<PolicyCommandUnion, { type: T }>;
export type PolicyCommandInput<T extends PolicyCommandUnion['type']> = Omit<
  PolicyCommandOf<T>['data'],
  'actor' | 'now'
> &
  Partial<Pick<PolicyCommandOf<T>['data'], 'actor' | 'now'>>;

/** A policy command sent by the administrator at `policyNow` unless the data says otherwise. */
export function policyCommand<T extends PolicyCommandUnion['type']>(
  type: T,
  data: PolicyCommandInput<T>,
): PolicyCommandOf<T> {
  return { type, data: { actor: administrator, now: policyNow, ...data } } as unknown as PolicyCommandOf<T>;
}
