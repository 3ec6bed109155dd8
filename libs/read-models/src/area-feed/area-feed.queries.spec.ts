import {
  AreaAdded,
  CommunicationIssued,
  communicationStream,
  FeedItemAcknowledged,
  localArrangementStream,
  regionalGroupStream,
} from '@app/domain';
import { AREAS, established, GROUP_ID } from '@app/domain/testing/avon-and-somerset.fixture';
import { SignedTreeHead, TRANSPARENCY_LOG_STREAM, TREE_HEAD_SIGNED } from '@app/event-store';
import { inStream, projectedDatabase, RECORDED_AT } from '../testing/projection-spec';
import { areaFeedProjection } from './area-feed.projection';
import { AreaFeedQueries, FeedItemRow } from './area-feed.queries';

const ALL_AREAS = Object.values(AREAS)
  .map((area) => area.areaId)
  .sort();
const NEXT_DAY = '2020-03-13T08:00:00.000Z';

const communication = (communicationId: string, areas: readonly { areaId: string; name: string }[]) =>
  inStream(communicationStream(communicationId), {
    type: 'CommunicationIssued',
    data: { communicationId, groupId: GROUP_ID, title: communicationId, body: '.', areas, cascadeBy: '2020-04-30' },
  } satisfies CommunicationIssued);
const head = (treeSize: number, timestamp: string): SignedTreeHead => ({
  treeSize,
  rootHash: String(treeSize).repeat(64).slice(0, 64),
  timestamp,
  keyId: 'log-key',
  signature: `signature-${treeSize}`,
});
const treeHead = (treeSize: number, timestamp: string) =>
  inStream(
    TRANSPARENCY_LOG_STREAM,
    { type: TREE_HEAD_SIGNED, data: head(treeSize, timestamp) },
    { occurredAt: timestamp },
  );
const weston: AreaAdded = {
  type: 'AreaAdded',
  data: {
    areaId: 'weston',
    name: 'Weston-super-Mare',
    addedOn: '2020-03-12',
    coveringPartnerIds: [],
    gapsAccepted: [],
  },
};
const acknowledged: FeedItemAcknowledged = {
  type: 'FeedItemAcknowledged',
  data: { areaId: 'bristol', position: 3, acknowledgedAt: NEXT_DAY },
};

/**
 * Given: a group of five areas (1), a communication to Bristol and Somerset (2), a head (3), an
 * area added (4), a communication to Bristol (5), a head the next day (6), Bristol acknowledging
 * the first head (7).
 */
async function given() {
  const { db, store } = await projectedDatabase(
    areaFeedProjection,
    inStream(regionalGroupStream(GROUP_ID), established),
    communication('comm-1', [AREAS.bristol, AREAS.somerset]),
    treeHead(2, RECORDED_AT),
    inStream(regionalGroupStream(GROUP_ID), weston),
    communication('comm-2', [AREAS.bristol]),
    treeHead(5, NEXT_DAY),
    inStream(localArrangementStream('bristol'), acknowledged),
  );
  const ids = new Map((await store.readAll()).map((event) => [event.position, event.id]));
  return { queries: new AreaFeedQueries(db), idAt: (position: number) => ids.get(position) as string };
}

const positions = (items: readonly { node: FeedItemRow }[] | undefined) => items?.map(({ node }) => node.position);

describe('the area feed queries', () => {
  it('put each signed head in the feed of every area known before it was signed, in log order (A4)', async () => {
    const { queries, idAt } = await given();
    expect(queries.feed('bristol', 10, null)?.items.map(({ node }) => node)).toEqual([
      {
        areaId: 'bristol',
        position: 2,
        kind: 'COMMUNICATION',
        subjectId: 'comm-1',
        title: 'comm-1 (cascade by 2020-04-30)',
        occurredAt: RECORDED_AT,
        happenedOn: '2020-03-12',
        restricted: false,
        concernedAreaIds: ['bristol', 'somerset'],
      },
      {
        areaId: 'bristol',
        position: 3,
        kind: 'TREE_HEAD',
        subjectId: idAt(3),
        title: `Signed tree head: 2 events, root ${head(2, RECORDED_AT).rootHash}`,
        occurredAt: RECORDED_AT,
        happenedOn: '2020-03-12',
        restricted: false,
        concernedAreaIds: ALL_AREAS,
      },
      expect.objectContaining({ position: 5, kind: 'COMMUNICATION', concernedAreaIds: ['bristol'] }),
      expect.objectContaining({
        position: 6,
        kind: 'TREE_HEAD',
        subjectId: idAt(6),
        occurredAt: NEXT_DAY,
        happenedOn: '2020-03-13',
        concernedAreaIds: [...ALL_AREAS, 'weston'].sort(),
      }),
    ]);
    expect(positions(queries.feed('weston', 10, null)?.items)).toEqual([6]);
    expect(positions(queries.feed('somerset', 10, null)?.items)).toEqual([2, 3, 6]);
  });

  it('page heads and items together by cursor, counting both', async () => {
    const { queries } = await given();
    const first = queries.feed('bristol', 2, null);
    expect(first).toMatchObject({ hasNextPage: true, hasPreviousPage: false, totalCount: 4 });
    expect(positions(first?.items)).toEqual([2, 3]);
    const second = queries.feed('bristol', 2, first?.items[1].cursor ?? null);
    expect(second).toMatchObject({ hasNextPage: false, hasPreviousPage: true, totalCount: 4 });
    expect(positions(second?.items)).toEqual([5, 6]);
  });

  it('leave out the heads not yet signed on a day, or not yet recorded at a position (A3)', async () => {
    const { queries } = await given();
    expect(positions(queries.feed('bristol', 10, null, '2020-03-12')?.items)).toEqual([2, 3, 5]);
    expect(queries.feed('bristol', 10, null, '2020-03-12')?.totalCount).toBe(3);
    expect(positions(queries.feed('bristol', 10, null, null, 4)?.items)).toEqual([2, 3]);
    expect(queries.feed('weston', 10, null, null, 5)?.totalCount).toBe(0);
  });

  it('find a head as an item of an area it went to, and only of those', async () => {
    const { queries } = await given();
    expect(queries.feedItemAt('bristol', 3)).toMatchObject({ kind: 'TREE_HEAD', position: 3 });
    expect(queries.feedItemAt('weston', 3)).toBeUndefined();
    expect(queries.feedItemAt('weston', 6)).toMatchObject({ kind: 'TREE_HEAD', areaId: 'weston' });
    expect(queries.treeHeadAt(3)).toEqual(head(2, RECORDED_AT));
    expect(queries.treeHeads()).toEqual([head(2, RECORDED_AT), head(5, NEXT_DAY)]);
  });

  it('list every area a head went to, with its acknowledgement', async () => {
    const { queries, idAt } = await given();
    expect(
      queries.acknowledgementsOf(idAt(3)).map(({ areaId, acknowledgedAt }) => ({ areaId, acknowledgedAt })),
    ).toEqual(ALL_AREAS.map((areaId) => ({ areaId, acknowledgedAt: areaId === 'bristol' ? NEXT_DAY : null })));
    expect(queries.acknowledgementsOf('comm-1').map(({ areaId }) => areaId)).toEqual(['bristol', 'somerset']);
  });
});
