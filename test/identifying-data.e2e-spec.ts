import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { openQuorateMeeting } from '../apps/cli/src/demo/policies-and-notices';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

/** The communication of the issue: a serious incident, named, with a date of birth, an NHS number and a home address. */
const ISSUE_COMMUNICATION = {
  title: 'Serious incident: Jane Doe (DOB 01/02/2015)',
  body: 'NHS number 943 476 5919. The family lives at 12 Acacia Avenue, Bristol BS1 4ST. Please cascade.',
};
const ISSUE_REGIONAL_COMMUNICATION =
  'mutation($i: IssueRegionalCommunicationInput!) { issueRegionalCommunication(input: $i) { id } }';
const RECORD_DECISION = 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { text } } }';

const FOUND = { NHS_NUMBER: 'an NHS number', DATE_OF_BIRTH: 'a date of birth', HOME_ADDRESS: 'a home address' };
/** The refusal of one field holding `kinds`, in the shape the first test spells out. */
const refusalOf = (field: string, ...kinds: (keyof typeof FOUND)[]) => ({
  code: 'IDENTIFYING_DATA',
  field,
  fields: [
    {
      field,
      kind: kinds[0],
      found: FOUND[kinds[0]],
      findings: kinds.map((kind) => ({ kind, found: FOUND[kind] })),
    },
  ],
});

describe('no child-identifying data (R40)', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let send: TestApp['send'];
  let chair: string;
  let meetingId: string;

  const feedSize = async (areaId: string) =>
    (await send('query($a: ID!) { areaFeed(areaId: $a) { totalCount } }', { a: areaId }, chair)).areaFeed
      .totalCount as number;

  beforeAll(async () => {
    const app = await startDemoApp({ load: [] });
    ({ api, demo } = app);
    send = api.send;
    chair = await app.tokenOf('sheila-smith');
    meetingId = await openQuorateMeeting(
      send,
      demo,
      chair,
      '2026-11-23T08:00:00Z',
      'Constabulary Headquarters, Portishead',
    );
  });
  afterAll(async () => api.stop());

  it("refuses the issue's communication with IDENTIFYING_DATA naming the title, and it reaches no area", async () => {
    const before = await api.store.lastPosition();
    const bristolFeed = await feedSize(demo.areaIds.Bristol);
    const response = await api.graphql(
      ISSUE_REGIONAL_COMMUNICATION,
      {
        i: {
          groupId: demo.groupId,
          ...ISSUE_COMMUNICATION,
          areaIds: Object.values(demo.areaIds),
          cascadeBy: '2026-12-05',
        },
      },
      chair,
    );
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    // The first field, and each field at fault with the first thing found in it and all of them, for a form to mark every one.
    expect(response.errors?.[0].extensions).toEqual({
      code: 'IDENTIFYING_DATA',
      field: 'title',
      fields: [
        {
          field: 'title',
          kind: 'DATE_OF_BIRTH',
          found: 'a date of birth',
          findings: [{ kind: 'DATE_OF_BIRTH', found: 'a date of birth' }],
        },
        {
          field: 'body',
          kind: 'NHS_NUMBER',
          found: 'an NHS number',
          findings: [
            { kind: 'NHS_NUMBER', found: 'an NHS number' },
            { kind: 'HOME_ADDRESS', found: 'a home address' },
          ],
        },
      ],
    });
    expect(response.errors?.[0].message).toBe(
      'title looks like it identifies a child or family (a date of birth); the platform holds governance data only (R40). ' +
        'body looks like it identifies a child or family (an NHS number and a home address); the platform holds governance data only (R40).',
    );
    expect(await api.store.lastPosition()).toBe(before);
    expect(await feedSize(demo.areaIds.Bristol)).toBe(bristolFeed);
  });

  it('refuses a decision holding an NHS number, naming the text, and records it once the number is gone', async () => {
    const before = await api.store.lastPosition();
    const refused = await api.graphql(
      RECORD_DECISION,
      { i: { meetingId, text: 'Agreed to refer the case of 9434765919 to the national panel.' } },
      chair,
    );
    expect(refused.errors?.[0].extensions).toEqual(refusalOf('text', 'NHS_NUMBER'));
    expect(refused.errors?.[0].message).toMatch(/^text looks like it identifies a child or family \(an NHS number\)/);
    expect(await api.store.lastPosition()).toBe(before);

    const recorded = await api.graphql(
      RECORD_DECISION,
      { i: { meetingId, text: 'Agreed to refer the case of Child A to the national panel.' } },
      chair,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordDecision.decisions.map((d: { text: string }) => d.text)).toContain(
      'Agreed to refer the case of Child A to the national panel.',
    );
  });

  it('refuses a decision holding a date of birth and an address without a postcode, naming both, and records nothing', async () => {
    const before = await api.store.lastPosition();
    const refused = await api.graphql(
      RECORD_DECISION,
      { i: { meetingId, text: 'Agreed a review for the child born on 1 February 2015 at 12 Acacia Avenue, Bristol.' } },
      chair,
    );
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions).toEqual(refusalOf('text', 'DATE_OF_BIRTH', 'HOME_ADDRESS'));
    expect(refused.errors?.[0].message).toBe(
      'text looks like it identifies a child or family (a date of birth and a home address); the platform holds governance data only (R40).',
    );
    expect(await api.store.lastPosition()).toBe(before);
  });

  it('refuses an idempotency key that is a valid NHS number, naming idempotencyKey', async () => {
    const before = await api.store.lastPosition();
    const response = await api.graphql(
      RECORD_DECISION,
      { i: { meetingId, text: 'Agreed the annual report.', idempotencyKey: '943-476-5919' } },
      chair,
    );
    expect(response.errors?.[0].extensions).toEqual(refusalOf('idempotencyKey', 'NHS_NUMBER'));
    expect(await api.store.lastPosition()).toBe(before);
  });

  it('accepts a random UUID as an idempotency key even when ten of its digits pass the NHS check', async () => {
    const key = '3f0c2a9e-7b1d-4c55-9e2a-b9434765919c';
    const before = await api.store.lastPosition();
    const response = await api.graphql(
      RECORD_DECISION,
      { i: { meetingId, text: 'Agreed the terms of reference for 2027.', idempotencyKey: key } },
      chair,
    );
    expect(response.errors).toBeUndefined();
    const recorded = await api.store.readAll({ from: before });
    expect(recorded.map((event) => event.metadata.idempotencyKey)).toContain(key);
  });

  it('names a nested field by its path', async () => {
    const response = await api.graphql(
      'mutation($i: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $i) { id } }',
      { i: { name: 'Example Regional Group', areas: [{ name: 'North' }, { name: 'the Carter family' }] } },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'IDENTIFYING_DATA',
      field: 'areas.1.name',
      fields: [{ field: 'areas.1.name', kind: 'CHILD_OR_FAMILY_NAME' }],
    });
  });

  it('accepts governance text with ordinary dates, counts and sums, and sends it to every area', async () => {
    const text = 'At the meeting of 12 March 2020, 7 of 10 present, agreed £45,000 for 2020/21 (Sheila Smith, chair).';
    const decision = await api.graphql(RECORD_DECISION, { i: { meetingId, text } }, chair);
    expect(decision.errors).toBeUndefined();
    expect(decision.data?.recordDecision.decisions.map((d: { text: string }) => d.text)).toContain(text);

    const bristolFeed = await feedSize(demo.areaIds.Bristol);
    const communication = await api.graphql(
      ISSUE_REGIONAL_COMMUNICATION,
      {
        i: {
          groupId: demo.groupId,
          title: 'Rapid review decision: the meeting of 12 March 2020',
          body: text,
          areaIds: Object.values(demo.areaIds),
          cascadeBy: '2026-12-05',
        },
      },
      chair,
    );
    expect(communication.errors).toBeUndefined();
    expect(await feedSize(demo.areaIds.Bristol)).toBe(bristolFeed + 1);
  });
});
