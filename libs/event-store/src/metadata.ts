import { Actor } from '@app/domain';
import { StoredEvent } from './event-store';

/** What every event records beside its data (A1): who, when, why, and its link in the stream's hash chain. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly reason: string | null;
  readonly schemaVersion: number;
  readonly idempotencyKey: string | null;
  readonly inputHash: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

export type UnchainedMetadata = Omit<EventMetadata, 'prevHash' | 'hash'>;

/** The actor of effects no person sends: the start-up process, scheduled effects. */
export const SYSTEM_ACTOR: Actor = { personId: 'system', partnerId: null, roles: ['SYSTEM'] };

/** When the command behind an event was handled; the store's own recording time for events written without it. */
export function occurredAtOf(stored: StoredEvent): string {
  const { occurredAt } = stored.metadata;
  return typeof occurredAt === 'string' ? occurredAt : stored.recordedAt;
}
