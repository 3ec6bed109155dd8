import { HistoryQueries } from '@app/read-models';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const REVIEW =
  'id areaId reference stage restricted overdue decision decisionReason link panelNotification { dueOn doneOn status } rapidReview { dueOn doneOn status } publication { dueOn doneOn status }';
const ITEM =
  'id kind areaId title restricted dueOn receivedOn status acknowledgedAt detail resolvedOn yearlyReport { period dispatch { dueOn doneOn status } } figures { measureName period count } responses { kind text on }';

/** L2, L5 over GraphQL: every mutation and query, who may record and read, and each refusal. */
describe('practice reviews and reports up (L2, L5)', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let bristol: string;
  let somerset: string;
  const token: Record<string, string> = {};
  const call = async (mutation: string, input: Record<string, unknown>, as: string, select: string) =>
    api.graphql(
      `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { ${select} } }`,
      { input },
      token[as],
    );
  const codeOf = (response: Awaited<ReturnType<TestApp['graphql']>>) => response.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    // After the Christmas and New Year of the required example, so its deadlines have passed.
    const app = await startDemoApp({ clockNow: '2027-03-01T10:00:00.000Z', load: [] });
    ({ api, demo } = app);
    bristol = demo.areaIds.Bristol;
    somerset = demo.areaIds.Somerset;
    token.admin = api.adminToken as string;
    token.chair = await app.tokenOf('sheila-smith');
    token.bristolCouncil = await app.tokenOf('jacqui-jensen');
    token.bristolManager = await app.tokenOf('bristol-business-manager');
    token.auditor = await app.tokenOf('auditor');
    token.somersetManager = await app.businessManager('Somerset', 'Somerset business manager');
    token.northSomersetManager = await app.businessManager('North Somerset', 'North Somerset business manager');
  });
  afterAll(async () => api.stop());

  describe('a practice review (L5)', () => {
    let reviewId: string;
    let lateReviewId: string;
    const incident = () => ({
      areaId: bristol,
      reference: 'BRS-2026-07',
      awareOn: '2026-12-18',
      notifiedOn: '2026-12-18',
    });

    it('refuses the region, another area’s business manager, an administrator and an unknown area', async () => {
      expect(codeOf(await call('notifySeriousIncident', incident(), 'chair', 'id'))).toBe('FORBIDDEN');
      expect(codeOf(await call('notifySeriousIncident', incident(), 'somersetManager', 'id'))).toBe('FORBIDDEN');
      expect(codeOf(await call('notifySeriousIncident', incident(), 'admin', 'id'))).toBe('FORBIDDEN');
      const unknown = { ...incident(), areaId: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54' };
      expect(codeOf(await call('notifySeriousIncident', unknown, 'bristolManager', 'id'))).toBe('NOT_FOUND');
      const badDate = { ...incident(), awareOn: '18/12/2026' };
      expect(codeOf(await call('notifySeriousIncident', badDate, 'bristolManager', 'id'))).toBe('VALIDATION_FAILED');
      const beforeTheArea = { ...incident(), awareOn: '1800-01-01', notifiedOn: null };
      expect(codeOf(await call('notifySeriousIncident', beforeTheArea, 'bristolManager', 'id'))).toBe('OUT_OF_RANGE');
      const named = { ...incident(), reference: 'Leo Carter' };
      expect(codeOf(await call('notifySeriousIncident', named, 'bristolManager', 'id'))).toBe('VALIDATION_FAILED');
    });

    it('known and notified on 18 December 2026: notification due 29 December, met; rapid review due 13 January 2027, missed as at 1 March', async () => {
      const response = await call('notifySeriousIncident', incident(), 'bristolManager', REVIEW);
      expect(response.errors).toBeUndefined();
      const review = response.data?.notifySeriousIncident;
      reviewId = review.id;
      expect(review).toMatchObject({
        reference: 'BRS-2026-07',
        stage: 'AWAITING_DECISION',
        restricted: true,
        overdue: true,
        panelNotification: { dueOn: '2026-12-29', doneOn: '2026-12-18', status: 'MET' },
        rapidReview: { dueOn: '2027-01-13', doneOn: null, status: 'MISSED' },
        publication: null,
      });
    });

    it('records the rapid review decision once, by a statutory partner’s representative, retried with its key', async () => {
      const input = {
        areaId: bristol,
        reviewId,
        decision: 'LCSPR',
        decisionReason: 'Learning about multi-agency information sharing.',
        decidedOn: '2027-01-13',
        idempotencyKey: 'rapid-review-brs-2026-07',
      };
      const named = { ...input, decisionReason: 'The child named Leo Carter was known to services.' };
      expect(codeOf(await call('recordRapidReviewDecision', named, 'bristolCouncil', 'id'))).toBe('IDENTIFYING_DATA');
      expect(codeOf(await call('recordRapidReviewDecision', input, 'chair', 'id'))).toBe('FORBIDDEN');
      const first = await call('recordRapidReviewDecision', input, 'bristolCouncil', REVIEW);
      const again = await call('recordRapidReviewDecision', input, 'bristolCouncil', REVIEW);
      expect(first.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(first.data?.recordRapidReviewDecision).toMatchObject({
        stage: 'IN_REVIEW',
        decision: 'LCSPR',
        overdue: false,
        rapidReview: { dueOn: '2027-01-13', doneOn: '2027-01-13', status: 'MET' },
        publication: { dueOn: '2027-07-13', doneOn: null, status: 'DUE' },
      });
      const withoutKey = { ...input, idempotencyKey: undefined };
      expect(codeOf(await call('recordRapidReviewDecision', withoutKey, 'bristolCouncil', 'id'))).toBe(
        'ALREADY_EXISTS',
      );
    });

    it('publishes the local review, and refuses a second publication', async () => {
      const input = {
        areaId: bristol,
        reviewId,
        link: 'https://bcp.example/lcspr-brs-2026-07.pdf',
        publishedOn: '2027-02-26',
      };
      const published = await call('publishLocalReview', input, 'bristolManager', REVIEW);
      expect(published.data?.publishLocalReview).toMatchObject({
        stage: 'CLOSED',
        link: input.link,
        publication: { dueOn: '2027-07-13', doneOn: '2027-02-26', status: 'MET' },
      });
      expect(codeOf(await call('publishLocalReview', input, 'bristolManager', 'id'))).toBe('ALREADY_EXISTS');
    });

    it('a later notification sets the rapid review’s deadline; a decision before it is refused', async () => {
      const late = await call(
        'notifySeriousIncident',
        { areaId: bristol, reference: 'BRS-2026-08', awareOn: '2026-12-18' },
        'bristolCouncil',
        REVIEW,
      );
      const id = late.data?.notifySeriousIncident.id;
      lateReviewId = id;
      expect(late.data?.notifySeriousIncident).toMatchObject({
        stage: 'AWAITING_NOTIFICATION',
        panelNotification: { dueOn: '2026-12-29', doneOn: null, status: 'MISSED' },
        rapidReview: null,
      });
      const decide = { areaId: bristol, reviewId: id, decision: 'NO_REVIEW', decisionReason: 'Criteria not met.' };
      expect(codeOf(await call('recordRapidReviewDecision', decide, 'bristolManager', 'id'))).toBe('CONFLICT');
      const notified = await call(
        'recordPanelNotification',
        { areaId: bristol, reviewId: id, notifiedOn: '2026-12-30' },
        'bristolManager',
        REVIEW,
      );
      expect(notified.data?.recordPanelNotification).toMatchObject({
        panelNotification: { dueOn: '2026-12-29', doneOn: '2026-12-30', status: 'MISSED' },
        rapidReview: { dueOn: '2027-01-21', status: 'MISSED' },
      });
      const other = { areaId: somerset, reviewId: id, notifiedOn: '2026-12-30' };
      expect(codeOf(await call('recordPanelNotification', other, 'somersetManager', 'id'))).toBe('NOT_FOUND');
    });

    it('a restricted review’s later date, decision and link: whole to auditors, withheld from administrators (R43), recorded restricted as the review (R42)', async () => {
      type Row = { type: string; withheld: boolean; data: string };
      const history = async (entityId: string, as: string): Promise<Row[]> =>
        (
          await api.graphql(
            'query($e: ID!) { history(filter: { entityId: $e }) { edges { node { type withheld data } } } }',
            { e: entityId },
            token[as],
          )
        ).data?.history.edges.map((e: { node: Row }) => e.node);
      const types = ['SeriousIncidentNotified', 'RapidReviewDecisionRecorded', 'LocalReviewPublished'];
      const whole = await history(reviewId, 'auditor');
      expect(whole.map(({ type, withheld }) => ({ type, withheld }))).toEqual(
        types.map((type) => ({ type, withheld: false })),
      );
      expect(JSON.parse(whole[2].data).link).toBe('https://bcp.example/lcspr-brs-2026-07.pdf');
      expect(await history(reviewId, 'admin')).toEqual(types.map((type) => ({ type, withheld: true, data: '{}' })));
      const lateTypes = ['SeriousIncidentNotified', 'PanelNotificationRecorded'];
      expect((await history(lateReviewId, 'auditor')).map(({ type, withheld }) => ({ type, withheld }))).toEqual(
        lateTypes.map((type) => ({ type, withheld: false })),
      );
      expect(await history(lateReviewId, 'admin')).toEqual(
        lateTypes.map((type) => ({ type, withheld: true, data: '{}' })),
      );
      // For an area's own item R42 and R43 name the same readers (auditors, the group's members, the
      // area's business managers), and only auditors and administrators read the history, so no reader
      // of a review's or its follow-ups' history tells them apart: an administrator is withheld by
      // either. The rows show that the follow-ups carry the review's restriction themselves; the
      // restricted communication below is where R42 alone withholds.
      const restrictions = [reviewId, lateReviewId].flatMap(
        (entityId) =>
          api.app
            .get(HistoryQueries)
            .page({ entityId }, 20, null)
            ?.items.map(({ node }) => [node.type, node.restrictedGroupId, node.restrictedAreaIds]) ?? [],
      );
      expect(restrictions).toEqual(
        [...types, ...lateTypes].map((type) => [type, demo.groupId, JSON.stringify([bristol])]),
      );
      // What the group itself sends the area is its own business, which R43 lets an administrator read:
      // marked restricted, R42 alone withholds it from them.
      const issued = await call(
        'issueRegionalCommunication',
        {
          groupId: demo.groupId,
          title: 'Rapid review learning for Bristol',
          body: 'The learning from BRS-2026-07, for the partners in Bristol only.',
          areaIds: [bristol],
          cascadeBy: '2027-03-15',
          restricted: true,
        },
        'chair',
        'id',
      );
      const communicationId = issued.data?.issueRegionalCommunication.id as string;
      expect(await history(communicationId, 'admin')).toEqual([
        { type: 'CommunicationIssued', withheld: true, data: '{}' },
      ]);
      const [seen] = await history(communicationId, 'auditor');
      expect({ withheld: seen.withheld, title: JSON.parse(seen.data).title }).toEqual({
        withheld: false,
        title: 'Rapid review learning for Bristol',
      });
    });

    it('practiceReviews: the group’s members and auditors see every area’s, a business manager only their own area’s, an administrator none', async () => {
      const query = `query($g: ID!, $s: PracticeReviewStage, $o: Boolean) { practiceReviews(groupId: $g, status: $s, overdueOnly: $o) { reference stage } }`;
      const ask = (as: string, variables: Record<string, unknown> = {}) =>
        api.graphql(query, { g: demo.groupId, ...variables }, token[as]);
      expect((await ask('chair')).data?.practiceReviews.map((r: { reference: string }) => r.reference)).toEqual([
        'BRS-2026-07',
        'BRS-2026-08',
      ]);
      expect((await ask('auditor', { o: true })).data?.practiceReviews).toEqual([
        { reference: 'BRS-2026-08', stage: 'AWAITING_DECISION' },
      ]);
      expect((await ask('bristolManager', { s: 'CLOSED' })).data?.practiceReviews).toEqual([
        { reference: 'BRS-2026-07', stage: 'CLOSED' },
      ]);
      expect((await ask('somersetManager')).data?.practiceReviews).toEqual([]);
      // An administrator reads the group but no area's reports: none, as the group's inbox answers them.
      expect((await ask('admin')).data?.practiceReviews).toEqual([]);
      token.nobody = await api.registerPersonWithoutRoles('Someone Unconnected');
      expect(codeOf(await ask('nobody'))).toBe('FORBIDDEN');
    });
  });

  describe('reports up and the region’s inbox (L2)', () => {
    let measureId: string;
    let escalationId: string;
    let lateReportId: string;
    const inbox = async (as: string, args = '') =>
      (
        await api.graphql(
          `query($g: ID!) { regionalGroup(id: $g) { inbox(first: 100${args}) { totalCount edges { node { ${ITEM} } } } } }`,
          { g: demo.groupId },
          token[as],
        )
      ).data?.regionalGroup?.inbox;

    it("the group's chair keeps its list of measures; an area's business manager cannot", async () => {
      const input = { groupId: demo.groupId, name: 'Rapid reviews held' };
      expect(codeOf(await call('defineMeasure', input, 'bristolManager', 'id'))).toBe('FORBIDDEN');
      const defined = await call('defineMeasure', input, 'chair', 'id name');
      measureId = defined.data?.defineMeasure.id;
      expect(defined.data?.defineMeasure.name).toBe('Rapid reviews held');
      expect(codeOf(await call('defineMeasure', input, 'chair', 'id'))).toBe('ALREADY_EXISTS');
      const measures = await api.graphql(
        'query($a: ID!) { performanceMeasures(areaId: $a) { id name } }',
        { a: bristol },
        token.bristolManager,
      );
      expect(measures.data?.performanceMeasures).toEqual([{ id: measureId, name: 'Rapid reviews held' }]);
    });

    it('yearly reports: the second published more than 12 months after the first is late; sent before publication is refused', async () => {
      const report = (period: string, publishedOn: string, sentOn: string) => ({
        areaId: bristol,
        period,
        publishedOn,
        link: `https://bcp.example/yearly-report-${period}.pdf`,
        sentToNationalPanelOn: sentOn,
        sentToWhatWorksOn: sentOn,
      });
      expect(
        codeOf(await call('submitYearlyReport', report('2024-25', '2025-09-30', '2025-10-02'), 'chair', 'id')),
      ).toBe('FORBIDDEN');
      const first = await call(
        'submitYearlyReport',
        report('2024-25', '2025-09-30', '2025-10-02'),
        'bristolManager',
        ITEM,
      );
      expect(first.data?.submitYearlyReport).toMatchObject({
        kind: 'YEARLY_REPORT',
        status: 'RECEIVED',
        dueOn: null,
        yearlyReport: { period: '2024-25', dispatch: { dueOn: '2025-10-07', doneOn: '2025-10-02', status: 'MET' } },
      });
      const early = report('2025-26', '2026-10-15', '2026-10-14');
      expect(codeOf(await call('submitYearlyReport', early, 'bristolManager', 'id'))).toBe('OUT_OF_RANGE');
      const late = await call(
        'submitYearlyReport',
        report('2025-26', '2026-10-15', '2026-10-29'),
        'bristolManager',
        ITEM,
      );
      lateReportId = late.data?.submitYearlyReport.id;
      expect(late.data?.submitYearlyReport).toMatchObject({
        status: 'LATE',
        dueOn: '2026-09-30',
        receivedOn: '2026-10-15',
        yearlyReport: { dispatch: { dueOn: '2026-10-22', doneOn: '2026-10-29', status: 'MISSED' } },
      });
    });

    it("yearlyReportsDue: each area's next report, due 12 months after its last, late once that has passed", async () => {
      await call(
        'submitYearlyReport',
        {
          areaId: somerset,
          period: '2024-25',
          publishedOn: '2025-09-30',
          link: 'https://somerset.example/yearly-report-2024-25.pdf',
          sentToNationalPanelOn: '2025-10-01',
          sentToWhatWorksOn: '2025-10-01',
        },
        'somersetManager',
        'id',
      );
      const due = async (as: string) =>
        (
          await api.graphql(
            'query($g: ID!) { regionalGroup(id: $g) { yearlyReportsDue { areaId lastPublishedOn dueOn status } } }',
            { g: demo.groupId },
            token[as],
          )
        ).data?.regionalGroup.yearlyReportsDue;
      const all = await due('chair');
      expect(all.find((d: { areaId: string }) => d.areaId === bristol)).toEqual({
        areaId: bristol,
        lastPublishedOn: '2026-10-15',
        dueOn: '2027-10-15',
        status: 'DUE',
      });
      expect(all.find((d: { areaId: string }) => d.areaId === somerset)).toEqual({
        areaId: somerset,
        lastPublishedOn: '2025-09-30',
        dueOn: '2026-09-30',
        status: 'LATE',
      });
      expect(all.filter((d: { lastPublishedOn: string | null }) => d.lastPublishedOn === null)).toHaveLength(3);
      expect(await due('admin')).toEqual([]);
    });

    it('performance figures for a measure the group keeps, counts only', async () => {
      const input = () => ({ areaId: bristol, measureId, period: '2026-Q4', count: 4 });
      const sent = await call('submitPerformanceFigures', input(), 'bristolManager', ITEM);
      expect(sent.data?.submitPerformanceFigures).toMatchObject({
        kind: 'PERFORMANCE_FIGURES',
        dueOn: '2027-01-31',
        receivedOn: '2027-03-01',
        status: 'LATE',
        figures: { measureName: 'Rapid reviews held', period: '2026-Q4', count: 4 },
      });
      expect(codeOf(await call('submitPerformanceFigures', input(), 'bristolManager', 'id'))).toBe('ALREADY_EXISTS');
      const unknown = { ...input(), measureId: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54' };
      expect(codeOf(await call('submitPerformanceFigures', unknown, 'bristolManager', 'id'))).toBe('NOT_FOUND');
      const negative = { ...input(), period: '2027-Q1', count: -1 };
      expect(codeOf(await call('submitPerformanceFigures', negative, 'bristolManager', 'id'))).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        codeOf(await call('submitPerformanceFigures', { ...input(), areaId: somerset }, 'bristolManager', 'id')),
      ).toBe('FORBIDDEN');
    });

    it('performance figures sent on a day not yet come, before their quarter began or not a date: refused, nothing recorded', async () => {
      const sentOn = (submittedOn: string) => ({
        areaId: bristol,
        measureId,
        period: '2026-Q3',
        count: 3,
        submittedOn,
      });
      const refusal = async (submittedOn: string) =>
        (await call('submitPerformanceFigures', sentOn(submittedOn), 'bristolManager', 'id')).errors?.[0];
      expect(await refusal('2027-03-02')).toMatchObject({
        message: 'The day the figures were sent (2027-03-02) is in the future; record it once it has happened.',
        extensions: { code: 'VALIDATION_FAILED' },
      });
      expect(await refusal('2026-06-30')).toMatchObject({
        message: 'The day the figures were sent (2026-06-30) is before the start of 2026-Q3 (2026-07-01).',
        extensions: { code: 'OUT_OF_RANGE' },
      });
      expect((await refusal('20 October 2026'))?.extensions?.code).toBe('VALIDATION_FAILED');
      expect((await inbox('chair', ', kind: PERFORMANCE_FIGURES')).totalCount).toBe(1);
    });

    it('a restricted escalation: the region responds and resolves it in its own stream; the area cannot answer for it', async () => {
      const raised = await call(
        'raiseEscalation',
        {
          areaId: bristol,
          title: 'Out-of-hours paediatric cover',
          detail: 'No designated doctor at weekends since January.',
          restricted: true,
          raisedOn: '2027-02-10',
        },
        'bristolManager',
        ITEM,
      );
      escalationId = raised.data?.raiseEscalation.id;
      expect(raised.data?.raiseEscalation).toMatchObject({ kind: 'ESCALATION', restricted: true, status: 'RECEIVED' });
      const respond = {
        groupId: demo.groupId,
        itemId: escalationId,
        response: 'Raised with the ICB’s medical director.',
        respondedOn: '2027-02-12',
      };
      expect(codeOf(await call('respondToEscalation', respond, 'bristolManager', 'id'))).toBe('FORBIDDEN');
      expect(codeOf(await call('respondToEscalation', { ...respond, respondedOn: '2027-02-09' }, 'chair', 'id'))).toBe(
        'OUT_OF_RANGE',
      );
      expect(codeOf(await call('respondToEscalation', { ...respond, itemId: lateReportId }, 'chair', 'id'))).toBe(
        'NOT_FOUND',
      );
      await call('respondToEscalation', respond, 'chair', 'id');
      const resolved = await call(
        'resolveEscalation',
        { groupId: demo.groupId, itemId: escalationId, resolution: 'A weekend rota agreed.', resolvedOn: '2027-02-20' },
        'chair',
        ITEM,
      );
      expect(resolved.data?.resolveEscalation).toMatchObject({
        resolvedOn: '2027-02-20',
        responses: [
          { kind: 'RESPONSE', text: 'Raised with the ICB’s medical director.', on: '2027-02-12' },
          { kind: 'RESOLUTION', text: 'A weekend rota agreed.', on: '2027-02-20' },
        ],
      });
      expect(codeOf(await call('respondToEscalation', respond, 'chair', 'id'))).toBe('CONFLICT');
      const history = async (as: string) =>
        (
          await api.graphql(
            'query($e: ID!) { history(filter: { entityId: $e }) { edges { node { type withheld } } } }',
            { e: escalationId },
            token[as],
          )
        ).data?.history.edges.map((e: { node: { type: string; withheld: boolean } }) => e.node);
      // The region's response and resolution say what the escalation was about: restricted as it was.
      const types = ['EscalationRaised', 'EscalationResponded', 'EscalationResolved'];
      expect(await history('auditor')).toEqual(
        expect.arrayContaining(types.map((type) => ({ type, withheld: false }))),
      );
      expect(await history('admin')).toEqual(expect.arrayContaining(types.map((type) => ({ type, withheld: true }))));
    });

    it('a local decision shared; the region acknowledges items once, an area never', async () => {
      const shared = await call(
        'shareLocalDecision',
        {
          areaId: bristol,
          title: 'Neglect strategy',
          decision: 'Adopted the neglect strategy for 2027-2029.',
          decidedOn: '2027-02-01',
        },
        'bristolManager',
        ITEM,
      );
      const itemId = shared.data?.shareLocalDecision.id;
      const input = { groupId: demo.groupId, itemId };
      expect(codeOf(await call('acknowledgeInboxItem', input, 'bristolManager', 'id'))).toBe('FORBIDDEN');
      const acknowledged = await call('acknowledgeInboxItem', input, 'chair', ITEM);
      expect(acknowledged.data?.acknowledgeInboxItem.acknowledgedAt).toMatch(/^2027-03-01T/);
      expect(codeOf(await call('acknowledgeInboxItem', input, 'chair', 'id'))).toBe('ALREADY_EXISTS');
      const unknown = { groupId: demo.groupId, itemId: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54' };
      expect(codeOf(await call('acknowledgeInboxItem', unknown, 'chair', 'id'))).toBe('NOT_FOUND');
    });

    it('an escalation raised or a decision taken before the area joined its group (1800-01-01): refused, nothing recorded', async () => {
      const escalations = (await inbox('chair', ', kind: ESCALATION')).totalCount;
      const decisions = (await inbox('chair', ', kind: LOCAL_DECISION')).totalCount;
      const escalation = {
        areaId: bristol,
        title: 'Cover',
        detail: 'Weekends.',
        restricted: false,
        raisedOn: '1800-01-01',
      };
      expect((await call('raiseEscalation', escalation, 'bristolManager', 'id')).errors?.[0]).toMatchObject({
        message: 'The day it was raised (1800-01-01) is before the area joined its group (2019-06-01).',
        extensions: { code: 'OUT_OF_RANGE', earliest: '2019-06-01' },
      });
      const decision = { areaId: bristol, title: 'Neglect', decision: 'Adopted.', decidedOn: '1800-01-01' };
      expect((await call('shareLocalDecision', decision, 'bristolManager', 'id')).errors?.[0]).toMatchObject({
        message: 'The day of the decision (1800-01-01) is before the area joined its group (2019-06-01).',
        extensions: { code: 'OUT_OF_RANGE', earliest: '2019-06-01' },
      });
      expect((await inbox('chair', ', kind: ESCALATION')).totalCount).toBe(escalations);
      expect((await inbox('chair', ', kind: LOCAL_DECISION')).totalCount).toBe(decisions);
    });

    it('inbox(kind, status, areaId): every item an area sent, filtered; none of the areas’ business for an administrator', async () => {
      const all = await inbox('chair');
      expect(all.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual([
        'PRACTICE_REVIEW_DECISION',
        'YEARLY_REPORT',
        'YEARLY_REPORT',
        'YEARLY_REPORT',
        'PERFORMANCE_FIGURES',
        'ESCALATION',
        'LOCAL_DECISION',
      ]);
      expect((await inbox('auditor', ', status: LATE')).totalCount).toBe(2);
      expect(await inbox('somersetManager')).toBeUndefined();
      expect((await inbox('chair', ', kind: YEARLY_REPORT, status: RECEIVED')).totalCount).toBe(2);
      expect((await inbox('chair', ', acknowledged: true')).totalCount).toBe(1);
      expect((await inbox('chair', `, areaId: "${somerset}"`)).totalCount).toBe(1);
      // An area the group does not have is refused, naming the argument, rather than answered with nothing.
      const unknownArea = await api.graphql(
        'query($g: ID!, $a: ID) { regionalGroup(id: $g) { inbox(areaId: $a) { totalCount } } }',
        { g: demo.groupId, a: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54' },
        token.chair,
      );
      expect(unknownArea.errors?.[0]).toMatchObject({
        message: 'The group has no area with id 0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54.',
        extensions: { code: 'NOT_FOUND', field: 'areaId' },
      });
      // What was sent is never still due: asking for it is refused, not answered with an empty list.
      const due = await api.graphql(
        'query($g: ID!) { regionalGroup(id: $g) { inbox(status: DUE) { totalCount } } }',
        { g: demo.groupId },
        token.chair,
      );
      expect(due.errors?.[0]).toMatchObject({
        message: 'Nothing an area has sent is still due: ask for LATE or RECEIVED.',
        extensions: { code: 'VALIDATION_FAILED', field: 'status' },
      });
      expect((await inbox('admin')).totalCount).toBe(0);
      // What a page asks to say why an empty inbox is empty: whose reports the reader may read.
      const readable = async (as: string) =>
        (
          await api.graphql(
            'query($g: ID!) { regionalGroup(id: $g) { readableAreaIds } }',
            { g: demo.groupId },
            token[as],
          )
        ).data?.regionalGroup.readableAreaIds;
      expect(await readable('admin')).toEqual([]);
      expect([...(await readable('chair'))].sort()).toEqual(Object.values(demo.areaIds).sort());
      const firstPage = await api.graphql(
        'query($g: ID!) { regionalGroup(id: $g) { inbox(first: 2, kind: YEARLY_REPORT) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }',
        { g: demo.groupId },
        token.chair,
      );
      expect(firstPage.data?.regionalGroup.inbox.pageInfo.hasNextPage).toBe(true);
      expect(firstPage.data?.regionalGroup.inbox.edges).toHaveLength(2);
      const secondPage = await api.graphql(
        'query($g: ID!, $after: String) { regionalGroup(id: $g) { inbox(first: 2, kind: YEARLY_REPORT, after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { id } } } } }',
        { g: demo.groupId, after: firstPage.data?.regionalGroup.inbox.pageInfo.endCursor },
        token.chair,
      );
      expect(secondPage.data?.regionalGroup.inbox.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
      expect(secondPage.data?.regionalGroup.inbox.edges).toHaveLength(1);
    });

    it('reportsUp(areaId): one area’s items, filtered as the inbox is, for its business manager though not a member', async () => {
      const reportsUp = (as: string, areaId: string, args = '') =>
        api.graphql(
          `query($a: ID!) { reportsUp(areaId: $a, first: 100${args}) { totalCount edges { node { areaId kind } } } }`,
          { a: areaId },
          token[as],
        );
      const own = (await reportsUp('bristolManager', bristol)).data?.reportsUp;
      const inGroup = await inbox('chair', `, areaId: "${bristol}"`);
      expect(own.totalCount).toBeGreaterThan(0);
      expect(own.totalCount).toBe(inGroup.totalCount);
      expect(own.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(
        inGroup.edges.map((e: { node: { kind: string } }) => e.node.kind),
      );
      expect(new Set(own.edges.map((e: { node: { areaId: string } }) => e.node.areaId))).toEqual(new Set([bristol]));
      const somersetLate = (await reportsUp('chair', somerset, ', status: LATE')).data?.reportsUp;
      expect(somersetLate.totalCount).toBe((await inbox('chair', `, areaId: "${somerset}", status: LATE`)).totalCount);
      const refused = await reportsUp('somersetManager', bristol);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toBe(
        "What an area sent up to the region is for its business managers, the group's current representatives and auditors.",
      );
      expect(codeOf(await reportsUp('chair', '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54'))).toBe('NOT_FOUND');
      const measures = await api.graphql(
        'query($a: ID!) { performanceMeasures(areaId: $a) { name } }',
        { a: bristol },
        token.somersetManager,
      );
      expect(codeOf(measures)).toBe('FORBIDDEN');
      expect(measures.errors?.[0].message).toBe(
        "The measures an area reports figures on are for its business managers, the group's current representatives and auditors.",
      );
    });

    it('a yearly report published, or figures sent, the day before the area joined its group: refused, nothing recorded; on the day it joined: recorded', async () => {
      // North Somerset, a founding area with nothing sent up yet, joined on the group's establishment, 1 June 2019.
      const northSomerset = demo.areaIds['North Somerset'];
      const sentUp = async (kind: string) =>
        (
          await api.graphql(
            `query($a: ID!) { reportsUp(areaId: $a, first: 100, kind: ${kind}) { totalCount edges { node { receivedOn } } } }`,
            { a: northSomerset },
            token.chair,
          )
        ).data?.reportsUp;
      const report = (publishedOn: string) => ({
        areaId: northSomerset,
        period: '2018-19',
        publishedOn,
        link: 'https://north-somerset.example/safeguarding-partnership/yearly-report-2018-19.pdf',
        sentToNationalPanelOn: '2019-06-05',
        sentToWhatWorksOn: '2019-06-05',
      });
      const figures = (submittedOn: string) => ({
        areaId: northSomerset,
        measureId,
        period: '2019-Q2',
        count: 2,
        submittedOn,
      });

      const earlyReport = await call('submitYearlyReport', report('2019-05-31'), 'northSomersetManager', 'id');
      expect(earlyReport.data).toBeNull();
      expect(earlyReport.errors?.[0]).toMatchObject({
        message: 'The day the report was published (2019-05-31) is before the area joined its group (2019-06-01).',
        extensions: { code: 'OUT_OF_RANGE', earliest: '2019-06-01' },
      });
      // Within 2019-Q2, so only the day the area joined bounds it.
      const earlyFigures = await call('submitPerformanceFigures', figures('2019-05-31'), 'northSomersetManager', 'id');
      expect(earlyFigures.data).toBeNull();
      expect(earlyFigures.errors?.[0]).toMatchObject({
        message: 'The day the figures were sent (2019-05-31) is before the area joined its group (2019-06-01).',
        extensions: { code: 'OUT_OF_RANGE', earliest: '2019-06-01' },
      });
      expect((await sentUp('YEARLY_REPORT')).totalCount).toBe(0);
      expect((await sentUp('PERFORMANCE_FIGURES')).totalCount).toBe(0);

      const onTheDay = await call('submitYearlyReport', report('2019-06-01'), 'northSomersetManager', ITEM);
      expect(onTheDay.errors).toBeUndefined();
      expect(onTheDay.data?.submitYearlyReport).toMatchObject({
        kind: 'YEARLY_REPORT',
        areaId: northSomerset,
        receivedOn: '2019-06-01',
        dueOn: null,
        status: 'RECEIVED',
        yearlyReport: { period: '2018-19', dispatch: { dueOn: '2019-06-08', doneOn: '2019-06-05', status: 'MET' } },
      });
      const figuresOnTheDay = await call(
        'submitPerformanceFigures',
        figures('2019-06-01'),
        'northSomersetManager',
        ITEM,
      );
      expect(figuresOnTheDay.errors).toBeUndefined();
      expect(figuresOnTheDay.data?.submitPerformanceFigures).toMatchObject({
        kind: 'PERFORMANCE_FIGURES',
        receivedOn: '2019-06-01',
        dueOn: '2019-07-31',
        status: 'RECEIVED',
        figures: { measureName: 'Rapid reviews held', period: '2019-Q2', count: 2 },
      });
      expect(await sentUp('YEARLY_REPORT')).toEqual({ totalCount: 1, edges: [{ node: { receivedOn: '2019-06-01' } }] });
      expect(await sentUp('PERFORMANCE_FIGURES')).toEqual({
        totalCount: 1,
        edges: [{ node: { receivedOn: '2019-06-01' } }],
      });
    });

    it('says whether each item waits for the region: an escalation it answered waits for nothing, acknowledged or not', async () => {
      const raised = await call(
        'raiseEscalation',
        {
          areaId: bristol,
          title: 'Strategy meetings by phone',
          detail: 'Weekend strategy meetings are held by phone only.',
          raisedOn: '2027-02-15',
        },
        'bristolManager',
        'id awaitingAcknowledgement',
      );
      const itemId = raised.data?.raiseEscalation.id as string;
      expect(raised.data?.raiseEscalation.awaitingAcknowledgement).toBe(true);
      const ids = (connection: { edges: { node: { id: string } }[] } | undefined) =>
        (connection?.edges ?? []).map((edge) => edge.node.id);
      /** The region's inbox and Bristol's own view, filtered alike. */
      const waiting = async (awaiting: boolean) => {
        const { data } = await api.graphql(
          `query($g: ID!, $a: ID!, $w: Boolean) {
            regionalGroup(id: $g) { inbox(first: 100, awaitingAcknowledgement: $w) { edges { node { id } } } }
            reportsUp(areaId: $a, first: 100, awaitingAcknowledgement: $w) { edges { node { id } } }
          }`,
          { g: demo.groupId, a: bristol, w: awaiting },
          token.chair,
        );
        return [ids(data?.regionalGroup.inbox), ids(data?.reportsUp)];
      };
      expect((await waiting(true)).map((list) => list.includes(itemId))).toEqual([true, true]);
      expect((await waiting(false)).map((list) => list.includes(itemId))).toEqual([false, false]);

      const respond = {
        groupId: demo.groupId,
        itemId,
        response: 'Noted; the ICB is asked.',
        respondedOn: '2027-02-16',
      };
      expect(codeOf(await call('respondToEscalation', respond, 'chair', 'id'))).toBeUndefined();
      const { data } = await api.graphql(
        'query($a: ID!) { reportsUp(areaId: $a, first: 100) { edges { node { id acknowledgedAt awaitingAcknowledgement } } } }',
        { a: bristol },
        token.bristolManager,
      );
      expect(data?.reportsUp.edges.find((edge: { node: { id: string } }) => edge.node.id === itemId)?.node).toEqual({
        id: itemId,
        acknowledgedAt: null,
        awaitingAcknowledgement: false,
      });
      expect((await waiting(true)).map((list) => list.includes(itemId))).toEqual([false, false]);
      expect((await waiting(false)).map((list) => list.includes(itemId))).toEqual([true, true]);
    });
  });
});
