import { Inject, Injectable } from '@nestjs/common';
import { Actor, FieldRedacted, redactionDecider, REDACTIONS_STREAM } from '@app/domain';
import { EventStore, occurredAtOf, redactionCommand } from '@app/event-store';
import { CommandGateway, RequestMeta } from '../common/command-gateway';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { Redaction, RedactEventFieldInput } from './redaction.types';

/** A redaction as the redactions stream holds it. */
export type RecordedRedaction = Omit<Redaction, 'id'>;

/**
 * A7's one exception (R40): redactions are decided on the one redactions stream, against the event
 * to redact as the store holds it, read again on every attempt.
 */
@Injectable()
export class RedactionService {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Answers the redaction as recorded, so a retry answers with the first attempt's who and when. */
  async redactEventField(input: RedactEventFieldInput, meta: RequestMeta): Promise<RecordedRedaction> {
    const { events } = await this.gateway.change(
      { operation: 'redactEventField', input, meta },
      null,
      REDACTIONS_STREAM,
      redactionDecider,
      ({ actor }) => redactionCommand(this.store, input, actor),
    );
    const { eventId, field } = events[0].data;
    const recorded = (await this.store.readStream(REDACTIONS_STREAM)).find((event) => {
      const data = event.data as FieldRedacted['data'];
      return data.eventId === eventId && data.field === field;
    });
    if (!recorded) throw new Error(`The redaction of ${field} of event ${eventId} was not read back.`);
    const data = recorded.data as FieldRedacted['data'];
    return {
      eventId,
      streamId: data.streamId,
      field,
      reason: data.reason,
      redactedBy: (recorded.metadata.actor as Actor).personId,
      redactedAt: occurredAtOf(recorded),
    };
  }
}
