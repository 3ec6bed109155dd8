import { workstreamStream } from '@app/domain';
import { runningWorkstream, taskAdded, WORKSTREAM_ID } from '@app/domain/testing/avon-and-somerset.fixture';
import { WHOLE_RECORD } from '../bitemporal';
import { inStream, projectedDatabase } from '../testing/projection-spec';
import { workstreamsProjection } from './workstreams.projection';
import { WorkstreamQueries } from './workstreams.queries';

const TASK = 'task-1';
/** 00:30 on 1 July in London, British Summer Time. */
const LONDON_FIRST_OF_JULY = '2020-06-30T23:30:00.000Z';
/** 23:30 on 1 July in London. */
const LONDON_LATE_ON_FIRST_OF_JULY = '2020-07-01T22:30:00.000Z';

/** Given: the procedures workstream running, a task added late on 30 June and started and blocked on 1 July in London. */
async function given() {
  const stream = workstreamStream(WORKSTREAM_ID);
  const { db } = await projectedDatabase(
    workstreamsProjection,
    inStream(stream, runningWorkstream, { occurredAt: '2020-06-30T10:00:00.000Z' }),
    inStream(stream, taskAdded(), { occurredAt: '2020-06-30T21:00:00.000Z' }),
    inStream(stream, { type: 'TaskStarted', data: { taskId: TASK } }, { occurredAt: LONDON_FIRST_OF_JULY }),
    inStream(
      stream,
      { type: 'TaskBlocked', data: { taskId: TASK, reason: 'Waiting for Somerset.' } },
      { occurredAt: LONDON_LATE_ON_FIRST_OF_JULY },
    ),
  );
  return new WorkstreamQueries(db);
}

const changesOn = (queries: WorkstreamQueries, on: string) =>
  queries
    .historyOfTasks([TASK], { on, position: null })
    .get(TASK)
    ?.map(({ change }) => change);

describe('the workstream queries: a task’s history as at a day', () => {
  it('end the day at London’s midnight: what happened at 00:30 on 1 July in summer time is not in 30 June’s history', async () => {
    const queries = await given();
    expect(changesOn(queries, '2020-06-30')).toEqual(['ADDED']);
    expect(changesOn(queries, '2020-07-01')).toEqual(['ADDED', 'STARTED', 'BLOCKED']);
  });

  it('give the whole history on the whole record', async () => {
    const queries = await given();
    expect(
      queries
        .historyOfTasks([TASK], WHOLE_RECORD)
        .get(TASK)
        ?.map(({ occurredAt }) => occurredAt),
    ).toEqual(['2020-06-30T21:00:00.000Z', LONDON_FIRST_OF_JULY, LONDON_LATE_ON_FIRST_OF_JULY]);
  });
});
