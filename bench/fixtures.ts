import { randomUUID } from 'node:crypto';
import {
  EVENT_SCHEMA_VERSION,
  Actor,
  Message,
  PersonRegistered,
  PlatformRole,
  RegionalGroupEstablished,
  regionalGroupStream,
} from '@app/domain';
import { childId, commandIdFor, eventIdFor, inputHashOf, UnchainedEvent, UnchainedMetadata } from '@app/event-store';

/**
 * Realistic events for the benchmarks, built the way `handleCommand` builds them: an idempotency
 * key per command, ids derived from it, and full metadata (actor, correlation, input hash). They
 * are returned unchained; the caller links them into streams with `chainEvents`.
 */

export const ADMINISTRATOR: Actor = { personId: randomUUID(), partnerId: randomUUID(), roles: ['ADMINISTRATOR'] };
const AREAS_PER_GROUP = 5;
const REGIONS = [
  'North East',
  'North West',
  'Yorkshire',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];

/** The events one command decided, with the metadata `handleCommand` would give them. */
export function commandEvents(
  streamId: string,
  operation: string,
  input: unknown,
  decided: readonly Message[],
  now: string,
  actor: Actor = ADMINISTRATOR,
): UnchainedEvent[] {
  const idempotencyKey = randomUUID();
  const commandId = commandIdFor(actor.personId, idempotencyKey, streamId);
  const metadata: UnchainedMetadata = {
    actor,
    occurredAt: now,
    correlationId: randomUUID(),
    causationId: commandId,
    reason: null,
    schemaVersion: EVENT_SCHEMA_VERSION,
    idempotencyKey,
    inputHash: inputHashOf(operation, input),
  };
  return decided.map((event, index) => ({
    id: eventIdFor(commandId, metadata.inputHash, index),
    type: event.type,
    data: event.data,
    metadata,
  }));
}

function establishedGroup(n: number, now: string): { streamId: string; event: RegionalGroupEstablished } {
  const groupId = randomUUID();
  const region = REGIONS[n % REGIONS.length];
  const areas = Array.from({ length: AREAS_PER_GROUP }, (_, index) => ({
    areaId: childId(groupId, 'local-area', index),
    name: `${region} Local Safeguarding Area ${n}-${index + 1}`,
  }));
  return {
    streamId: regionalGroupStream(groupId),
    event: {
      type: 'RegionalGroupEstablished',
      data: {
        groupId,
        name: `${region} Regional Safeguarding Partnership ${n}`,
        areas,
        establishedAt: now,
        establishedOn: now.slice(0, 10),
      },
    },
  };
}

/**
 * One RegionalGroupEstablished with five areas, as the establish-group command records it, in its
 * own stream unless another is given.
 */
export function regionalGroupEvent(n: number, now: string, streamId?: string): UnchainedEvent {
  const established = establishedGroup(n, now);
  const { data } = established.event;
  const input = { name: data.name, areas: data.areas.map((area) => area.name) };
  return commandEvents(streamId ?? established.streamId, 'establishRegionalGroup', input, [established.event], now)[0];
}

/** A person registered and granted a role, as one command records them (PersonRegistered, RoleGranted). */
export function personEvents(n: number, streamId: string, now: string, areaId: string | null): UnchainedEvent[] {
  const personId = randomUUID();
  const registered: PersonRegistered = {
    type: 'PersonRegistered',
    data: {
      personId,
      name: `Practitioner Number ${n}`,
      email: `practitioner.${n}@partnership.example.org`,
      subject: `oidc|${personId}`,
    },
  };
  const role: PlatformRole = areaId ? 'AREA_BUSINESS_MANAGER' : n % 2 === 0 ? 'AUDITOR' : 'ADMINISTRATOR';
  const granted: Message = { type: 'RoleGranted', data: { personId, role, areaId } };
  return commandEvents(streamId, 'registerPerson', { ...registered.data, role, areaId }, [registered, granted], now);
}
