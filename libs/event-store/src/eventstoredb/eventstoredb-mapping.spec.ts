import { DuplicateEventIdError, NewEvent, StoredEvent } from '../event-store';
import {
  isAfter,
  isSystemEvent,
  RecordedEventLike,
  retriedAppendIn,
  toStreamState,
  toServerPosition,
  toEventData,
  toPortPosition,
  toStoredEvent,
} from './eventstoredb-mapping';

const at = (commit: bigint, prepare = commit) => ({ commit, prepare });

describe('EventStoreDB mapping', () => {
  describe('expected revision as stream state', () => {
    it('maps the named expectations and a revision', () => {
      expect(toStreamState('no_stream')).toBe('no_stream');
      expect(toStreamState('stream_exists')).toBe('stream_exists');
      expect(toStreamState('any')).toBe('any');
      expect(toStreamState(0)).toBe(0n);
      expect(toStreamState(41)).toBe(41n);
    });

    it('refuses something that is not a revision', () => {
      expect(() => toStreamState(-1)).toThrow(RangeError);
      expect(() => toStreamState(1.5)).toThrow(RangeError);
    });
  });

  describe('positions', () => {
    it('uses the commit position of an implicitly committed event, and maps it back', () => {
      expect(toPortPosition(at(1234n))).toBe(1234);
      expect(toServerPosition(1234)).toEqual(at(1234n));
      expect(toPortPosition(toServerPosition(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('refuses explicit-transaction positions, which share a commit position', () => {
      expect(() => toPortPosition(at(500n, 300n))).toThrow(/explicit transaction/);
    });

    it('refuses positions beyond a safe integer', () => {
      expect(() => toPortPosition(at(BigInt(Number.MAX_SAFE_INTEGER) + 1n))).toThrow(RangeError);
      expect(() => toServerPosition(-1)).toThrow(RangeError);
      expect(() => toServerPosition(2.5)).toThrow(RangeError);
    });

    it('orders as $all does, by commit then prepare, and strictly', () => {
      expect(isAfter(at(200n), at(100n))).toBe(true);
      expect(isAfter(at(100n), at(100n))).toBe(false);
      expect(isAfter(at(100n), at(200n))).toBe(false);
      expect(isAfter(at(500n, 400n), at(500n, 300n))).toBe(true);
      expect(isAfter(at(500n, 300n), at(500n, 400n))).toBe(false);
    });
  });

  it('tells system events by a $ on the stream or the type', () => {
    expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
    expect(isSystemEvent({ streamId: '$ce-contract', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'contract-a', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: '$$contract-a', type: 'Custom' })).toBe(true);
    expect(isSystemEvent({ streamId: 'contract-a', type: 'SomethingHappened' })).toBe(false);
  });

  it('writes events as JSON with their own ids', () => {
    const data = toEventData({
      id: 'f4b7f3c2-8a4e-4b8e-9d7e-0c1d2e3f4a5b',
      type: 'A',
      data: { n: 1 },
      metadata: { actor: 'p-1' },
    });
    expect(data).toEqual({
      id: 'f4b7f3c2-8a4e-4b8e-9d7e-0c1d2e3f4a5b',
      contentType: 'application/json',
      type: 'A',
      data: { n: 1 },
      metadata: { actor: 'p-1' },
    });
  });

  describe('stored events', () => {
    const recorded: RecordedEventLike = {
      streamId: 'case-1',
      id: 'f4b7f3c2-8a4e-4b8e-9d7e-0c1d2e3f4a5b',
      revision: 3n,
      type: 'A',
      created: new Date('2020-03-01T10:00:00.123Z'),
      data: { n: 1 },
      metadata: { actor: 'p-1' },
      position: at(4096n),
    };

    it('carries stream, revision, position and recording time as the port has them', () => {
      expect(toStoredEvent(recorded)).toEqual({
        id: recorded.id,
        type: 'A',
        data: { n: 1 },
        metadata: { actor: 'p-1' },
        streamId: 'case-1',
        revision: 3,
        position: 4096,
        recordedAt: '2020-03-01T10:00:00.123Z',
      });
    });

    it('reads missing or non-object metadata as empty', () => {
      expect(toStoredEvent({ ...recorded, metadata: undefined }).metadata).toEqual({});
      expect(toStoredEvent({ ...recorded, metadata: new Uint8Array([1, 2]) }).metadata).toEqual({});
      expect(toStoredEvent({ ...recorded, metadata: ['x'] }).metadata).toEqual({});
    });

    it('needs a position, which stream reads carry from server 22.6', () => {
      expect(() => toStoredEvent({ ...recorded, position: undefined })).toThrow(/22\.6/);
    });
  });

  describe('retried appends', () => {
    const newEvent = (id: string): NewEvent => ({ id, type: 'A', data: {}, metadata: {} });
    const stored = (id: string, revision: number, position: number, streamId = 's'): StoredEvent => ({
      ...newEvent(id),
      streamId,
      revision,
      position,
      recordedAt: '2020-03-01T10:00:00.000Z',
    });
    const stream = [stored('aaaa', 0, 100), stored('bbbb', 1, 200), stored('cccc', 2, 300)];

    it('answers a batch recorded consecutively in this stream as the first time', () => {
      expect(retriedAppendIn(stream, 's', [newEvent('bbbb'), newEvent('cccc')])).toEqual({
        nextRevision: 2,
        position: 300,
      });
    });

    it('matches ids without regard to case, as the server returns them in lower case', () => {
      expect(retriedAppendIn(stream, 's', [newEvent('AAAA')])).toEqual({ nextRevision: 0, position: 100 });
    });

    it('finds nothing for new ids', () => {
      expect(retriedAppendIn(stream, 's', [newEvent('dddd')])).toBeNull();
    });

    it('refuses ids recorded in the stream but not as this same append', () => {
      expect(() => retriedAppendIn(stream, 's', [newEvent('aaaa'), newEvent('cccc')])).toThrow(DuplicateEventIdError);
      expect(() => retriedAppendIn(stream, 's', [newEvent('cccc'), newEvent('dddd')])).toThrow(DuplicateEventIdError);
    });
  });
});
