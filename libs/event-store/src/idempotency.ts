import canonicalize from 'canonicalize';
import { createHash, randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of every id this platform derives, so derived ids never collide with other systems'. */
const NAMESPACE = '6f1d3c9e-5a4b-4f0e-9d2a-8c7b6a5e4d3c';

/**
 * An idempotency key is scoped to the person who sent it and the entity it changes: the same
 * person retrying the same key against the same stream gets the same command id, hence the same
 * event ids, so the store records the events once whichever retry lands first.
 */
export function commandIdFor(personId: string, idempotencyKey: string | null | undefined, streamId: string): string {
  return idempotencyKey ? uuidv5(`command\n${personId}\n${idempotencyKey}\n${streamId}`, NAMESPACE) : randomUUID();
}

/**
 * The input's fingerprint is part of the id: two different inputs sent with one key at the same
 * moment then never look like a retry of each other to the store, and the loser is refused.
 */
export function eventIdFor(commandId: string, inputHash: string | null | undefined, index: number): string {
  return inputHash ? uuidv5(`event\n${commandId}\n${inputHash}\n${index}`, NAMESPACE) : randomUUID();
}

/**
 * The id of an entity a command creates. With an idempotency key it is derived from the person,
 * the key, the kind of entity and `within`: the stream the entity is created in, for one that lives
 * inside another's stream (a task in a workstream). A retry then addresses the same entity, while
 * the same key sent to another stream can never mint an id that is already taken.
 */
export function newEntityId(
  kind: string,
  personId: string,
  idempotencyKey: string | null | undefined,
  within = '',
): string {
  return idempotencyKey
    ? uuidv5(`entity\n${kind}\n${personId}\n${idempotencyKey}\n${within}`, NAMESPACE)
    : randomUUID();
}

/** A stable id derived from a parent id, for parts created with their parent (a group's areas). */
export function childId(parentId: string, kind: string, index: number): string {
  return uuidv5(`${kind}\n${parentId}\n${index}`, NAMESPACE);
}

/**
 * Fingerprint of what was asked, to tell a genuine retry from a key reused for something else. An
 * optional field sent as null means what leaving it out means, so a retry may do either.
 */
export function inputHashOf(operation: string, input: unknown): string {
  return digestOf({ operation, input: withoutNulls(input) });
}

/**
 * A request's fingerprint, and the one a key was recorded with before null and omitted were one
 * (nulls kept), so a retry of a request recorded then, sent as it was, still matches it.
 */
export function inputFingerprintsOf(
  operation: string,
  input: unknown,
): Readonly<{ inputHash: string; formerInputHash: string }> {
  return { inputHash: inputHashOf(operation, input), formerInputHash: digestOf({ operation, input }) };
}

function digestOf(value: unknown): string {
  return createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');
}

/** Objects' null fields left out, however deep; a null in a list keeps its place, which says something. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}
