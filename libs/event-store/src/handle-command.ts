import { Actor, Decider, DomainError, EVENT_SCHEMA_VERSION, Message } from '@app/domain';
import { NO_STREAM, EventStore, StoredEvent, WrongExpectedVersionError } from './event-store';
import { FoldedStateCache, foldedStateCacheOf } from './folded-state-cache';
import { chainEvents } from './hash-chain';
import { commandIdFor, eventIdFor } from './idempotency';
import { UnchainedMetadata } from './metadata';
import { streamTurnsOf } from './stream-turns';

export interface CommandContext {
  readonly actor: Actor;
  /** ISO timestamp from the injected clock. */
  readonly now: string;
  readonly correlationId: string;
  readonly reason?: string | null;
  readonly idempotencyKey?: string | null;
  /** Fingerprint of the client's input; required with an idempotency key. */
  readonly inputHash?: string | null;
  /** Its fingerprint as keys were recorded with before null and omitted were one, which a retry also matches. */
  readonly formerInputHash?: string | null;
}

export interface CommandOutcome<Event extends Message> {
  readonly streamId: string;
  readonly events: readonly Event[];
  /** Global position of the last event recorded for this command, or null when it decided nothing. */
  readonly position: number | null;
  /** True when this was a retry answered from the events an earlier attempt recorded. */
  readonly replayed: boolean;
}

/**
 * An aggregate's current state, folded from its stream: for a rule that needs another aggregate's
 * facts. The state is shared with the cache: read it, never change it.
 */
export async function readState<C extends Message, E extends Message, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  cache: FoldedStateCache = foldedStateCacheOf(store),
): Promise<S> {
  return (await cache.read(store, streamId, decider)).state;
}
const MAX_ATTEMPTS = 25;

/**
 * The command, or how to build it from other streams' facts: a builder is called again on every
 * attempt, so a command retried after a conflict is decided on facts read after the conflict.
 */
export type CommandSource<C extends Message> = C | (() => C | Promise<C>);

/**
 * Read the stream, fold, decide, append at the revision that was read. A version conflict means
 * someone else wrote in between: decide again on fresh state. A command carrying an idempotency
 * key that this stream has already recorded is answered from those events, never decided twice.
 * The cache keeps the folded state between commands, so each reads only what was appended since.
 * A command that lost a race tries again in turn with the others that did (StreamTurns).
 */
export async function handleCommand<C extends Message, E extends Message, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: CommandSource<C>,
  context: CommandContext,
  cache: FoldedStateCache = foldedStateCacheOf(store),
): Promise<CommandOutcome<E>> {
  const turns = streamTurnsOf(store);
  // Behind commands already taking turns a first attempt would only lose the race again.
  const turn: { release?: () => void } = turns.contended(streamId) ? { release: await turns.take(streamId) } : {};
  try {
    return await decideAndAppend(store, streamId, decider, command, context, cache, async () => {
      turn.release ??= await turns.take(streamId);
    });
  } finally {
    turn.release?.();
  }
}

/** One command's attempts; `conflicted` is awaited after each lost race, before the next attempt. */
async function decideAndAppend<C extends Message, E extends Message, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: CommandSource<C>,
  context: CommandContext,
  cache: FoldedStateCache,
  conflicted: () => Promise<void>,
): Promise<CommandOutcome<E>> {
  const idempotent = Boolean(context.idempotencyKey);
  const commandId = commandIdFor(context.actor.personId, context.idempotencyKey, streamId);
  for (let attempt = 1; ; attempt += 1) {
    const { state, last, keyedCommands } = await cache.read(store, streamId, decider);
    const recordedFrom = idempotent ? keyedCommands.get(commandId) : undefined;
    if (recordedFrom !== undefined) {
      // A retry comes soon after the request it repeats, so the stream from there on is short.
      const since = await store.readStream(streamId, { fromRevision: recordedFrom });
      return replay(
        streamId,
        since.filter((event) => event.metadata.causationId === commandId),
        context,
      );
    }

    const decided = decider.decide(typeof command === 'function' ? await command() : command, state);
    if (decided.length === 0) return { streamId, events: [], position: null, replayed: false };

    const metadata: UnchainedMetadata = {
      actor: context.actor,
      occurredAt: context.now,
      correlationId: context.correlationId,
      causationId: commandId,
      reason: context.reason ?? null,
      schemaVersion: EVENT_SCHEMA_VERSION,
      idempotencyKey: context.idempotencyKey ?? null,
      inputHash: context.inputHash ?? null,
    };
    const events = chainEvents(
      streamId,
      last,
      decided.map((event, index) => ({
        id: eventIdFor(commandId, idempotent ? context.inputHash : null, index),
        type: event.type,
        data: event.data,
        metadata,
      })),
    );
    try {
      const result = await store.append(streamId, events, { expectedRevision: last ? last.revision : NO_STREAM });
      return { streamId, events: decided, position: result.position, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= MAX_ATTEMPTS) throw error;
      await conflicted();
    }
  }
}

function replay<E extends Message>(
  streamId: string,
  earlier: StoredEvent[],
  context: CommandContext,
): CommandOutcome<E> {
  const recorded = earlier[0].metadata.inputHash;
  if (
    recorded !== (context.inputHash ?? null) &&
    (context.formerInputHash == null || recorded !== context.formerInputHash)
  ) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      `The idempotency key "${context.idempotencyKey}" was already used for a different request; use a new key for a new request.`,
    );
  }
  return {
    streamId,
    events: earlier.map((event) => ({ type: event.type, data: event.data }) as E),
    position: earlier[earlier.length - 1].position,
    replayed: true,
  };
}
