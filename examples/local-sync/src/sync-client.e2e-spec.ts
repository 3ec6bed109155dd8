import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken, SigningKey } from '@app/platform';
import { SIGNING_KEY } from '../../../apps/api/src/infrastructure/injection-tokens';
import { LoadedDemo, loadAvonAndSomerset } from '../../../apps/cli/src/demo/load-demo';
import { TestApp } from '../../../test/support/test-app';
import { FeedItem, LocalSync, PlatformError } from './sync-client';

/**
 * A fetch whose first `drops` answers never arrive: the request reaches the platform and is
 * handled, but the client's own timeout fires first, as on a link that drops a response.
 */
function droppingFirst(drops: number): typeof fetch {
  let dropped = 0;
  return async (url, init) => {
    const response = await fetch(url, init);
    if (dropped >= drops) return response;
    dropped += 1;
    await response.text();
    return new Promise<Response>((_, reject) => {
      const aborted = () => reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
      if (init?.signal?.aborted) aborted();
      init?.signal?.addEventListener('abort', aborted);
    });
  };
}

/**
 * The client's own wait for an answer: a dropped answer costs this long. A request that takes longer on
 * a busy machine is sent again with its key, which the platform records once, so no test depends on it.
 */
const TIMEOUT_MS = 2_000;

/** The example sync client against the running app (L3): pulls from a saved cursor, pushes once whatever the retries. */
describe('the local sync example (L3)', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let bristol: string;
  let manager: string;
  let chair: string;
  const cursorFile = join(mkdtempSync(join(tmpdir(), 'local-sync-')), 'bristol-cursor.json');
  const sync = (fetchWith?: typeof fetch) =>
    new LocalSync({
      url: `${api.url}/graphql`,
      token: manager,
      areaId: bristol,
      cursorFile,
      timeoutMs: TIMEOUT_MS,
      fetch: fetchWith,
    });
  const communicate = (title: string) =>
    api.send(
      'mutation($i: IssueRegionalCommunicationInput!) { issueRegionalCommunication(input: $i) { id } }',
      {
        i: {
          groupId: demo.groupId,
          title,
          body: 'Please cascade.',
          areaIds: [bristol],
          cascadeBy: '2027-03-31',
          restricted: false,
        },
      },
      chair,
    );

  beforeAll(async () => {
    api = await TestApp.start({ CLOCK_NOW: '2027-03-01T10:00:00.000Z' });
    const key = api.app.get<SigningKey>(SIGNING_KEY);
    const mint = (personId: string) => mintToken(key, { subject: personId, name: personId });
    demo = await loadAvonAndSomerset({ send: api.send, administratorToken: api.adminToken as string, tokenFor: mint });
    bristol = demo.areaIds.Bristol;
    manager = await mint(demo.personIds['bristol-business-manager']);
    chair = await mint(demo.personIds['sheila-smith']);
  });
  afterAll(async () => api.stop());

  it('pulls the feed, acknowledges each item, and resumes after the saved cursor in a later run', async () => {
    await communicate('Seven-minute briefing: neglect');
    await communicate('Training dates for 2027');
    const first: FeedItem[] = [];
    await sync().pull((item) => void first.push(item));
    expect(first.map((item) => item.title)).toEqual(
      expect.arrayContaining([
        'Seven-minute briefing: neglect (cascade by 2027-03-31)',
        'Training dates for 2027 (cascade by 2027-03-31)',
      ]),
    );
    const feed = await api.send(
      'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { acknowledgedAt } } } }',
      { a: bristol },
      manager,
    );
    expect(feed.areaFeed.edges.every((e: { node: { acknowledgedAt: string | null } }) => e.node.acknowledgedAt)).toBe(
      true,
    );

    await communicate('Escalation policy revised');
    const later: FeedItem[] = [];
    await sync().pull((item) => void later.push(item));
    expect(later.map((item) => item.title)).toEqual(['Escalation policy revised (cascade by 2027-03-31)']);
  });

  it('acknowledging an item again after a dropped answer is recorded once', async () => {
    await communicate('Winter pressures briefing');
    const taken: FeedItem[] = [];
    await sync(droppingFirst(2)).pull((item) => void taken.push(item));
    expect(taken.map((item) => item.title)).toEqual(['Winter pressures briefing (cascade by 2027-03-31)']);
  });

  it('pushes a yearly report, figures and a rapid review decision, each recorded once after a timeout and a retry', async () => {
    const { defineMeasure } = await api.send(
      'mutation($i: DefineMeasureInput!) { defineMeasure(input: $i) { id } }',
      { i: { groupId: demo.groupId, name: 'Rapid reviews held' } },
      chair,
    );
    const { notifySeriousIncident } = await api.send(
      'mutation($i: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $i) { id } }',
      { i: { areaId: bristol, reference: 'BRS-2026-07', awareOn: '2026-12-18', notifiedOn: '2026-12-18' } },
      manager,
    );
    const report = await sync(droppingFirst(1)).submitYearlyReport({
      idempotencyKey: 'bristol-yearly-report-2025-26',
      period: '2025-26',
      publishedOn: '2026-09-30',
      link: 'https://bcp.example/yearly-report-2025-26.pdf',
      sentToNationalPanelOn: '2026-10-02',
      sentToWhatWorksOn: '2026-10-02',
    });
    expect(report.submitYearlyReport.status).toBe('RECEIVED');
    const figures = await sync(droppingFirst(1)).submitPerformanceFigures({
      idempotencyKey: 'bristol-rapid-reviews-2026-Q4',
      measureId: defineMeasure.id,
      period: '2026-Q4',
      count: 3,
    });
    expect(figures.submitPerformanceFigures.dueOn).toBe('2027-01-31');
    const decision = await sync(droppingFirst(2)).recordRapidReviewDecision({
      idempotencyKey: 'bristol-rapid-review-brs-2026-07',
      reviewId: notifySeriousIncident.id,
      decision: 'LCSPR',
      decisionReason: 'Learning about information sharing.',
      decidedOn: '2027-01-13',
    });
    expect(decision.recordRapidReviewDecision).toEqual({
      id: notifySeriousIncident.id,
      stage: 'IN_REVIEW',
      rapidReview: { dueOn: '2027-01-13', status: 'MET' },
    });

    const { regionalGroup } = await api.send(
      'query($g: ID!) { regionalGroup(id: $g) { inbox(first: 100) { edges { node { id kind } } } } }',
      { g: demo.groupId },
      chair,
    );
    expect(regionalGroup.inbox.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual([
      'YEARLY_REPORT',
      'PERFORMANCE_FIGURES',
      'PRACTICE_REVIEW_DECISION',
    ]);
  });

  it('gives up after its attempts, and passes a refusal through with its code', async () => {
    const never = new LocalSync({
      url: `${api.url}/graphql`,
      token: manager,
      areaId: bristol,
      cursorFile,
      timeoutMs: TIMEOUT_MS,
      attempts: 2,
      fetch: droppingFirst(2),
    });
    await expect(never.pull(() => undefined)).rejects.toThrow('did not answer in time');
    const refused = sync().submitYearlyReport({
      idempotencyKey: 'bristol-yearly-report-2025-26-again',
      period: '2025-26',
      publishedOn: '2026-09-30',
      link: 'https://bcp.example/yearly-report-2025-26.pdf',
      sentToNationalPanelOn: '2026-10-02',
      sentToWhatWorksOn: '2026-10-02',
    });
    await expect(refused).rejects.toEqual(expect.objectContaining({ code: 'ALREADY_EXISTS' }));
    await expect(refused).rejects.toBeInstanceOf(PlatformError);
  });
});
