import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { LONG_TEXT_MAX } from '@app/domain';
import { HoldsNoIdentifyingData, IsLongText } from './input-validators';

/**
 * Every mutation input extends this: a retry with the same key is recorded once, and the reason
 * given for the change is recorded in the metadata of every event it makes (A1).
 */
@InputType({ isAbstract: true })
export abstract class IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Any string of 8 to 100 letters, digits, "-" or "_" chosen by the client. Sending the same key and input again returns the first result without recording anything twice; the same key with a different input is refused with IDEMPOTENCY_KEY_REUSED. It is recorded with the events, so a key that is an NHS number is refused with IDENTIFYING_DATA (R40).',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'idempotencyKey must be 8 to 100 letters, digits, "-" or "_".' })
  // Recorded in every event's metadata: ten digits can be an NHS number (R40).
  @HoldsNoIdentifyingData({ key: true })
  idempotencyKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Why the change is made, up to ${LONG_TEXT_MAX} characters: recorded with its events and shown in their history.`,
  })
  @IsOptional()
  @IsLongText()
  reason?: string | null;
}
