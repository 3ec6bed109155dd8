import { EventStore, NO_STREAM } from '../event-store';
import { chainEvents } from '../hash-chain';
import { SYSTEM_ACTOR } from '../metadata';

/** A reason for blocking a task that names a child: what the R40 check can miss, and redaction removes. */
export const SLIPPED = 'Blocked until Tyler Jones at Hillside Primary is seen';

/** The metadata of an event the platform recorded, as the hash chain takes it. */
export const PLATFORM_METADATA = {
  actor: SYSTEM_ACTOR,
  occurredAt: '2026-11-23T09:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  reason: null,
  schemaVersion: 1,
  idempotencyKey: null,
  inputHash: null,
};

/** Records a task blocked with the reason SLIPPED, in workstream `n`; answers the event's id. */
export async function recordBlockedTask(store: EventStore, n = 1): Promise<string> {
  const [event] = chainEvents(`workstream-w${n}`, null, [
    {
      id: `e0000000-0000-4000-8000-00000000000${n}`,
      type: 'TaskBlocked',
      data: { taskId: `t${n}`, reason: SLIPPED },
      metadata: PLATFORM_METADATA,
    },
  ]);
  await store.append(`workstream-w${n}`, [event], { expectedRevision: NO_STREAM });
  return event.id;
}
