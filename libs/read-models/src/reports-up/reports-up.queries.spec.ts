import {
  EscalationRaised,
  InboxItemAcknowledged,
  LocalDecisionShared,
  localArrangementStream,
  regionalGroupStream,
  regionalReportsStream,
} from '@app/domain';
import { established, GROUP_ID } from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectedDatabase } from '../testing/projection-spec';
import { reportsUpProjection } from './reports-up.projection';
import { ReportsUpQueries } from './reports-up.queries';

const escalation: EscalationRaised = {
  type: 'EscalationRaised',
  data: {
    areaId: 'bristol',
    groupId: GROUP_ID,
    escalationId: 'e-1',
    title: 'Out-of-hours health cover',
    detail: 'No designated doctor at weekends.',
    restricted: true,
    raisedOn: '2026-11-02',
  },
};
const decision: LocalDecisionShared = {
  type: 'LocalDecisionShared',
  data: {
    areaId: 'somerset',
    decisionId: 'd-1',
    title: 'Joint front door',
    decision: 'Agreed.',
    decidedOn: '2026-11-03',
  },
};
const acknowledged: InboxItemAcknowledged = {
  type: 'InboxItemAcknowledged',
  data: { groupId: GROUP_ID, areaId: 'somerset', itemId: 'd-1', acknowledgedAt: '2026-11-04T09:00:00.000Z' },
};
const byRegion = { actor: { personId: 'chair', partnerId: 'council', roles: ['REPRESENTATIVE'] } };

/** Given: the group, an escalation from Bristol, a decision Somerset shared, the region acknowledging the decision. */
async function given(): Promise<ReportsUpQueries> {
  const { db } = await projectedDatabase(
    reportsUpProjection,
    inStream(regionalGroupStream(GROUP_ID), established),
    inStream(localArrangementStream('bristol'), escalation),
    inStream(localArrangementStream('somerset'), decision),
    inStream(regionalReportsStream(GROUP_ID), acknowledged, byRegion),
  );
  return new ReportsUpQueries(db);
}

describe("the reports-up queries: one item of a group's inbox", () => {
  it('when asked by id, then it is the item as the whole inbox lists it', async () => {
    const reports = await given();
    const inbox = reports.inboxItems({ groupId: GROUP_ID, kind: null, areaId: null });
    expect(inbox.map((row) => row.itemId)).toEqual(['e-1', 'd-1']);
    expect(reports.inboxItem(GROUP_ID, 'e-1')).toEqual(inbox[0]);
    expect(reports.inboxItem(GROUP_ID, 'd-1')).toEqual(inbox[1]);
    expect(reports.inboxItem(GROUP_ID, 'e-1')).toMatchObject({ areaId: 'bristol', restricted: true });
    expect(reports.inboxItem(GROUP_ID, 'd-1')).toMatchObject({
      areaId: 'somerset',
      restricted: false,
      acknowledgedAt: '2026-11-04T09:00:00.000Z',
      acknowledgedBy: 'chair',
    });
  });

  it('when the id is of no item, or of an item of another group, then there is none', async () => {
    const reports = await given();
    expect(reports.inboxItem(GROUP_ID, 'no-such-item')).toBeUndefined();
    expect(reports.inboxItem('another-group', 'e-1')).toBeUndefined();
  });
});
