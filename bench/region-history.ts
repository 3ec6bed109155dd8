import { randomUUID } from 'node:crypto';
import {
  ACCESS_STREAM,
  AccessEvent,
  Actor,
  addMonthsToDate,
  LocalArrangementEvent,
  localArrangementStream,
  MeetingEvent,
  meetingStream,
  PolicyEvent,
  policyStream,
  RegionalGroupEvent,
  regionalGroupStream,
  WorkstreamEvent,
  workstreamStream,
} from '@app/domain';
import { childId } from '@app/event-store';

/**
 * The history of a handful of regional groups over years, as their users record it, for the
 * benchmarks that replay a domain-shaped log. Each group is established with five areas, nine core
 * partners and ten representatives (one of them chair), its representatives registered and its
 * area business managers registered with their role. Then, quarter after quarter (55 events), each
 * group in turn:
 * - holds a meeting (26 events): scheduled, opened with its membership, ten attendances, three
 *   decisions, a recommendation and a response, closed, minutes drafted, approved, published and
 *   recorded as published in each of the five areas;
 * - publishes a policy agreed at that meeting (8): drafted, approved, a version published, and each
 *   area's adoption recorded in its local arrangement;
 * - runs a workstream (17): commissioned, three members, four tasks added, started and completed,
 *   and a status report;
 * - agrees a partner's funding contribution for the financial year (1);
 * - changes a seat (3): a representative leaves, and another is registered and appointed.
 * Dates run evenly from June 2019 to November 2026, whatever the length of the log; the number of
 * groups is the caller's (four unless said), so the same mix can be spread wide or run deep.
 */

export type RegionEvent =
  RegionalGroupEvent | MeetingEvent | WorkstreamEvent | PolicyEvent | LocalArrangementEvent | AccessEvent;

/** One command's worth of events for one stream, recorded on `on` by `actor`. */
export interface RegionCommand {
  readonly streamId: string;
  readonly operation: string;
  readonly actor: Actor;
  readonly on: string;
  readonly events: readonly RegionEvent[];
}

const GROUPS = 4;
const AREAS = 5;
const PARTNERS = 9;
const REPRESENTATIVES = 10;
const AGENCY_TYPES = ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE'];
/** The first and last instants the log's dates run between. */
export const FIRST_DAY = Date.parse('2019-06-01T09:00:00.000Z');
export const LAST_DAY = Date.parse('2026-11-20T09:00:00.000Z');

interface Seat {
  readonly appointmentId: string;
  readonly personId: string;
  readonly name: string;
  readonly partnerId: string;
  readonly partnerName: string;
}

interface Group {
  readonly groupId: string;
  readonly areas: { areaId: string; name: string }[];
  readonly partners: { partnerId: string; name: string }[];
  readonly seats: Seat[];
  readonly managerIds: string[];
  quarter: number;
}

/** A person registered and given a role in the one access stream, by the administrator. */
function registration(personId: string, name: string, managerOf: string | null): AccessEvent[] {
  const registered: AccessEvent[] = [
    {
      type: 'PersonRegistered',
      data: {
        personId,
        name,
        email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@partnership.example.org`,
        subject: `oidc|${personId}`,
      },
    },
  ];
  // A representative's roles follow from the membership; only a business manager is granted one.
  return managerOf === null
    ? registered
    : [...registered, { type: 'RoleGranted', data: { personId, role: 'AREA_BUSINESS_MANAGER', areaId: managerOf } }];
}

function appointment(group: Group, n: number, on: string): { seat: Seat; event: RegionalGroupEvent } {
  const partner = group.partners[n % PARTNERS];
  const seat: Seat = {
    appointmentId: randomUUID(),
    personId: randomUUID(),
    name: `Representative ${n} of ${partner.name}`,
    partnerId: partner.partnerId,
    partnerName: partner.name,
  };
  return {
    seat,
    event: {
      type: 'RepresentativeAppointed',
      data: {
        appointmentId: seat.appointmentId,
        personId: seat.personId,
        partnerId: seat.partnerId,
        name: seat.name,
        title: 'Director of Children’s Services',
        role: 'DELEGATED_SAFEGUARDING_PARTNER',
        seniority: 'DIRECTOR',
        startDate: on,
      },
    },
  };
}

function founding(group: Group, index: number, administrator: Actor, on: string): RegionCommand[] {
  const stream = regionalGroupStream(group.groupId);
  const command = (streamId: string, operation: string, events: RegionEvent[]): RegionCommand => ({
    streamId,
    operation,
    actor: administrator,
    on,
    events,
  });
  const commands = [
    command(stream, 'establishRegionalGroup', [
      {
        type: 'RegionalGroupEstablished',
        data: {
          groupId: group.groupId,
          name: `Regional Safeguarding Partnership ${index + 1}`,
          areas: group.areas,
          establishedAt: `${on}T09:00:00.000Z`,
          establishedOn: on,
        },
      },
    ]),
  ];
  group.partners.forEach((partner, n) =>
    commands.push(
      command(stream, 'admitCorePartner', [
        {
          type: 'CorePartnerAdmitted',
          data: {
            ...partner,
            agencyType: AGENCY_TYPES[n % AGENCY_TYPES.length],
            areaIds: n % 3 === 0 ? [group.areas[(n / 3) % AREAS].areaId] : group.areas.map((area) => area.areaId),
            admittedOn: on,
          },
        },
      ]),
    ),
  );
  for (let n = 0; n < REPRESENTATIVES; n += 1) {
    const { seat, event } = appointment(group, n, on);
    group.seats.push(seat);
    commands.push(command(ACCESS_STREAM, 'registerPerson', registration(seat.personId, seat.name, null)));
    commands.push(command(stream, 'appointRepresentative', [event]));
  }
  commands.push(
    command(stream, 'appointChair', [
      { type: 'ChairAppointed', data: { appointmentId: group.seats[0].appointmentId, from: on } },
    ]),
  );
  group.areas.forEach((area, n) => {
    const personId = group.managerIds[n];
    commands.push(
      command(ACCESS_STREAM, 'registerPerson', registration(personId, `Business Manager ${area.name}`, area.areaId)),
    );
  });
  return commands;
}

/** A quarter of a group's business, recorded on `on` (see the comment at the top for the mix). */
function quarter(group: Group, administrator: Actor, on: string): RegionCommand[] {
  const n = group.quarter;
  group.quarter += 1;
  const chair: Actor = { personId: group.seats[0].personId, partnerId: group.seats[0].partnerId, roles: [] };
  const manager = (index: number): Actor => ({
    personId: group.managerIds[index],
    partnerId: null,
    roles: ['AREA_BUSINESS_MANAGER'],
  });
  const at = `${on}T10:00:00.000Z`;
  const command = (streamId: string, operation: string, events: RegionEvent[], actor = chair): RegionCommand => ({
    streamId,
    operation,
    actor,
    on,
    events,
  });
  const areaIds = group.areas.map((area) => area.areaId);
  const present = group.seats.map((seat) => seat.appointmentId);

  const meetingId = randomUUID();
  const meeting = meetingStream(meetingId);
  const decisionIds = [0, 1, 2].map(() => randomUUID());
  const recommendationId = randomUUID();
  const target = group.partners[n % PARTNERS].partnerId;
  const commands: RegionCommand[] = [
    command(meeting, 'scheduleMeeting', [
      {
        type: 'MeetingScheduled',
        data: { meetingId, groupId: group.groupId, startsAt: at, place: 'Police Headquarters, Portishead' },
      },
    ]),
    command(meeting, 'openMeeting', [
      {
        type: 'MeetingOpened',
        data: { openedAt: at, membershipOn: on, quorumPercentage: 66, required: 7, representatives: [...group.seats] },
      },
    ]),
    ...group.seats.map((seat, index) =>
      command(meeting, 'recordAttendance', [
        {
          type: 'AttendanceRecorded',
          data: {
            appointmentId: seat.appointmentId,
            status: index === 9 ? 'APOLOGIES' : 'PRESENT',
            substitute: null,
            attendedOn: on,
          },
        },
      ]),
    ),
    ...decisionIds.map((decisionId, index) =>
      command(meeting, 'recordDecision', [
        {
          type: 'DecisionRecorded',
          data: {
            decisionId,
            text: `Decision ${index + 1} of quarter ${n}: the partnership agrees the revised multi-agency procedure.`,
            agreedBy: present.slice(0, 9),
            decidedOn: on,
          },
        },
      ]),
    ),
    command(meeting, 'makeRecommendation', [
      {
        type: 'RecommendationMade',
        data: {
          recommendationId,
          text: `Quarter ${n}: review the threshold document with the education settings of every area.`,
          targetPartnerIds: [target],
          dueDate: addMonthsToDate(on, 3),
          agreedBy: present.slice(0, 9),
          madeOn: on,
        },
      },
    ]),
    command(meeting, 'respondToRecommendation', [
      {
        type: 'RecommendationResponded',
        data: { recommendationId, partnerId: target, response: 'ACCEPTED', reason: null, respondedOn: on },
      },
    ]),
    command(meeting, 'closeMeeting', [
      { type: 'MeetingClosed', data: { closedAt: `${on}T12:30:00.000Z`, heldOn: on } },
    ]),
    command(meeting, 'draftMinutes', [
      {
        type: 'MinutesDrafted',
        data: { text: `Minutes of the meeting of quarter ${n}, with the decisions taken and the actions agreed.` },
      },
    ]),
    command(meeting, 'approveMinutes', [{ type: 'MinutesApproved', data: { approvedOn: on, atMeetingId: null } }]),
    command(meeting, 'publishMinutes', [{ type: 'MinutesPublished', data: { publishedAt: at, areas: group.areas } }]),
    ...group.areas.map((area, index) =>
      command(
        meeting,
        'recordLocalPublication',
        [
          {
            type: 'LocalPublicationRecorded',
            data: { areaId: area.areaId, address: `https://lscp.example.org/${n}`, publishedOn: on },
          },
        ],
        manager(index),
      ),
    ),
  ];

  const policyId = randomUUID();
  const policy = policyStream(policyId);
  const title = `Multi-agency procedure ${n}`;
  const body = `https://procedures.example.org/${policyId}`;
  const summary = 'How partners share information when a concern is raised.';
  commands.push(
    command(policy, 'draftPolicy', [
      { type: 'PolicyDrafted', data: { policyId, groupId: group.groupId, workstreamId: null, title, body, summary } },
    ]),
    command(policy, 'approvePolicy', [{ type: 'PolicyApproved', data: { meetingId, decisionId: decisionIds[0] } }]),
    command(policy, 'publishPolicyVersion', [
      {
        type: 'PolicyVersionPublished',
        data: {
          version: 1,
          effectiveOn: on,
          reviewOn: addMonthsToDate(on, 12),
          publishedOn: on,
          title,
          body,
          summary,
          areas: group.areas,
        },
      },
    ]),
    ...areaIds.map((areaId, index) =>
      command(
        localArrangementStream(areaId),
        'recordPolicyAdoption',
        [
          {
            type: 'PolicyAdoptionRecorded',
            data: {
              areaId,
              policyId,
              version: 1,
              decision: index === 4 ? 'ADOPTED_WITH_VARIATION' : 'ADOPTED',
              variation: index === 4 ? 'Local escalation goes to the area’s designated officer.' : null,
              reason: null,
              decidedOn: on,
            },
          },
        ],
        manager(index),
      ),
    ),
  );

  const workstreamId = randomUUID();
  const workstream = workstreamStream(workstreamId);
  const taskIds = [0, 1, 2, 3].map((index) => childId(workstreamId, 'task', index));
  const members = group.seats.slice(1, 4);
  commands.push(
    command(workstream, 'commissionWorkstream', [
      {
        type: 'WorkstreamCommissioned',
        data: {
          workstreamId,
          groupId: group.groupId,
          name: `Workstream ${n}`,
          kind: 'TASK_AND_FINISH',
          purpose: 'Bring the local procedures into one regional set.',
          termsOfReference: 'Reports to the regional group at each meeting.',
          leadPartnerId: group.partners[n % PARTNERS].partnerId,
          lead: { personId: group.seats[1].personId, name: group.seats[1].name },
          areas: group.areas,
          startDate: on,
          endDate: null,
          scopeDecisionId: null,
          commissionedOn: on,
        },
      },
    ]),
    ...members.map((seat) =>
      command(workstream, 'addWorkstreamMember', [
        { type: 'WorkstreamMemberAdded', data: { personId: seat.personId, name: seat.name, addedOn: on } },
      ]),
    ),
    ...taskIds.map((taskId, index) =>
      command(workstream, 'addTask', [
        {
          type: 'TaskAdded',
          data: {
            taskId,
            title: `Task ${index + 1} of workstream ${n}`,
            description: 'Map the procedures of each area and list where they differ.',
            ownerId: members[index % members.length].personId,
            dueDate: addMonthsToDate(on, 3),
            addedOn: on,
          },
        },
      ]),
    ),
    ...taskIds.map((taskId) =>
      command(workstream, 'startTask', [{ type: 'TaskStarted', data: { taskId, changedOn: on } }]),
    ),
    ...taskIds.map((taskId) =>
      command(workstream, 'completeTask', [{ type: 'TaskCompleted', data: { taskId, changedOn: on } }]),
    ),
    command(workstream, 'reportWorkstreamStatus', [
      {
        type: 'WorkstreamStatusReported',
        data: { rag: 'GREEN', note: 'On track for the next meeting.', reportedOn: on },
      },
    ]),
  );

  const year = Number(on.slice(0, 4)) - (on.slice(5, 7) < '04' ? 1 : 0);
  commands.push(
    command(regionalGroupStream(group.groupId), 'agreeFundingContribution', [
      {
        type: 'FundingContributionAgreed',
        data: {
          partnerId: target,
          financialYear: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
          amountPence: 1_000_000 + n,
          inKind: null,
          agreedOn: on,
        },
      },
    ]),
  );

  // The longest-serving representative other than the chair leaves; the newcomer is registered and appointed.
  const leaving = group.seats.splice(1, 1)[0];
  const { seat, event } = appointment(group, REPRESENTATIVES + n, on);
  group.seats.push(seat);
  const stream = regionalGroupStream(group.groupId);
  commands.push(
    command(
      stream,
      'endRepresentativeAppointment',
      [
        {
          type: 'RepresentativeAppointmentEnded',
          data: { appointmentId: leaving.appointmentId, endDate: on, reason: 'Moved to another post' },
        },
      ],
      administrator,
    ),
    command(ACCESS_STREAM, 'registerPerson', registration(seat.personId, seat.name, null), administrator),
    command(stream, 'appointRepresentative', [event], administrator),
  );
  return commands;
}

/**
 * Commands of `groups` regions, founding first, then a quarter of each group in turn, until at
 * least `count` events are produced; the caller stops at `count`. Dated by how far through the log they are.
 */
export function* regionHistory(count: number, administrator: Actor, groups = GROUPS): Generator<RegionCommand> {
  const regions: Group[] = Array.from({ length: groups }, () => {
    const groupId = randomUUID();
    return {
      groupId,
      areas: Array.from({ length: AREAS }, (_, index) => ({
        areaId: childId(groupId, 'local-area', index),
        name: `Local Safeguarding Area ${index + 1} of ${groupId.slice(0, 8)}`,
      })),
      partners: Array.from({ length: PARTNERS }, (_, index) => ({
        partnerId: randomUUID(),
        name: `${AGENCY_TYPES[index % AGENCY_TYPES.length]} partner ${index + 1} of ${groupId.slice(0, 8)}`,
      })),
      seats: [],
      managerIds: Array.from({ length: AREAS }, () => randomUUID()),
      quarter: 0,
    };
  });
  let produced = 0;
  const dayAt = () =>
    new Date(FIRST_DAY + ((LAST_DAY - FIRST_DAY) * Math.min(produced, count)) / count).toISOString().slice(0, 10);
  const emit = function* (commands: RegionCommand[]) {
    for (const command of commands) {
      produced += command.events.length;
      yield command;
    }
  };
  for (const [index, group] of regions.entries()) yield* emit(founding(group, index, administrator, dayAt()));
  for (let n = 0; produced < count; n += 1) yield* emit(quarter(regions[n % groups], administrator, dayAt()));
}
