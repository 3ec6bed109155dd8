import {
  DomainError,
  FieldForm,
  freeTextFieldsOf,
  redactionDecider,
  RedactionTarget,
  REDACTIONS_STREAM,
  valueAtPath,
} from '@app/domain';
import type { Actor, FieldRedacted, Reanchor, RedactEventField } from '@app/domain';
import { randomBytes } from 'node:crypto';
import { EventStore, StoredEvent } from './event-store';
import { CommandContext, CommandOutcome, handleCommand } from './handle-command';
import { eventHash } from './hash-chain';
import { hashedForm, textDigest } from './sealed-text';

export interface RedactEventFieldInput {
  readonly eventId: string;
  readonly field: string;
  readonly reason: string;
}

/**
 * A7's one exception: records FieldRedacted in the redactions stream, and the store deletes the
 * text and its salt in the same append. A field of an event recorded before free text was sealed
 * is sealed in place under a digest whose salt is thrown away, and the redaction records the
 * hash of the event as it is then, which verification accepts in place of the original.
 */
export async function redactEventField(
  store: EventStore,
  input: RedactEventFieldInput,
  context: CommandContext,
): Promise<CommandOutcome<FieldRedacted>> {
  return handleCommand(
    store,
    REDACTIONS_STREAM,
    redactionDecider,
    await redactionCommand(store, input, context.actor),
    context,
  );
}

/** The command for the redactions stream, with the event to redact as the store holds it now. */
export async function redactionCommand(
  store: EventStore,
  input: RedactEventFieldInput,
  actor: Actor,
): Promise<RedactEventField> {
  if (!store.readEvent) {
    throw new DomainError(
      'NOT_SUPPORTED',
      `The ${store.kind} event store keeps free text inside its events and cannot delete part of one, so it cannot redact; see the README's Redaction section.`,
    );
  }
  const event = await store.readEvent(input.eventId);
  const target = event && targetOf(event);
  const reanchor = event && target?.fields[input.field] === 'plain' ? reanchorOf(event, input.field) : null;
  return {
    type: 'RedactEventField',
    data: { eventId: input.eventId, field: input.field, reason: input.reason, target, reanchor, actor },
  };
}

function targetOf(event: StoredEvent): RedactionTarget {
  const fields: Record<string, FieldForm> = {};
  for (const field of freeTextFieldsOf(event.type)) {
    const sealed = event.texts?.find((text) => text.path === field);
    if (sealed) fields[field] = sealed.salt === null ? 'redacted' : 'sealed';
    else if (typeof valueAtPath(event.data, field) === 'string') fields[field] = 'plain';
  }
  return { streamId: event.streamId, type: event.type, fields };
}

function reanchorOf(event: StoredEvent, field: string): Reanchor {
  const digest = textDigest(randomBytes(32).toString('hex'), String(valueAtPath(event.data, field)));
  const texts = [...(event.texts ?? []), { path: field, digest, salt: null }];
  const sealedHash = eventHash({
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: hashedForm(event.data, texts),
    metadata: event.metadata,
    prevHash: String(event.metadata.prevHash),
  });
  return { digest, hash: String(event.metadata.hash), sealedHash };
}
