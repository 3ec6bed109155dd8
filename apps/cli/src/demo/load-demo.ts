import {
  APPOINTED_ON,
  AREAS,
  BOOKS_MEETINGS,
  CHAIR,
  DEPUTY_CHAIR,
  ESTABLISHED_ON,
  FUNDING_2020_21,
  FUNDING_AGREED_ON,
  GROUP_NAME,
  ICB_DAY,
  MARCH_2020_MEETING,
  PARTNERS,
  REPRESENTATIVES,
  SUCCESSIONS,
  UNILATERAL_CHANGE_ON,
} from './avon-and-somerset';
import { found } from './found';

/**
 * Sends one GraphQL operation as the holder of `token` and returns its data, or throws its first error.
 * `T` is the shape the operation selects: the caller names it, as the server answers only what was asked.
 */
export type SendGraphql = <T>(query: string, variables: Record<string, unknown>, token: string) => Promise<T>;

export interface DemoContext {
  readonly send: SendGraphql;
  readonly administratorToken: string;
  readonly tokenFor: (personId: string) => Promise<string>;
}

export interface LoadedDemo {
  readonly groupId: string;
  readonly areaIds: Record<string, string>;
  readonly partnerIds: Record<string, string>;
  /** Seed key (e.g. `sheila-smith`, `bristol-business-manager`) -> person id. */
  readonly personIds: Record<string, string>;
  readonly appointmentIds: Record<string, string>;
  /** The quarterly meeting of 12 March 2020, entered with that day's membership. */
  readonly march2020MeetingId: string;
}

const CHANGE = 'group { id partners(includeFormer: true) { id name } representatives { appointmentId personId } }';

/** The group as `CHANGE` selects it, returned by every membership mutation. */
interface GroupChange {
  readonly id: string;
  readonly partners: { readonly id: string; readonly name: string }[];
  readonly representatives: { readonly appointmentId: string; readonly personId: string }[];
}

interface EstablishedGroup {
  readonly establishRegionalGroup: {
    readonly id: string;
    readonly areas: { readonly id: string; readonly name: string }[];
  };
}

/**
 * The Avon and Somerset membership, built through the public GraphQL API exactly as its users
 * would: used by `npm run demo` against itself and by the end-to-end tests. Its history since 2019
 * is entered now with its real dates, as a group joining the platform would enter it.
 */
export async function loadAvonAndSomerset({
  send,
  administratorToken: admin,
  tokenFor,
}: DemoContext): Promise<LoadedDemo> {
  const established = await send<EstablishedGroup>(
    `mutation($input: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $input) { id areas { id name } } }`,
    { input: { name: GROUP_NAME, areas: AREAS.map((name) => ({ name })), establishedOn: ESTABLISHED_ON } },
    admin,
  );
  const groupId = established.establishRegionalGroup.id;
  const areaIds = Object.fromEntries(established.establishRegionalGroup.areas.map((a) => [a.name, a.id]));
  const change = (mutation: string, input: Record<string, unknown>, token = admin): Promise<GroupChange> =>
    send<Record<string, { group: GroupChange }>>(
      `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { ${CHANGE} } }`,
      { input: { groupId, ...input } },
      token,
    ).then((data) => data[mutation].group);

  await change('adoptTermsOfReference', {
    version: '1.0',
    summary: 'Terms of reference of the regional group as first agreed by the nine core partners.',
    adoptedOn: APPOINTED_ON,
    // "The first review will be December 2019" (seeds/003, Review of Terms of Reference).
    firstReviewBy: '2019-12-01',
  });

  const partnerIds: Record<string, string> = {};
  for (const partner of PARTNERS) {
    const group = await change('admitCorePartner', {
      name: partner.name,
      agencyType: partner.agencyType,
      areaIds: partner.areas.map((area) => areaIds[area]),
      admittedOn: APPOINTED_ON,
    });
    partnerIds[partner.key] = found(group.partners, (p) => p.name === partner.name, partner.name).id;
  }

  const personIds: Record<string, string> = {};
  const appointmentIds: Record<string, string> = {};
  for (const rep of REPRESENTATIVES) {
    personIds[rep.key] = await registerPerson(send, admin, rep.name, rep.email);
    const group = await change('appointRepresentative', {
      personId: personIds[rep.key],
      partnerId: partnerIds[rep.partner],
      title: rep.title,
      role: rep.role,
      seniority: rep.seniority,
      startDate: APPOINTED_ON,
    });
    appointmentIds[rep.key] = found(
      group.representatives,
      (r) => r.personId === personIds[rep.key],
      rep.name,
    ).appointmentId;
  }
  await change('appointChair', { appointmentId: appointmentIds[CHAIR], from: APPOINTED_ON });
  await change('appointDeputyChair', { appointmentId: appointmentIds[DEPUTY_CHAIR], from: APPOINTED_ON });
  await change('recordTermsOfReferenceReview', {
    reviewedOn: '2019-12-10',
    notes: 'First annual review, as the terms of reference require.',
  });

  const booker = await tokenFor(personIds[BOOKS_MEETINGS]);
  const march2020MeetingId = await holdMarch2020Meeting(send, { admin, booker }, groupId, appointmentIds);

  const chair = await tokenFor(personIds[CHAIR]);
  for (const year of ['2020/21', '2021/22']) {
    for (const { partner, amountPence, inKind } of FUNDING_2020_21) {
      await change(
        'agreeFundingContribution',
        { partnerId: partnerIds[partner], financialYear: year, amountPence, inKind, on: FUNDING_AGREED_ON[year] },
        chair,
      );
    }
  }
  // A partner lowering its own contribution without the group: flagged unilateral (R15).
  await change(
    'changeFundingContribution',
    {
      partnerId: partnerIds['somerset-ccg'],
      financialYear: '2021/22',
      amountPence: 1_000_000,
      inKind: null,
      on: UNILATERAL_CHANGE_ON,
    },
    await tokenFor(personIds['sandra-corry']),
  );

  for (const { predecessor, successorName } of SUCCESSIONS) {
    const group = await change('recordSuccession', {
      predecessorId: partnerIds[predecessor],
      successorName,
      effectiveOn: ICB_DAY,
    });
    partnerIds[`${predecessor.replace('-ccg', '')}-icb`] = found(
      group.partners,
      (p) => p.name === successorName,
      successorName,
    ).id;
  }
  await change('adoptTermsOfReference', {
    version: '1.1',
    summary: 'Health partners are now the integrated care boards that succeeded the clinical commissioning groups.',
    adoptedOn: ICB_DAY,
  });

  personIds['bristol-business-manager'] = await registerPerson(
    send,
    admin,
    'Bristol Safeguarding Business Manager',
    'business.manager@bristol.asssp.example',
  );
  await grantRole(send, admin, personIds['bristol-business-manager'], 'AREA_BUSINESS_MANAGER', areaIds.Bristol);
  personIds.auditor = await registerPerson(send, admin, 'Independent Scrutineer', 'scrutineer@asssp.example');
  await grantRole(send, admin, personIds.auditor, 'AUDITOR', null);

  return { groupId, areaIds, partnerIds, personIds, appointmentIds, march2020MeetingId };
}

/**
 * Booked by the constabulary (`booker`), then opened on that day's membership, attendance taken and a
 * decision recorded, and closed by the administrator.
 */
async function holdMarch2020Meeting(
  send: SendGraphql,
  { admin, booker }: Readonly<{ admin: string; booker: string }>,
  groupId: string,
  appointmentIds: Record<string, string>,
): Promise<string> {
  const meeting = (mutation: string, inputType: string, input: Record<string, unknown>, token = admin) =>
    send<Record<string, { id: string }>>(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`,
      { input },
      token,
    ).then((data) => data[mutation].id);
  const meetingId = await meeting(
    'scheduleMeeting',
    'ScheduleMeetingInput',
    {
      groupId,
      startsAt: MARCH_2020_MEETING.startsAt,
      bookedOn: MARCH_2020_MEETING.bookedOn,
      place: 'Avon and Somerset Constabulary Headquarters, Portishead',
    },
    booker,
  );
  await meeting('openMeeting', 'MeetingIdInput', { meetingId });
  for (const rep of REPRESENTATIVES) {
    const absent = (MARCH_2020_MEETING.absent as readonly string[]).includes(rep.key);
    await meeting('recordAttendance', 'RecordAttendanceInput', {
      meetingId,
      appointmentId: appointmentIds[rep.key],
      status: absent ? 'APOLOGIES' : 'PRESENT',
    });
  }
  await meeting('recordDecision', 'RecordDecisionInput', { meetingId, text: MARCH_2020_MEETING.decision });
  await meeting('closeMeeting', 'MeetingIdInput', { meetingId });
  return meetingId;
}

function inputTypeOf(mutation: string): string {
  const shared: Record<string, string> = {
    appointDeputyChair: 'AppointChairInput',
    agreeFundingContribution: 'FundingContributionInput',
    changeFundingContribution: 'FundingContributionInput',
  };
  return shared[mutation] ?? `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
}

async function registerPerson(send: SendGraphql, admin: string, name: string, email: string): Promise<string> {
  const data = await send<{ registerPerson: { personId: string } }>(
    'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { personId } }',
    { input: { name, email } },
    admin,
  );
  return data.registerPerson.personId;
}

async function grantRole(
  send: SendGraphql,
  admin: string,
  personId: string,
  role: string,
  areaId: string | null,
): Promise<void> {
  await send(
    'mutation($input: RoleInput!) { grantRole(input: $input) { personId } }',
    { input: { personId, role, areaId } },
    admin,
  );
}

/** The tokens the demo prints: one per kind of user. */
export const DEMO_TOKEN_HOLDERS: Record<string, string> = {
  chair: CHAIR,
  'representative (local authority)': 'jacqui-jensen',
  'representative (health)': 'janet-baptiste-grant',
  'representative (police)': 'victoria-capel',
  'area business manager (Bristol)': 'bristol-business-manager',
  'workstream lead (task and finish)': 'jacqui-jensen',
  'workstream member': 'chris-sivers',
  auditor: 'auditor',
};
