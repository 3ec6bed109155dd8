import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const GROUP = `query($id: ID!) { regionalGroup(id: $id) {
  coverage { area { name } covered missing }
  quorum { percentage representativeCount required }
  chair { name partner { agencyType { code } } }
  deputyChair { name partner { agencyType { code } } }
  partners(includeFormer: true) { id name current agencyType { code } areas { name } succeededBy { name } predecessors { name } }
  representatives { name partner { name } }
  termsOfReference { inForce { version quorumPercentage noticePeriodMonths } versions { version } nextReviewDue reviewStatus }
  funding(financialYear: "2021/22") { partner { name } amountPence unilateral }
} }`;

const CHANGE = `group { id } coverageGapsCreated { areaName agencyType } postsVacated`;

describe('the Avon and Somerset membership over GraphQL', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let tokenOf: (key: string) => Promise<string>;
  const group = async () => (await api.graphql(GROUP, { id: demo.groupId })).data?.regionalGroup;
  const mutate = (
    mutation: string,
    inputType: string,
    input: Record<string, unknown>,
    token: string | null = api.adminToken,
  ) =>
    api.graphql(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${CHANGE} } }`,
      { input: { groupId: demo.groupId, ...input } },
      token,
    );

  beforeAll(async () => {
    // Fixed so 'current', 'overdue' and the quorum never depend on the day the tests run.
    ({ api, demo, tokenOf } = await startDemoApp({ load: [] }));
  });
  afterAll(async () => api.stop());

  it('covers every area with all three statutory agency types (R3)', async () => {
    const { coverage } = await group();
    expect(coverage).toHaveLength(5);
    for (const area of coverage) {
      expect(area.covered).toEqual(['HEALTH', 'LOCAL_AUTHORITY', 'POLICE']);
      expect(area.missing).toEqual([]);
    }
  });

  it('needs 7 of its 10 representatives for a quorum (R7)', async () => {
    expect((await group()).quorum).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
  });

  it('has a chair and deputy of different agency types (R5)', async () => {
    const { chair, deputyChair } = await group();
    expect(chair).toEqual({ name: 'Sheila Smith', partner: { agencyType: { code: 'LOCAL_AUTHORITY' } } });
    expect(deputyChair).toEqual({ name: 'Will White', partner: { agencyType: { code: 'POLICE' } } });
  });

  it('turned the three CCGs into ICBs with coverage unchanged and both names kept (R16)', async () => {
    const { partners, representatives } = await group();
    const byName = (name: string) => partners.find((p: { name: string }) => p.name === name);
    expect(byName('NHS BNSSG CCG')).toMatchObject({
      current: false,
      areas: [],
      succeededBy: { name: 'NHS Bristol, North Somerset and South Gloucestershire ICB' },
    });
    expect(byName('NHS Bristol, North Somerset and South Gloucestershire ICB')).toMatchObject({
      current: true,
      agencyType: { code: 'HEALTH' },
      areas: [{ name: 'Bristol' }, { name: 'North Somerset' }, { name: 'South Gloucestershire' }],
      predecessors: [{ name: 'NHS BNSSG CCG' }],
    });
    expect(partners.filter((p: { current: boolean }) => p.current)).toHaveLength(9);
    expect(representatives.find((r: { name: string }) => r.name === 'Sandra Corry').partner.name).toBe(
      'NHS Somerset ICB',
    );
  });

  it('keeps the terms of reference in force and shows the overdue review (R12)', async () => {
    const { termsOfReference } = await group();
    expect(termsOfReference).toEqual({
      inForce: { version: '1.1', quorumPercentage: 66, noticePeriodMonths: 12 },
      versions: [{ version: '1.0' }, { version: '1.1' }],
      nextReviewDue: '2023-07-01',
      reviewStatus: 'OVERDUE',
    });
  });

  it("flags a partner's own change to its contribution as unilateral until the group agrees it (R15)", async () => {
    const somersetCcg = () =>
      group().then((g) => g.funding.find((f: { partner: { name: string } }) => f.partner.name === 'NHS Somerset CCG'));
    expect(await somersetCcg()).toEqual({
      partner: { name: 'NHS Somerset CCG' },
      amountPence: 1_000_000,
      unilateral: true,
    });
    const { errors } = await mutate(
      'changeFundingContribution',
      'FundingContributionInput',
      { partnerId: demo.partnerIds.bristol, financialYear: '2021/22', amountPence: 1 },
      await tokenOf('sandra-corry'),
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'REPRESENTATIVE of the partner' });

    const police = { partnerId: demo.partnerIds.police, financialYear: '2021/22', amountPence: 1_200_000 };
    const policeContribution = () =>
      group().then((g) =>
        g.funding.find((f: { partner: { name: string } }) => f.partner.name === 'Avon and Somerset Police'),
      );
    await mutate('changeFundingContribution', 'FundingContributionInput', police, await tokenOf('victoria-capel'));
    expect(await policeContribution()).toMatchObject({ amountPence: 1_200_000, unilateral: true });
    const agreed = await mutate('agreeFundingContribution', 'FundingContributionInput', police);
    expect(agreed.errors).toBeUndefined();
    expect(await policeContribution()).toMatchObject({ amountPence: 1_200_000, unilateral: false });
  });

  it.each(['banana', '2020/22'])(
    'refuses funding(financialYear: %p) as the contribution mutations refuse it, by the one rule (R15)',
    async (financialYear) => {
      const { data, errors } = await api.graphql(
        'query($id: ID!, $year: String) { regionalGroup(id: $id) { funding(financialYear: $year) { amountPence } } }',
        { id: demo.groupId, year: financialYear },
      );
      const sentence = `"${financialYear}" is not a financial year; write it like 2020/21.`;
      expect(data?.regionalGroup ?? null).toBeNull();
      expect(errors?.[0]).toMatchObject({ message: sentence, extensions: { code: 'VALIDATION_FAILED' } });
      const agreed = await mutate('agreeFundingContribution', 'FundingContributionInput', {
        partnerId: demo.partnerIds.police,
        financialYear,
        amountPence: 1,
      });
      expect(agreed.errors?.[0]).toMatchObject({ message: sentence, extensions: { code: 'VALIDATION_FAILED' } });
    },
  );

  it('shows the first review of terms 1.0 due in December 2019, as the terms say, and overdue until held (R12)', async () => {
    const review = async (asAt: string) => {
      const { data, errors } = await api.graphql(
        `query($id: ID!, $asAt: String) { regionalGroup(id: $id, asAt: $asAt) {
          termsOfReference { inForce { version firstReviewBy } nextReviewDue reviewStatus } } }`,
        { id: demo.groupId, asAt },
      );
      expect(errors).toBeUndefined();
      return data?.regionalGroup.termsOfReference;
    };
    const first = { inForce: { version: '1.0', firstReviewBy: '2019-12-01' }, nextReviewDue: '2019-12-01' };
    expect(await review('2019-10-31')).toEqual({ ...first, reviewStatus: 'NOT_DUE' });
    expect(await review('2019-11-30')).toEqual({ ...first, reviewStatus: 'DUE' });
    expect(await review('2019-12-09')).toEqual({ ...first, reviewStatus: 'OVERDUE' });
    // Reviewed on 10 December 2019: the next a year on.
    expect(await review('2019-12-10')).toMatchObject({ nextReviewDue: '2020-12-10', reviewStatus: 'NOT_DUE' });
  });

  it.each([
    [
      '2026-11-01',
      /^The first review date \(2026-11-01\) must be after the adoption date and no later than 2027-11-01/,
    ],
    [
      '2027-11-02',
      /^The first review date \(2027-11-02\) must be after the adoption date and no later than 2027-11-01/,
    ],
    ['December 2019', /^firstReviewBy must be/],
  ])('refuses terms whose first review would be on %p, writing nothing (R12)', async (firstReviewBy, sentence) => {
    const before = await api.store.lastPosition();
    const { errors } = await mutate('adoptTermsOfReference', 'AdoptTermsOfReferenceInput', {
      version: '9.9',
      summary: 'A version with its first review out of range.',
      adoptedOn: '2026-11-01',
      firstReviewBy,
    });
    expect(errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(sentence);
    expect(await api.store.lastPosition()).toBe(before);
  });

  describe('coverage gaps (R3)', () => {
    const allAreas = () => Object.values(demo.areaIds);
    const withoutSomerset = () => allAreas().filter((id) => id !== demo.areaIds.Somerset);

    it('refuses to take the police out of Somerset, naming the gap, and writes nothing', async () => {
      const before = await api.store.lastPosition();
      const { errors } = await mutate('changePartnerCoverage', 'ChangePartnerCoverageInput', {
        partnerId: demo.partnerIds.police,
        areaIds: withoutSomerset(),
      });
      expect(errors?.[0].extensions?.code).toBe('COVERAGE_GAP');
      expect(errors?.[0].message).toMatch(/Somerset would have no police partner/);
      expect(errors?.[0].extensions?.gaps).toEqual([
        { areaId: demo.areaIds.Somerset, areaName: 'Somerset', agencyType: 'POLICE' },
      ]);
      expect(await api.store.lastPosition()).toBe(before);
    });

    it('records the change when the gap is accepted, and reports it', async () => {
      const { data } = await mutate('changePartnerCoverage', 'ChangePartnerCoverageInput', {
        partnerId: demo.partnerIds.police,
        areaIds: withoutSomerset(),
        acceptCoverageGap: true,
      });
      expect(data?.changePartnerCoverage.coverageGapsCreated).toEqual([{ areaName: 'Somerset', agencyType: 'POLICE' }]);
      const somerset = (await group()).coverage.find((c: { area: { name: string } }) => c.area.name === 'Somerset');
      expect(somerset.missing).toEqual(['POLICE']);
      await mutate('changePartnerCoverage', 'ChangePartnerCoverageInput', {
        partnerId: demo.partnerIds.police,
        areaIds: allAreas(),
      });
    });
  });

  describe('chair and deputy (R5)', () => {
    it('refuses a deputy of the same agency type as the chair', async () => {
      const { errors } = await mutate('appointDeputyChair', 'AppointChairInput', {
        appointmentId: demo.appointmentIds['jacqui-jensen'],
      });
      expect(errors?.[0].extensions?.code).toBe('SAME_AGENCY_TYPE');
    });

    it('refuses a rotation that would pair two police representatives', async () => {
      const { errors } = await mutate('rotateChair', 'RotateChairInput', {
        newDeputyAppointmentId: demo.appointmentIds['victoria-capel'],
      });
      expect(errors?.[0].extensions?.code).toBe('SAME_AGENCY_TYPE');
    });

    it('rotates: the deputy becomes chair and the new deputy is of another type', async () => {
      const { errors } = await mutate('rotateChair', 'RotateChairInput', {
        newDeputyAppointmentId: demo.appointmentIds['jacqui-jensen'],
      });
      expect(errors).toBeUndefined();
      const { chair, deputyChair } = await group();
      expect([chair.name, deputyChair.name]).toEqual(['Will White', 'Jacqui Jensen']);
    });

    it("leaves the post vacant, and says so, when the chair's appointment ends; the quorum follows", async () => {
      const { data } = await mutate('endRepresentativeAppointment', 'EndRepresentativeAppointmentInput', {
        appointmentId: demo.appointmentIds['will-white'],
        endDate: '2026-11-23',
        reason: 'Moved to another force',
      });
      expect(data?.endRepresentativeAppointment.postsVacated).toEqual(['CHAIR']);
      const after = await group();
      expect(after.chair).toBeNull();
      expect(after.quorum).toEqual({ percentage: 66, representativeCount: 9, required: 6 });
    });
  });

  describe('who may do what (R41)', () => {
    it('refuses a representative who is not the chair, naming the role needed', async () => {
      const { errors } = await mutate(
        'admitCorePartner',
        'AdmitCorePartnerInput',
        {
          name: 'Avon Schools Trust',
          agencyType: 'EDUCATION',
          areaIds: [demo.areaIds.Bristol],
          admittedOn: '2026-01-01',
        },
        await tokenOf('julian-wooster'),
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'ADMINISTRATOR or CHAIR' });
    });

    it('tells a representative who is not the chair that, not what is wrong with their input', async () => {
      const input = { name: '   ', agencyType: 'EDUCATION', areaIds: [], admittedOn: '2026-02-30' };
      const notChair = await mutate(
        'admitCorePartner',
        'AdmitCorePartnerInput',
        input,
        await tokenOf('julian-wooster'),
      );
      expect(notChair.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        requiredRole: 'ADMINISTRATOR or CHAIR',
      });
      // An administrator, who may, is told what to correct.
      const administrator = await mutate('admitCorePartner', 'AdmitCorePartnerInput', input);
      expect(administrator.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    });

    it('refuses role grants by anyone but an administrator', async () => {
      const { errors } = await api.graphql(
        'mutation($input: RoleInput!) { grantRole(input: $input) { personId } }',
        { input: { personId: demo.personIds['julian-wooster'], role: 'AUDITOR' } },
        await tokenOf('bristol-business-manager'),
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'ADMINISTRATOR' });
    });

    it('shows an area business manager their role and area', async () => {
      const { data } = await api.graphql(
        '{ me { name roles { role areaId } } }',
        {},
        await tokenOf('bristol-business-manager'),
      );
      expect(data?.me.roles).toEqual([{ role: 'AREA_BUSINESS_MANAGER', areaId: demo.areaIds.Bristol }]);
    });

    it('registers people once per e-mail address, and refuses a malformed one', async () => {
      const register = (email: string) =>
        api.graphql('mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { personId } }', {
          input: { name: 'Someone New', email },
        });
      expect((await register('sheila.smith@asssp.example')).errors?.[0].extensions?.code).toBe('ALREADY_EXISTS');
      expect((await register('not-an-address')).errors?.[0]).toMatchObject({
        extensions: { code: 'VALIDATION_FAILED' },
        message: expect.stringMatching(/e-mail/),
      });
    });

    it('takes a role away again', async () => {
      const { data } = await api.graphql(
        'mutation($input: RoleInput!) { revokeRole(input: $input) { roles { role } } }',
        { input: { personId: demo.personIds.auditor, role: 'AUDITOR' } },
      );
      expect(data?.revokeRole.roles).toEqual([]);
      const { errors } = await api.graphql('mutation($input: RoleInput!) { revokeRole(input: $input) { personId } }', {
        input: { personId: demo.personIds.auditor, role: 'AUDITOR' },
      });
      expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses a person who already represents another partner', async () => {
      const { errors } = await mutate('appointRepresentative', 'AppointRepresentativeInput', {
        personId: demo.personIds['julian-wooster'],
        partnerId: demo.partnerIds.bristol,
        title: 'Director',
        role: 'MEMBER',
        seniority: 'DIRECTOR',
        startDate: '2026-01-01',
      });
      expect(errors?.[0].extensions?.code).toBe('ALREADY_REPRESENTING');
    });

    it('records the acting partner and group roles of whoever sends a change (A1)', async () => {
      const events = await api.store.readStream(`regional-group-${demo.groupId}`);
      const agreed = events.find((e) => e.type === 'FundingContributionAgreed');
      expect(agreed?.metadata.actor).toEqual({
        personId: demo.personIds['sheila-smith'],
        partnerId: demo.partnerIds['north-somerset'],
        roles: ['CHAIR', 'REPRESENTATIVE'],
      });
    });
  });
});
