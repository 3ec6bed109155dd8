import { StoredEvent } from './event-store';
import { upcast } from './upcast';

const stored = (type: string, data: object, schemaVersion: number, occurredAt: string): StoredEvent => ({
  id: 'e-1',
  type,
  data,
  metadata: { schemaVersion, occurredAt },
  streamId: 'regional-group-g',
  revision: 7,
  position: 42,
  recordedAt: occurredAt,
});

describe('Reading events recorded before business dates were kept (schema version 1)', () => {
  it('dates a chair appointment from the day it was recorded, in London', () => {
    const old = stored('ChairAppointed', { appointmentId: 'apt-1' }, 1, '2022-06-30T23:30:00.000Z');
    expect(upcast(old).data).toEqual({ appointmentId: 'apt-1', from: '2022-07-01' });
  });

  it('fills every date version 2 added, and keeps the rest of the event as stored', () => {
    const old = stored(
      'FundingContributionChanged',
      { partnerId: 'p', financialYear: '2021/22', amountPence: 1, inKind: null },
      1,
      '2021-09-01T09:00:00.000Z',
    );
    const read = upcast(old);
    expect(read.data).toEqual({
      partnerId: 'p',
      financialYear: '2021/22',
      amountPence: 1,
      inKind: null,
      changedOn: '2021-09-01',
    });
    expect({ ...read, data: old.data }).toEqual(old);
  });

  it('leaves version 2 events, and events that gained no date, exactly as stored', () => {
    const current = stored(
      'ChairAppointed',
      { appointmentId: 'apt-1', from: '2019-06-01' },
      2,
      '2026-11-23T09:00:00.000Z',
    );
    expect(upcast(current)).toBe(current);
    const undated = stored('RepresentativeAppointed', { startDate: '2019-06-01' }, 1, '2026-11-23T09:00:00.000Z');
    expect(upcast(undated)).toBe(undated);
  });
});

describe('Reading policy versions published before their publication day was kept (schema version 3)', () => {
  const version = { version: 1, effectiveOn: '2025-01-01', reviewOn: '2026-01-01' };

  it('dates a version published ahead of its effective date from the day it was recorded', () => {
    const old = stored('PolicyVersionPublished', { ...version, effectiveOn: '2027-01-01' }, 2, '2026-11-23T09:00:00Z');
    expect(upcast(old).data).toEqual({ ...version, effectiveOn: '2027-01-01', publishedOn: '2026-11-23' });
  });

  it('dates a version entered after it took effect from its effective date', () => {
    const old = stored('PolicyVersionPublished', version, 2, '2026-11-23T09:00:00Z');
    expect(upcast(old).data).toEqual({ ...version, publishedOn: '2025-01-01' });
  });

  it('leaves a version 3 publication as stored', () => {
    const current = stored(
      'PolicyVersionPublished',
      { ...version, publishedOn: '2024-12-12' },
      3,
      '2026-11-23T09:00:00Z',
    );
    expect(upcast(current)).toBe(current);
  });
});

describe('Reading workstream events, written views and meetings closed, recorded before their days were kept (schema version 4)', () => {
  it('dates a member, a task and a task change from the day each was recorded, in London', () => {
    const at = '2026-06-30T23:30:00.000Z';
    expect(upcast(stored('WorkstreamMemberAdded', { personId: 'p', name: 'P' }, 3, at)).data).toEqual({
      personId: 'p',
      name: 'P',
      addedOn: '2026-07-01',
    });
    expect(upcast(stored('WorkstreamMemberRemoved', { personId: 'p' }, 3, at)).data).toEqual({
      personId: 'p',
      removedOn: '2026-07-01',
    });
    expect(upcast(stored('TaskAdded', { taskId: 't', dueDate: '2026-09-30' }, 3, at)).data).toEqual({
      taskId: 't',
      dueDate: '2026-09-30',
      addedOn: '2026-07-01',
    });
    expect(upcast(stored('TaskBlocked', { taskId: 't', reason: 'r' }, 3, at)).data).toEqual({
      taskId: 't',
      reason: 'r',
      changedOn: '2026-07-01',
    });
    expect(upcast(stored('WrittenViewsSubmitted', { appointmentId: 'a' }, 3, at)).data).toEqual({
      appointmentId: 'a',
      submittedOn: '2026-07-01',
    });
    expect(upcast(stored('MeetingClosed', { closedAt: at }, 3, at)).data).toEqual({
      closedAt: at,
      heldOn: '2026-07-01',
    });
  });

  it('takes a workstream as existing from its start, or from the day recorded when it started later', () => {
    const started = stored('WorkstreamCommissioned', { startDate: '2026-09-15' }, 3, '2026-12-02T09:00:00Z');
    expect(upcast(started).data).toEqual({ startDate: '2026-09-15', commissionedOn: '2026-09-15' });
    const later = stored('WorkstreamCommissioned', { startDate: '2027-01-04' }, 3, '2026-12-02T09:00:00Z');
    expect(upcast(later).data).toEqual({ startDate: '2027-01-04', commissionedOn: '2026-12-02' });
  });

  it('leaves a version 4 task change as stored', () => {
    const current = stored('TaskStarted', { taskId: 't', changedOn: '2026-10-01' }, 4, '2026-12-02T09:00:00Z');
    expect(upcast(current)).toBe(current);
  });
});

describe('Reading lead changes, carry-overs and closings recorded before their days were kept (schema version 5)', () => {
  const at = '2026-06-30T23:30:00.000Z';

  it('dates a lead change and both ends of a carry-over from the day each was recorded, in London', () => {
    expect(upcast(stored('WorkstreamLeadChanged', { leadPartnerId: 'police' }, 4, at)).data).toEqual({
      leadPartnerId: 'police',
      changedOn: '2026-07-01',
    });
    expect(upcast(stored('TaskCarriedOut', { taskId: 't', toWorkstreamId: 'w' }, 4, at)).data).toEqual({
      taskId: 't',
      toWorkstreamId: 'w',
      changedOn: '2026-07-01',
    });
    expect(upcast(stored('TaskCarriedIn', { fromWorkstreamId: 'w' }, 4, at)).data).toEqual({
      fromWorkstreamId: 'w',
      changedOn: '2026-07-01',
    });
  });

  it('reads the moment an older closing kept as its closedOn as the day it was recorded, in London', () => {
    const old = stored('WorkstreamClosed', { outcomeReport: 'Done.', closedOn: at }, 4, at);
    expect(upcast(old).data).toEqual({ outcomeReport: 'Done.', closedOn: '2026-07-01' });
  });

  it('leaves a version 5 closing as stored', () => {
    const current = stored('WorkstreamClosed', { outcomeReport: 'Done.', closedOn: '2026-11-10' }, 5, at);
    expect(upcast(current)).toBe(current);
  });
});

describe('Reading terms of reference recorded before they named a first review (schema version 5)', () => {
  const terms = { version: '1.0', adoptedOn: '2019-06-01', gapsAccepted: [] };

  it('reads them as naming none, so their first review is a year after adoption', () => {
    const old = stored('TermsOfReferenceAdopted', terms, 4, '2026-11-23T09:00:00.000Z');
    expect(upcast(old).data).toEqual({ ...terms, firstReviewBy: null });
  });

  it('keeps the day a version 5 event names', () => {
    const current = stored(
      'TermsOfReferenceAdopted',
      { ...terms, firstReviewBy: '2019-12-01' },
      5,
      '2026-11-23T09:00:00.000Z',
    );
    expect(upcast(current).data).toEqual({ ...terms, firstReviewBy: '2019-12-01' });
  });
});
