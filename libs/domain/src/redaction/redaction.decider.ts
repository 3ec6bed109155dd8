import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { freeTextFieldsOf } from './free-text-fields';

/** Every redaction is recorded in this one stream, so redactions of one event are decided one at a time. */
export const REDACTIONS_STREAM = 'redactions';
export const FIELD_REDACTED = 'FieldRedacted';
/** What every view shows in place of redacted text. */
export const REDACTED_TEXT = '[redacted]';

/**
 * For an event recorded before free text was sealed, whose hash covers the plain text: its hash,
 * and the hash of its content once the field is sealed (`digest` in its place), which verification
 * accepts in place of the original from then on.
 */
export type Reanchor = Readonly<{ digest: string; hash: string; sealedHash: string }>;

/** A7's one exception: the text of `field` of event `eventId` is deleted; who and when are in the metadata. */
export type FieldRedacted = Message<
  'FieldRedacted',
  { eventId: string; streamId: string; field: string; reason: string; reanchor: Reanchor | null }
>;
export type RedactionEvent = FieldRedacted;

/** How a free-text field of the event to redact is held now. */
export type FieldForm = 'sealed' | 'plain' | 'redacted';

/** The event to redact as the store holds it, read by the handler; null when no event has that id. */
export type RedactionTarget = Readonly<{
  streamId: string;
  type: string;
  /** Each free-text field holding text or redacted, and how. */
  fields: Readonly<Record<string, FieldForm>>;
}>;

export type RedactEventField = Message<
  'RedactEventField',
  {
    eventId: string;
    field: string;
    reason: string;
    target: RedactionTarget | null;
    /** Worked out by the handler for a field held in plain form; null otherwise. */
    reanchor: Reanchor | null;
    actor: Actor;
  }
>;

/** The fields redacted so far, by event id. */
export type RedactionState = Readonly<Record<string, readonly string[]>>;

export const redactionDecider: Decider<RedactEventField, RedactionEvent, RedactionState> = {
  initialState: {},
  evolve: (state, event) => ({
    ...state,
    [event.data.eventId]: [...(state[event.data.eventId] ?? []), event.data.field],
  }),
  decide(command, state) {
    const { eventId, field, reason, target, reanchor, actor } = command.data;
    if (!actor.roles.includes('ADMINISTRATOR')) {
      throw new DomainError('FORBIDDEN', 'Only an administrator redacts recorded text.', {
        requiredRole: 'ADMINISTRATOR',
      });
    }
    if (!target) throw new DomainError('NOT_FOUND', `No event has the id ${eventId}.`);
    const declared = freeTextFieldsOf(target.type);
    if (!declared.includes(field)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        declared.length === 0
          ? `A ${target.type} event holds no free text to redact.`
          : `${field} is not a free-text field of a ${target.type} event; its free-text fields are ${declared.join(', ')}.`,
      );
    }
    const redacted = state[eventId] ?? [];
    if (redacted.includes(field)) {
      throw new DomainError('ALREADY_REDACTED', `${field} of event ${eventId} is already redacted.`);
    }
    const form = target.fields[field];
    if (form === undefined) {
      throw new DomainError('VALIDATION_FAILED', `${field} of event ${eventId} holds no text.`);
    }
    // The handler read the event before this stream: a redaction recorded in between shows as a difference.
    const heldRedacted = Object.keys(target.fields).filter((name) => target.fields[name] === 'redacted');
    if (heldRedacted.length !== redacted.length || heldRedacted.some((name) => !redacted.includes(name))) {
      throw new DomainError('CONFLICT', `Event ${eventId} was redacted while this redaction was decided; try again.`);
    }
    if (form === 'plain' && !reanchor) throw new Error('A field held in plain form is redacted with a reanchor.');
    return [
      {
        type: FIELD_REDACTED,
        data: { eventId, streamId: target.streamId, field, reason, reanchor: form === 'plain' ? reanchor : null },
      },
    ];
  },
};
