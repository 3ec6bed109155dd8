import { Actor } from '@app/domain';

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
