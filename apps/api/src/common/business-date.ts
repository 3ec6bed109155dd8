import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsDay } from './input-validators';

const TODAY_WHEN_OMITTED = 'Today (Europe/London) when omitted.';

/**
 * The day a fact happened in the world, apart from when the platform records it: optional, and
 * today in the group's time zone (Europe/London) when left out, so history can be entered later.
 * `omitted` says what it is left out otherwise, for a day that is not today when it is.
 */
export function BusinessDate(name: string, what: string, omitted = TODAY_WHEN_OMITTED): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, description: `YYYY-MM-DD: ${what}. ${omitted}` }),
    IsOptional(),
    IsDay(name),
  );
}
