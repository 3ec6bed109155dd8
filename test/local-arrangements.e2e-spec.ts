import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { DemoApp, startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

/** The 2026 Act's education duty, commenced in this scenario on 1 April 2027. */
const EDUCATION_FROM = '2027-04-01';
const AREA = `id area { name } asAt participationGaps
  relevantAgencies { id name agencyType from to current }
  localGroups { id name kind meetingsPerYear workstreamIds }
  publishedArrangements { version publishedOn secretaryOfStateNotifiedOn implementedOn implementationDueOn implementationStatus }`;
const REQUIRE = `mutation($i: RequireAgencyTypeInput!) { requireAgencyType(input: $i) {
  coverageGapsCreated { areaName agencyType }
  group { agencyRequirements { code inForceFrom scope inForce } }
} }`;
const COVERAGE = `query($id: ID!, $asAt: String) { regionalGroup(id: $id, asAt: $asAt) { coverage { area { name } missing } } }`;
const ARRANGEMENT = `query($a: ID!, $asAt: String) { localArrangement(areaId: $a, asAt: $asAt) { ${AREA} } }`;

describe('local arrangements: the arrangement, published arrangements and the law as data (L1, L4, R2)', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let bristol: string;
  let somerset: string;
  const tokens: Record<string, string> = {};
  let tokenOf: DemoApp['tokenOf'];
  const mutate = (name: string, input: Record<string, unknown>, token: string) =>
    api.graphql(
      `mutation($i: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) { ${AREA} } }`,
      { i: input },
      token,
    );
  const arrangement = async (areaId: string, asAt: string | null = null, token = tokens.auditor) => {
    const { data, errors } = await api.graphql(ARRANGEMENT, { a: areaId, asAt }, token);
    expect(errors).toBeUndefined();
    return data?.localArrangement;
  };

  beforeAll(async () => {
    const app = await startDemoApp({ load: [] });
    ({ api, demo, tokenOf } = app);
    bristol = demo.areaIds.Bristol;
    somerset = demo.areaIds.Somerset;
    tokens.bristol = await app.tokenOf('bristol-business-manager');
    tokens.auditor = await app.tokenOf('auditor');
    tokens.chair = await app.tokenOf('sheila-smith');
    tokens.representative = await app.tokenOf('sandra-corry');
    tokens.somerset = await app.businessManager('Somerset', 'Somerset Safeguarding Business Manager');
    tokens.stranger = await api.registerPersonWithoutRoles('Someone Unconnected');
  });
  afterAll(async () => api.stop());

  describe('the law as data (R2, R3)', () => {
    it('accepts education required of partners from a future commencement and reports the gaps it will make', async () => {
      const { data, errors } = await api.graphql(
        REQUIRE,
        { i: { groupId: demo.groupId, code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTNERS' } },
        tokens.chair,
      );
      expect(errors).toBeUndefined();
      expect(data?.requireAgencyType.coverageGapsCreated).toHaveLength(5);
      expect(data?.requireAgencyType.coverageGapsCreated[0]).toEqual({
        areaName: expect.any(String),
        agencyType: 'EDUCATION',
      });
      expect(data?.requireAgencyType.group.agencyRequirements).toEqual([
        { code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTNERS', inForce: false },
      ]);
    });

    it('shows the education gaps in coverage only from 1 April 2027 (asAt)', async () => {
      const missingOn = async (asAt: string | null) =>
        (await api.graphql(COVERAGE, { id: demo.groupId, asAt })).data?.regionalGroup.coverage.map(
          (area: { missing: string[] }) => area.missing,
        );
      expect(await missingOn(null)).toEqual([[], [], [], [], []]);
      expect(await missingOn('2027-03-31')).toEqual([[], [], [], [], []]);
      expect(await missingOn(EDUCATION_FROM)).toEqual([
        ['EDUCATION'],
        ['EDUCATION'],
        ['EDUCATION'],
        ['EDUCATION'],
        ['EDUCATION'],
      ]);
    });

    it("makes education statutory in the group's agencyTypes from 1 April 2027 only, following the requirement", async () => {
      const statutoryOn = async (asAt: string) =>
        (
          await api.graphql(
            `query($id: ID!, $asAt: String) { regionalGroup(id: $id, asAt: $asAt) { agencyTypes { code statutory } } }`,
            { id: demo.groupId, asAt },
            tokens.auditor,
          )
        ).data?.regionalGroup.agencyTypes
          .filter((type: { statutory: boolean }) => type.statutory)
          .map((type: { code: string }) => type.code);
      expect(await statutoryOn('2027-03-31')).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'POLICE']);
      expect(await statutoryOn(EDUCATION_FROM)).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'POLICE', 'EDUCATION']);
    });

    it('refuses a requirement from a representative who is not the chair (FORBIDDEN)', async () => {
      const { errors } = await api.graphql(
        REQUIRE,
        { i: { groupId: demo.groupId, code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTICIPANTS' } },
        tokens.representative,
      );
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses a type the group does not know (NOT_FOUND) until it defines it', async () => {
      const require = () =>
        api.graphql(
          REQUIRE,
          { i: { groupId: demo.groupId, code: 'CAFCASS', inForceFrom: '2030-01-01', scope: 'PARTICIPANTS' } },
          tokens.chair,
        );
      expect((await require()).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const defined = await api.graphql(
        `mutation($i: DefineAgencyTypeInput!) { defineAgencyType(input: $i) { group { definedAgencyTypes { code name statutory } } } }`,
        {
          i: { groupId: demo.groupId, code: 'CAFCASS', name: 'Children and Family Court Advisory and Support Service' },
        },
        tokens.chair,
      );
      expect(defined.data?.defineAgencyType.group.definedAgencyTypes).toEqual([
        { code: 'CAFCASS', name: 'Children and Family Court Advisory and Support Service', statutory: false },
      ]);
      expect((await require()).errors).toBeUndefined();
    });

    it('refuses a scope that is neither PARTNERS nor PARTICIPANTS as a bad request, never a 500', async () => {
      const { status, errors } = await api.graphql(
        REQUIRE,
        { i: { groupId: demo.groupId, code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'EVERYONE' } },
        tokens.chair,
      );
      expect(status).toBeLessThan(500);
      expect(errors?.[0]).toBeDefined();
    });
  });

  describe('delegation and the partnership chair (R17)', () => {
    const DELEGATION = `query($id: ID!, $asAt: String) { regionalGroup(id: $id, asAt: $asAt) {
      delegateMinimumSeniority partnershipChair { name title from } delegationsBelowMinimum { name seniority }
    } }`;

    const NAME = `mutation($i: NameSafeguardingPartnersInput!) { nameSafeguardingPartners(input: $i) {
      group { safeguardingPartners { partnerId name title seniority lead { name title } from belowMinimum } }
    } }`;
    const policeNaming = (input: Record<string, unknown> = {}) => ({
      groupId: demo.groupId,
      partnerId: demo.partnerIds.police,
      leadName: 'Chief Constable, Avon and Somerset Police',
      leadTitle: 'Chief Constable',
      delegateName: 'Victoria Capel',
      delegateTitle: 'Lead for safeguarding',
      delegateSeniority: 'HEAD_OF_SERVICE',
      from: '2019-09-29',
      ...input,
    });

    it("refuses another partner's representative naming the police's (FORBIDDEN), a future day (VALIDATION_FAILED), a day before the police joined (OUT_OF_RANGE)", async () => {
      const police = await tokenOf('victoria-capel');
      const codeOf = async (input: Record<string, unknown>, token: string) =>
        (await api.graphql(NAME, { i: policeNaming(input) }, token)).errors?.[0].extensions?.code;
      expect(await codeOf({}, tokens.representative)).toBe('FORBIDDEN');
      expect(await codeOf({ from: '2026-11-24' }, police)).toBe('VALIDATION_FAILED');
      expect(await codeOf({ from: '2000-01-01' }, police)).toBe('OUT_OF_RANGE');
      expect(await codeOf({ delegateSeniority: 'SERGEANT' }, police)).toBe('VALIDATION_FAILED');
      expect(await codeOf({ partnerId: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54' }, police)).toBe('NOT_FOUND');
    });

    it("records the police's lead and delegate once when retried, by the police's own representative", async () => {
      const police = await tokenOf('victoria-capel');
      const input = policeNaming({ idempotencyKey: 'police-delegate-2019', reason: 'Working Together' });
      const first = await api.graphql(NAME, { i: input }, police);
      expect(first.errors).toBeUndefined();
      const again = await api.graphql(NAME, { i: input }, police);
      expect(again.errors).toBeUndefined();
      expect(again.data?.nameSafeguardingPartners.group.safeguardingPartners).toEqual([
        {
          partnerId: demo.partnerIds.police,
          name: 'Victoria Capel',
          title: 'Lead for safeguarding',
          seniority: 'HEAD_OF_SERVICE',
          lead: { name: 'Chief Constable, Avon and Somerset Police', title: 'Chief Constable' },
          from: '2019-09-29',
          belowMinimum: false,
        },
      ]);
    });

    it('flags the police delegate below a director minimum from its day (the superintendent case), refusing none', async () => {
      const set = await api.graphql(
        `mutation($i: SetDelegateMinimumSeniorityInput!) { setDelegateMinimumSeniority(input: $i) { group { id } } }`,
        { i: { groupId: demo.groupId, seniority: 'DIRECTOR', from: '2026-01-01', reason: 'Wood review' } },
        tokens.chair,
      );
      expect(set.errors).toBeUndefined();
      const now = (await api.graphql(DELEGATION, { id: demo.groupId })).data?.regionalGroup;
      expect(now.delegateMinimumSeniority).toBe('DIRECTOR');
      expect(now.delegationsBelowMinimum).toEqual([{ name: 'Victoria Capel', seniority: 'HEAD_OF_SERVICE' }]);
      const before = (await api.graphql(DELEGATION, { id: demo.groupId, asAt: '2025-12-31' })).data?.regionalGroup;
      expect(before).toMatchObject({ delegateMinimumSeniority: null, delegationsBelowMinimum: [] });
      const beforeNamed = await api.graphql(
        `query($id: ID!) { regionalGroup(id: $id, asAt: "2019-09-28") { safeguardingPartners { name } } }`,
        { id: demo.groupId },
      );
      expect(beforeNamed.data?.regionalGroup.safeguardingPartners).toEqual([]);
    });

    it('records the partnership chair, and refuses a representative who is not the chair (FORBIDDEN)', async () => {
      const record = (token: string) =>
        api.graphql(
          `mutation($i: RecordPartnershipChairInput!) { recordPartnershipChair(input: $i) { group { partnershipChair { name title from } } } }`,
          {
            i: { groupId: demo.groupId, name: 'Jane Doe', title: 'Independent partnership chair', from: '2024-04-01' },
          },
          token,
        );
      expect((await record(tokens.representative)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const { data, errors } = await record(tokens.chair);
      expect(errors).toBeUndefined();
      expect(data?.recordPartnershipChair.group.partnershipChair).toEqual({
        name: 'Jane Doe',
        title: 'Independent partnership chair',
        from: '2024-04-01',
      });
    });
  });

  describe("R3's what-if: coverageIf", () => {
    const IF = `query($g: ID!, $c: CoverageChangeInput!) { coverageIf(groupId: $g, change: $c) { areaName agencyType } }`;
    const ask = (change: Record<string, unknown>, token: string | null = api.adminToken) =>
      api.graphql(IF, { g: demo.groupId, c: change }, token);

    it('answers what the police leaving on 1 January 2027 would do, recording nothing', async () => {
      const { data, errors } = await ask({ kind: 'DEPARTURE', partnerId: demo.partnerIds.police, on: '2027-01-01' });
      expect(errors).toBeUndefined();
      expect(data?.coverageIf).toHaveLength(5);
      expect(new Set(data?.coverageIf.map((gap: { agencyType: string }) => gap.agencyType))).toEqual(
        new Set(['POLICE']),
      );
      const partners = await api.graphql(`query($id: ID!) { regionalGroup(id: $id) { partners { id } } }`, {
        id: demo.groupId,
      });
      expect(partners.data?.regionalGroup.partners.map((p: { id: string }) => p.id)).toContain(demo.partnerIds.police);
    });

    it('answers what a new area covered by the police alone would lack, and from 1 April 2027 education too', async () => {
      const gapsOn = async (on: string) =>
        (
          await ask({ kind: 'NEW_AREA', name: 'New Unitary', coveringPartnerIds: [demo.partnerIds.police], on })
        ).data?.coverageIf.map((gap: { agencyType: string }) => gap.agencyType);
      expect(await gapsOn('2027-03-31')).toEqual(['LOCAL_AUTHORITY', 'HEALTH']);
      expect(await gapsOn(EDUCATION_FROM)).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'EDUCATION']);
    });

    it('refuses a change missing what it needs (VALIDATION_FAILED) and a reader outside the group (FORBIDDEN)', async () => {
      expect(
        (await ask({ kind: 'COVERAGE_CHANGE', partnerId: demo.partnerIds.police, on: '2027-01-01' })).errors?.[0]
          .extensions?.code,
      ).toBe('VALIDATION_FAILED');
      expect(
        (await ask({ kind: 'DEPARTURE', partnerId: demo.partnerIds.police, on: '2027-01-01' }, tokens.stranger))
          .errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
    });
  });

  describe("an area's relevant agencies and participation gaps (L1)", () => {
    const school = { name: 'Cotham School', agencyType: 'EDUCATION', from: '2019-09-01' };

    it('refuses the region recording for an area (FORBIDDEN, R11)', async () => {
      const { errors } = await mutate('recordRelevantAgency', { areaId: bristol, ...school }, api.adminToken as string);
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(
        (await mutate('recordRelevantAgency', { areaId: bristol, ...school }, tokens.chair)).errors?.[0].extensions
          ?.code,
      ).toBe('FORBIDDEN');
    });

    it("refuses another area's business manager (FORBIDDEN)", async () => {
      const { errors } = await mutate('recordRelevantAgency', { areaId: bristol, ...school }, tokens.somerset);
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses an unknown area (NOT_FOUND) and an unknown agency type (VALIDATION_FAILED)', async () => {
      const unknown = await mutate(
        'recordRelevantAgency',
        { areaId: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54', ...school },
        tokens.bristol,
      );
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const badType = await mutate(
        'recordRelevantAgency',
        { areaId: bristol, ...school, agencyType: 'SCHOOLS' },
        tokens.bristol,
      );
      expect(badType.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    });

    it("records the area's school once when retried with the same idempotency key", async () => {
      const input = { areaId: bristol, ...school, idempotencyKey: 'bristol-cotham-2019', reason: 'Annual refresh' };
      const first = await mutate('recordRelevantAgency', input, tokens.bristol);
      expect(first.errors).toBeUndefined();
      const again = await mutate('recordRelevantAgency', input, tokens.bristol);
      expect(again.errors).toBeUndefined();
      expect(again.data?.recordRelevantAgency.relevantAgencies).toEqual([
        {
          id: expect.any(String),
          name: 'Cotham School',
          agencyType: 'EDUCATION',
          from: '2019-09-01',
          to: null,
          current: true,
        },
      ]);
    });

    it('shows the participation gap from the day education is required of participants, only where no agency brings it', async () => {
      const required = await api.graphql(
        REQUIRE,
        { i: { groupId: demo.groupId, code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTICIPANTS' } },
        tokens.chair,
      );
      expect(required.errors).toBeUndefined();
      expect(required.data?.requireAgencyType.coverageGapsCreated).toEqual([]);
      expect((await arrangement(somerset, '2027-03-31')).participationGaps).toEqual([]);
      expect((await arrangement(somerset, EDUCATION_FROM)).participationGaps).toEqual(['EDUCATION']);
      expect((await arrangement(bristol, EDUCATION_FROM)).participationGaps).toEqual([]);
    });

    it('shows the gap again from the day the only school stops taking part', async () => {
      const agencyId = (await arrangement(bristol)).relevantAgencies[0].id as string;
      const ended = await mutate('endRelevantAgency', { areaId: bristol, agencyId, to: '2027-07-01' }, tokens.bristol);
      expect(ended.errors).toBeUndefined();
      expect((await arrangement(bristol, '2027-06-30')).participationGaps).toEqual([]);
      const after = await arrangement(bristol, '2027-07-01');
      expect(after.participationGaps).toEqual(['EDUCATION']);
      expect(after.relevantAgencies[0]).toMatchObject({ to: '2027-07-01', current: false });
    });

    it("records the area's own groups and refuses a link to a workstream the group does not have (NOT_FOUND)", async () => {
      const executive = await mutate(
        'recordLocalGroup',
        { areaId: bristol, name: 'Keeping Bristol Safe Executive', kind: 'GROUP', meetingsPerYear: 2 },
        tokens.bristol,
      );
      expect(executive.errors).toBeUndefined();
      expect(executive.data?.recordLocalGroup.localGroups).toEqual([
        {
          id: expect.any(String),
          name: 'Keeping Bristol Safe Executive',
          kind: 'GROUP',
          meetingsPerYear: 2,
          workstreamIds: [],
        },
      ]);
      const linked = await mutate(
        'recordLocalGroup',
        {
          areaId: bristol,
          name: 'Exploitation working group',
          kind: 'WORKING_GROUP',
          meetingsPerYear: 6,
          workstreamIds: ['0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54'],
        },
        tokens.bristol,
      );
      expect(linked.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe("an area's published arrangements (L4)", () => {
    it('shows implementation overdue 3 months after publishing, due before, done once implemented', async () => {
      const published = await mutate(
        'publishArrangements',
        { areaId: bristol, version: '2026', publishedOn: '2026-07-01', secretaryOfStateNotifiedOn: '2026-07-08' },
        tokens.bristol,
      );
      expect(published.errors).toBeUndefined();
      expect(published.data?.publishArrangements.publishedArrangements).toEqual([
        {
          version: '2026',
          publishedOn: '2026-07-01',
          secretaryOfStateNotifiedOn: '2026-07-08',
          implementedOn: null,
          implementationDueOn: '2026-10-01',
          implementationStatus: 'OVERDUE',
        },
      ]);
      expect((await arrangement(bristol, '2026-10-01')).publishedArrangements[0].implementationStatus).toBe('DUE');
      const implemented = await mutate(
        'recordArrangementsImplemented',
        { areaId: bristol, version: '2026', implementedOn: '2026-11-02' },
        tokens.bristol,
      );
      expect(implemented.data?.recordArrangementsImplemented.publishedArrangements[0]).toMatchObject({
        implementedOn: '2026-11-02',
        implementationStatus: 'DONE',
      });
      expect((await arrangement(bristol, '2026-11-01')).publishedArrangements[0]).toMatchObject({
        implementedOn: null,
        implementationStatus: 'OVERDUE',
      });
    });

    it('records the Secretary of State notified later, and refuses it twice (ALREADY_EXISTS)', async () => {
      await mutate(
        'publishArrangements',
        { areaId: somerset, version: '2026', publishedOn: '2026-10-15' },
        tokens.somerset,
      );
      const notify = () =>
        mutate(
          'recordSecretaryOfStateNotified',
          { areaId: somerset, version: '2026', notifiedOn: '2026-10-20' },
          tokens.somerset,
        );
      const first = await notify();
      expect(first.data?.recordSecretaryOfStateNotified.publishedArrangements[0]).toMatchObject({
        secretaryOfStateNotifiedOn: '2026-10-20',
        implementationStatus: 'DUE',
        implementationDueOn: '2027-01-15',
      });
      expect((await notify()).errors?.[0].extensions?.code).toBe('ALREADY_EXISTS');
    });

    it('refuses a future publication date (VALIDATION_FAILED) and a version never published (NOT_FOUND)', async () => {
      const future = await mutate(
        'publishArrangements',
        { areaId: bristol, version: '2027', publishedOn: '2027-01-01' },
        tokens.bristol,
      );
      expect(future.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      const missing = await mutate(
        'recordArrangementsImplemented',
        { areaId: bristol, version: '1999' },
        tokens.bristol,
      );
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses the region recording publication for an area (FORBIDDEN, R11)', async () => {
      const { errors } = await mutate(
        'publishArrangements',
        { areaId: bristol, version: '2025', publishedOn: '2025-07-01' },
        api.adminToken as string,
      );
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe("an area's independent scrutiny (L6)", () => {
    const SCRUTINY = `scrutineers { id name from to current } scrutinyActivities { examined on }
      scrutinyReports { title publishedOn recommendations { id targetPartnerIds dueDate overdue responses { partnerId response reason respondedOn } } }`;
    const send = (name: string, input: Record<string, unknown>, token: string) =>
      api.graphql(
        `mutation($i: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) { ${SCRUTINY} } }`,
        { i: { areaId: bristol, ...input } },
        token,
      );
    let scrutineerId: string;
    let recommendationId: string;

    it('appoints a scrutineer, records what was examined and publishes a report with a recommendation', async () => {
      expect(
        (
          await send(
            'appointScrutineer',
            { name: 'Independent Scrutineer', from: '2025-04-01' },
            api.adminToken as string,
          )
        ).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
      const appointed = await send(
        'appointScrutineer',
        { name: 'Independent Scrutineer', from: '2025-04-01' },
        tokens.bristol,
      );
      expect(appointed.errors).toBeUndefined();
      scrutineerId = appointed.data?.appointScrutineer.scrutineers[0].id;
      const activity = await send(
        'recordScrutinyActivity',
        { scrutineerId, examined: 'Multi-agency audit of neglect referrals', on: '2026-03-10' },
        tokens.bristol,
      );
      expect(activity.data?.recordScrutinyActivity.scrutinyActivities).toEqual([
        { examined: 'Multi-agency audit of neglect referrals', on: '2026-03-10' },
      ]);
      const report = await send(
        'publishScrutinyReport',
        {
          scrutineerId,
          title: 'Independent scrutiny of the arrangements 2025/26',
          publishedOn: '2026-06-30',
          recommendations: [
            {
              text: 'Publish the multi-agency training offer.',
              targetPartnerIds: [demo.partnerIds.bristol],
              dueDate: '2026-09-30',
            },
          ],
        },
        tokens.bristol,
      );
      expect(report.errors).toBeUndefined();
      const [recommendation] = (report.data as Record<string, any>).publishScrutinyReport.scrutinyReports[0]
        .recommendations;
      recommendationId = recommendation.id;
      expect(recommendation).toMatchObject({ dueDate: '2026-09-30', overdue: true, responses: [] });
    });

    it('refuses a report whose recommendation names no partner of the group (NOT_FOUND)', async () => {
      const { errors } = await send(
        'publishScrutinyReport',
        {
          scrutineerId,
          title: 'Another report',
          publishedOn: '2026-07-30',
          recommendations: [
            { text: 'Something.', targetPartnerIds: ['0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54'], dueDate: '2026-09-30' },
          ],
        },
        tokens.bristol,
      );
      expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it("tracks the target partner's response as R9's, refusing another partner answering for it (FORBIDDEN)", async () => {
      const respond = (token: string, response: string) =>
        send(
          'respondToScrutinyRecommendation',
          { recommendationId, partnerId: demo.partnerIds.bristol, response, respondedOn: '2026-07-15' },
          token,
        );
      expect((await respond(tokens.representative, 'ACCEPTED')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const council = await tokenOf('jacqui-jensen');
      const implemented = await respond(council, 'IMPLEMENTED');
      expect(implemented.errors).toBeUndefined();
      expect(implemented.data?.respondToScrutinyRecommendation.scrutinyReports[0].recommendations[0]).toMatchObject({
        overdue: false,
        responses: [
          { partnerId: demo.partnerIds.bristol, response: 'IMPLEMENTED', reason: null, respondedOn: '2026-07-15' },
        ],
      });
      expect((await respond(council, 'ACCEPTED')).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    });

    it("attaches the area's latest scrutiny report by its publication to the yearly report, none to one published before it (L2, L6)", async () => {
      const submit = (period: string, publishedOn: string, sentOn: string) =>
        api.graphql(
          `mutation($i: SubmitYearlyReportInput!) { submitYearlyReport(input: $i) {
            kind yearlyReport { period } scrutinyReport { title publishedOn recommendations { targetPartnerIds } }
          } }`,
          {
            i: {
              areaId: bristol,
              period,
              publishedOn,
              link: `https://bcp.example/yearly-report-${period}.pdf`,
              sentToNationalPanelOn: sentOn,
              sentToWhatWorksOn: sentOn,
            },
          },
          tokens.bristol,
        );
      const earlier = await submit('2024-25', '2025-09-30', '2025-10-02');
      expect(earlier.errors).toBeUndefined();
      expect(earlier.data?.submitYearlyReport.scrutinyReport).toBeNull();
      const latest = await submit('2025-26', '2026-10-15', '2026-10-20');
      expect(latest.errors).toBeUndefined();
      expect(latest.data?.submitYearlyReport.scrutinyReport).toEqual({
        title: 'Independent scrutiny of the arrangements 2025/26',
        publishedOn: '2026-06-30',
        recommendations: [{ targetPartnerIds: [demo.partnerIds.bristol] }],
      });
    });

    it('appoints a scrutineer for the whole group (chair), once when retried, and refuses a representative and a bad end', async () => {
      const APPOINT = `mutation($i: AppointGroupScrutineerInput!) { appointGroupScrutineer(input: $i) {
        group { scrutineers { name from to current } }
      } }`;
      const appoint = (input: Record<string, unknown>, token: string) =>
        api.graphql(
          APPOINT,
          { i: { groupId: demo.groupId, name: 'Regional Independent Scrutineer', from: '2025-04-01', ...input } },
          token,
        );
      expect((await appoint({}, tokens.representative)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await appoint({ to: '2025-03-01' }, tokens.chair)).errors?.[0].extensions?.code).toBe(
        'VALIDATION_FAILED',
      );
      expect((await appoint({ from: '2000-01-01' }, tokens.chair)).errors?.[0].extensions?.code).toBe('OUT_OF_RANGE');
      const input = { idempotencyKey: 'regional-scrutineer-2025', reason: 'Independent scrutiny of the region' };
      expect((await appoint(input, tokens.chair)).errors).toBeUndefined();
      const again = await appoint(input, tokens.chair);
      expect(again.errors).toBeUndefined();
      expect(again.data?.appointGroupScrutineer.group.scrutineers).toEqual([
        { name: 'Regional Independent Scrutineer', from: '2025-04-01', to: null, current: true },
      ]);
      const before = await api.graphql(
        `query($id: ID!) { regionalGroup(id: $id, asAt: "2025-03-31") { scrutineers { current } } }`,
        { id: demo.groupId },
        tokens.auditor,
      );
      expect(before.data?.regionalGroup.scrutineers).toEqual([{ current: false }]);
    });
  });

  describe('who may read an arrangement (R43)', () => {
    it("lets the area's manager, the group's representatives and auditors read it, and refuses others", async () => {
      for (const token of [tokens.bristol, tokens.representative, tokens.auditor])
        expect((await api.graphql(ARRANGEMENT, { a: bristol }, token)).errors).toBeUndefined();
      for (const token of [tokens.somerset, tokens.stranger])
        expect((await api.graphql(ARRANGEMENT, { a: bristol }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  // Last: the area it adds changes the group every earlier test counts.
  describe('adding an area (R1-R3)', () => {
    const ADD = `mutation($i: AddAreaInput!) { addArea(input: $i) {
      area { id name addedOn } coverageGapsCreated { areaName agencyType } group { areas { name } }
    } }`;
    const AREAS_ON = `query($id: ID!, $asAt: String) { regionalGroup(id: $id, asAt: $asAt) {
      areas { id name addedOn } coverage { area { name } missing }
    } }`;
    const add = (input: Record<string, unknown>, token: string) =>
      api.graphql(ADD, { i: { groupId: demo.groupId, name: 'New Unitary', addedOn: '2026-11-01', ...input } }, token);
    const codeOf = async (request: ReturnType<typeof add>) => (await request).errors?.[0].extensions?.code;

    it('refuses a representative who is not the chair and an area business manager (FORBIDDEN)', async () => {
      const covering = { coveringPartnerIds: [demo.partnerIds.police] };
      expect(await codeOf(add(covering, tokens.representative))).toBe('FORBIDDEN');
      expect(await codeOf(add(covering, tokens.bristol))).toBe('FORBIDDEN');
    });

    it('refuses a day before the group existed (OUT_OF_RANGE), after today (VALIDATION_FAILED), or not a date', async () => {
      const covering = { coveringPartnerIds: [demo.partnerIds.police] };
      expect(await codeOf(add({ ...covering, addedOn: '2000-01-01' }, tokens.chair))).toBe('OUT_OF_RANGE');
      expect(await codeOf(add({ ...covering, addedOn: '2026-11-24' }, tokens.chair))).toBe('VALIDATION_FAILED');
      expect(await codeOf(add({ ...covering, addedOn: '1 November' }, tokens.chair))).toBe('VALIDATION_FAILED');
    });

    it('refuses a covering partner of no such id, a group of no such id (NOT_FOUND) and a name already used (ALREADY_EXISTS)', async () => {
      expect(await codeOf(add({ coveringPartnerIds: ['0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54'] }, tokens.chair))).toBe(
        'NOT_FOUND',
      );
      expect(
        await codeOf(
          api.graphql(
            ADD,
            {
              i: {
                groupId: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e55',
                name: 'New Unitary',
                addedOn: '2026-11-01',
                coveringPartnerIds: [],
              },
            },
            tokens.chair,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(await codeOf(add({ name: 'Bristol', coveringPartnerIds: [] }, tokens.chair))).toBe('ALREADY_EXISTS');
    });

    it('adds an area covered by the police alone, reporting the council and health gaps, once when retried', async () => {
      const input = {
        coveringPartnerIds: [demo.partnerIds.police],
        idempotencyKey: 'add-new-unitary',
        reason: 'Local government reorganisation',
      };
      const first = await add(input, tokens.chair);
      expect(first.errors).toBeUndefined();
      expect(first.data?.addArea.area).toEqual({ id: expect.any(String), name: 'New Unitary', addedOn: '2026-11-01' });
      expect(first.data?.addArea.coverageGapsCreated).toEqual([
        { areaName: 'New Unitary', agencyType: 'LOCAL_AUTHORITY' },
        { areaName: 'New Unitary', agencyType: 'HEALTH' },
      ]);
      const again = await add(input, tokens.chair);
      expect(again.errors).toBeUndefined();
      expect(again.data?.addArea.area.id).toBe(first.data?.addArea.area.id);
      expect(
        again.data?.addArea.group.areas.filter((area: { name: string }) => area.name === 'New Unitary'),
      ).toHaveLength(1);
    });

    it('shows the area, and its gaps, only from the day it joined (asAt)', async () => {
      const seen = async (asAt: string) =>
        (await api.graphql(AREAS_ON, { id: demo.groupId, asAt }, tokens.auditor)).data?.regionalGroup;
      const before = await seen('2026-10-31');
      expect(before.areas.map((area: { name: string }) => area.name)).not.toContain('New Unitary');
      expect(before.coverage).toHaveLength(5);
      const after = await seen('2026-11-01');
      expect(after.areas.find((area: { name: string }) => area.name === 'New Unitary')).toEqual({
        id: expect.any(String),
        name: 'New Unitary',
        addedOn: '2026-11-01',
      });
      expect(after.coverage.find((area: { area: { name: string } }) => area.area.name === 'New Unitary')).toEqual({
        area: { name: 'New Unitary' },
        missing: ['LOCAL_AUTHORITY', 'HEALTH'],
      });
    });
  });
});
