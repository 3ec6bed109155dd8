import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsDay } from './input-validators';

/**
 * The day a fact happened in the world, apart from when the platform records it: optional, and
 * today in the group's time zone (Europe/London) when left out, so history can be entered later.
 */
export function BusinessDate(name: string, what: string): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, description: `YYYY-MM-DD: ${what}. Today (Europe/London) when omitted.` }),
    IsOptional(),
    IsDay(name),
  );
}
