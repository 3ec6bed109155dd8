import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The longest reason a change may give; an input that also requires a reason may set its own limit. */
export const REASON_MAX_LENGTH = 5_000;

/**
 * Every mutation input extends this: a retry with the same key is recorded once, and the reason
 * given for the change is recorded in the metadata of every event it makes (A1).
 */
@InputType({ isAbstract: true })
export abstract class IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Any string of 8 to 100 letters, digits, "-" or "_" chosen by the client. Sending the same key and input again returns the first result without recording anything twice; the same key with a different input is refused with IDEMPOTENCY_KEY_REUSED.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'idempotencyKey must be 8 to 100 letters, digits, "-" or "_".' })
  idempotencyKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Why the change is made, in up to ${REASON_MAX_LENGTH} characters: recorded with its events and shown in their history.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must contain a visible character when given.' })
  reason?: string | null;
}
