import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, Matches } from 'class-validator';
import { REQUIREMENT_SCOPES, RequirementScope, SENIORITIES, Seniority } from '@app/domain';
import { BusinessDate } from '../common/business-date';
import { IdempotentInput } from '../common/idempotency-key.input';
import { IsDay, IsEntityId, IsShortText } from '../common/input-validators';
import { Seniority as SeniorityEnum } from './membership.inputs';

export const RequirementScopeEnum = Object.fromEntries(REQUIREMENT_SCOPES.map((s) => [s, s])) as Record<
  RequirementScope,
  RequirementScope
>;
registerEnumType(RequirementScopeEnum, {
  name: 'RequirementScope',
  description:
    'PARTNERS: every area must be covered by a core partner of the type (R3). PARTICIPANTS: every area must have one among its partners or relevant agencies (L1).',
});

@InputType()
export class DefineAgencyTypeInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field({ description: 'Capital letters, digits and underscores, e.g. CAFCASS.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be 2 to 40 capital letters, digits or underscores.' })
  code!: string;

  @Field()
  @IsShortText()
  name!: string;

  @BusinessDate('definedOn', 'the day the group recognised the type')
  definedOn?: string | null;
}

@InputType()
export class RequireAgencyTypeInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field({ description: 'The agency type code, one of agencyTypes or one the group defined.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be 2 to 40 capital letters, digits or underscores.' })
  code!: string;

  @Field({ description: 'YYYY-MM-DD: the commencement; a future date is accepted and gaps appear from it.' })
  @IsDay()
  inForceFrom!: string;

  @Field(() => RequirementScopeEnum)
  @IsIn(REQUIREMENT_SCOPES)
  scope!: RequirementScope;
}

@InputType()
export class SetDelegateMinimumSeniorityInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field(() => SeniorityEnum, { description: 'The least seniority a delegated safeguarding partner should hold.' })
  @IsIn(SENIORITIES)
  seniority!: Seniority;

  @BusinessDate('from', 'the first day the minimum applies')
  from?: string | null;
}

@InputType()
export class RecordPartnershipChairInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field()
  @IsShortText()
  name!: string;

  @Field({ defaultValue: '' })
  @IsShortText({ allowEmpty: true })
  title: string = '';

  @BusinessDate('from', 'the first day in the post')
  from?: string | null;
}
