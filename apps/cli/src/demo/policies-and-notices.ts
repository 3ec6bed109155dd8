import { addMonthsToDate, groupDateOf, IsoDate } from '@app/domain';
import { AREAS, BOOKS_MEETINGS, CHAIR, REPRESENTATIVES } from './avon-and-somerset';
import { found } from './found';
import { DemoContext, LoadedDemo, SendGraphql } from './load-demo';
import { extraordinaryMeetingBookedOn, PLACE } from './meeting-year';

type Area = (typeof AREAS)[number];
type Decision = {
  decision: 'ADOPTED' | 'ADOPTED_WITH_VARIATION' | 'NOT_ADOPTED';
  /** The day the area decided; the day the demo runs when left out. */
  decidedOn?: string;
  variation?: string;
  notAdoptedReason?: string;
};

interface RegisteredPerson {
  readonly registerPerson: { readonly personId: string };
}
interface ScheduledMeeting {
  readonly scheduleMeeting: { readonly id: string };
}
interface DraftedPolicy {
  readonly draftPolicy: { readonly id: string };
}
interface RecordedDecision {
  readonly recordDecision: { readonly decisions: { readonly id: string; readonly text: string }[] };
}
interface IssuedCommunication {
  readonly issueRegionalCommunication: { readonly id: string };
}
interface AreaFeed {
  readonly areaFeed: { readonly edges: { readonly node: { readonly cursor: string; readonly subjectId: string } }[] };
}

/**
 * Two regional policies with mixed local decisions (one overdue for review), a notice to leave and a
 * communication. Each is approved at its own extraordinary meeting and published that day.
 */
export const POLICIES: readonly {
  title: string;
  body: string;
  approvedAt: string;
  effectiveOn: string;
  reviewOn: string;
  decisions: Partial<Record<Area, Decision>>;
}[] = [
  {
    title: 'Regional escalation procedure',
    body: 'How professionals escalate concerns about another agency’s response, and to whom, across the five areas.',
    approvedAt: '2026-11-19T10:00:00Z',
    effectiveOn: '2026-12-01',
    reviewOn: '2027-12-01',
    decisions: {
      Bristol: { decision: 'ADOPTED' },
      Somerset: { decision: 'ADOPTED_WITH_VARIATION', variation: 'Escalations go first to the Somerset duty manager.' },
      'North Somerset': { decision: 'NOT_ADOPTED', notAdoptedReason: 'The local procedure already covers this.' },
      'Bath and North East Somerset': { decision: 'ADOPTED' },
    },
  },
  {
    title: 'Information sharing protocol',
    body: 'The multi-agency information sharing protocol for safeguarding children.',
    approvedAt: '2024-12-12T10:00:00Z',
    effectiveOn: '2025-01-01',
    // Its review date has passed: the demo shows it overdue.
    reviewOn: '2026-01-01',
    // Entered when the demo runs, with the days the areas decided: around its publication and coming into force.
    decisions: {
      Bristol: { decision: 'ADOPTED', decidedOn: '2024-12-16' },
      Somerset: { decision: 'ADOPTED', decidedOn: '2024-12-19' },
      'North Somerset': { decision: 'ADOPTED', decidedOn: '2025-01-06' },
      'South Gloucestershire': { decision: 'ADOPTED', decidedOn: '2025-01-15' },
    },
  },
];

/**
 * Extraordinary meetings approve the policies; each area's business manager records its own
 * decision; the Bath and North East Somerset, Swindon and Wiltshire ICB gives a year's notice on
 * `today` (the service's date, which a fixed CLOCK_NOW may set); and a communication goes to every
 * area, acknowledged so far by Bristol.
 */
/**
 * A meeting of the group starting at `startsAt`, booked by `booker` (the chair unless given) on
 * `bookedOn` when entered after the fact, opened by the chair, every representative recorded present: its id.
 */
export async function openQuorateMeeting(
  send: SendGraphql,
  demo: LoadedDemo,
  chair: string,
  startsAt: string,
  place: string,
  { bookedOn, booker = chair }: Readonly<{ bookedOn?: IsoDate; booker?: string }> = {},
): Promise<string> {
  const { scheduleMeeting } = await send<ScheduledMeeting>(
    'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
    { i: { groupId: demo.groupId, startsAt, place, bookedOn } },
    booker,
  );
  const meetingId = scheduleMeeting.id;
  await send('mutation($i: MeetingIdInput!) { openMeeting(input: $i) { id } }', { i: { meetingId } }, chair);
  for (const rep of REPRESENTATIVES) {
    await send(
      'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
      { i: { meetingId, appointmentId: demo.appointmentIds[rep.key], status: 'PRESENT' } },
      chair,
    );
  }
  return meetingId;
}

export async function loadPoliciesAndNotices(
  { send, tokenFor, administratorToken: admin }: DemoContext,
  demo: LoadedDemo,
  today: IsoDate,
): Promise<{ businessManagerIds: Partial<Record<Area, string>> }> {
  const chair = await tokenFor(demo.personIds[CHAIR]);
  const booker = await tokenFor(demo.personIds[BOOKS_MEETINGS]);
  const businessManagerIds: Partial<Record<Area, string>> = { Bristol: demo.personIds['bristol-business-manager'] };
  const managers: Partial<Record<Area, string>> = {
    Bristol: await tokenFor(demo.personIds['bristol-business-manager']),
  };
  for (const area of AREAS.filter((a) => a !== 'Bristol')) {
    const { registerPerson } = await send<RegisteredPerson>(
      'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
      { i: { name: `${area} Safeguarding Business Manager` } },
      admin,
    );
    await send(
      'mutation($i: RoleInput!) { grantRole(input: $i) { personId } }',
      { i: { personId: registerPerson.personId, role: 'AREA_BUSINESS_MANAGER', areaId: demo.areaIds[area] } },
      admin,
    );
    const personId = (registerPerson as { personId: string }).personId;
    managers[area] = await tokenFor(personId);
    businessManagerIds[area] = personId;
  }

  for (const policy of POLICIES) {
    const meetingId = await openQuorateMeeting(send, demo, chair, policy.approvedAt, PLACE, {
      bookedOn: extraordinaryMeetingBookedOn(policy.approvedAt),
      booker,
    });
    const { draftPolicy } = await send<DraftedPolicy>(
      'mutation($i: DraftPolicyInput!) { draftPolicy(input: $i) { id } }',
      { i: { groupId: demo.groupId, title: policy.title, body: policy.body } },
      chair,
    );
    const { recordDecision } = await send<RecordedDecision>(
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { id text } } }',
      { i: { meetingId, text: `Approved: ${policy.title}.` } },
      chair,
    );
    const approval = `Approved: ${policy.title}.`;
    const decisionId = found(recordDecision.decisions, (d) => d.text === approval, approval).id;
    await send(
      'mutation($i: ApprovePolicyInput!) { approvePolicy(input: $i) { id } }',
      { i: { policyId: draftPolicy.id, meetingId, decisionId } },
      chair,
    );
    await send(
      'mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { id } }',
      {
        i: {
          policyId: draftPolicy.id,
          publishedOn: groupDateOf(policy.approvedAt),
          effectiveOn: policy.effectiveOn,
          reviewOn: policy.reviewOn,
        },
      },
      chair,
    );
    for (const [area, decision] of Object.entries(policy.decisions) as [Area, Decision][]) {
      await send(
        'mutation($i: RecordPolicyAdoptionInput!) { recordPolicyAdoption(input: $i) { policyId } }',
        { i: { policyId: draftPolicy.id, areaId: demo.areaIds[area], version: 1, ...decision } },
        managers[area] as string,
      );
    }
    await send('mutation($i: MeetingIdInput!) { closeMeeting(input: $i) { id } }', { i: { meetingId } }, chair);
  }

  // A notice is dated the day it is given: the service's date.
  await giveBswIcbNotice({ send, tokenFor, administratorToken: admin }, demo, today);

  const { issueRegionalCommunication } = await send<IssuedCommunication>(
    'mutation($i: IssueRegionalCommunicationInput!) { issueRegionalCommunication(input: $i) { id } }',
    {
      i: {
        groupId: demo.groupId,
        title: 'Safeguarding adolescents week',
        body: 'Please cascade the campaign materials to all practitioners in your area.',
        areaIds: Object.values(demo.areaIds),
        cascadeBy: '2026-12-05',
      },
    },
    chair,
  );
  const bristolFeed = await send<AreaFeed>(
    'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { cursor subjectId } } } }',
    { a: demo.areaIds.Bristol },
    chair,
  );
  const item = found(
    bristolFeed.areaFeed.edges,
    (e) => e.node.subjectId === issueRegionalCommunication.id,
    'communication in the Bristol feed',
  ).node;
  await send(
    'mutation($i: AcknowledgeFeedItemInput!) { acknowledgeFeedItem(input: $i) { cursor } }',
    { i: { areaId: demo.areaIds.Bristol, cursor: item.cursor } },
    managers.Bristol as string,
  );
  return { businessManagerIds };
}

/**
 * The Bath and North East Somerset, Swindon and Wiltshire ICB gives thirteen months' notice on
 * `today` (the service's date), through its representative Lisa Harvey: BaNES would have no health
 * partner from the effective date, which it returns.
 */
export async function giveBswIcbNotice(
  { send, tokenFor }: DemoContext,
  demo: LoadedDemo,
  today: string,
): Promise<string> {
  const effectiveOn = addMonthsToDate(today, 13);
  await send(
    'mutation($i: GiveNoticeToLeaveInput!) { giveNoticeToLeave(input: $i) { notice { id } } }',
    { i: { groupId: demo.groupId, partnerId: demo.partnerIds['banes-icb'], givenOn: today, effectiveOn } },
    await tokenFor(demo.personIds['lisa-harvey']),
  );
  return effectiveOn;
}
