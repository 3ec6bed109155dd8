import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  IsDay,
  IsEmailAddress,
  IsEntityId,
  IsFinancialYear,
  IsLongText,
  IsShortText,
} from '../common/input-validators';
import { AGENCY_TYPE_CODES, DEFAULT_TERMS, PLATFORM_ROLES, REPRESENTATIVE_ROLES, SENIORITIES } from '@app/domain';
import { BusinessDate } from '../common/business-date';
import { IdempotentInput } from '../common/idempotency-key.input';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
export const RepresentativeRole = asEnum(REPRESENTATIVE_ROLES);
export const Seniority = asEnum(SENIORITIES);
export const PlatformRoleEnum = asEnum(PLATFORM_ROLES);
registerEnumType(RepresentativeRole, {
  name: 'RepresentativeRole',
  description: 'R17: the capacity in which a representative sits.',
});
registerEnumType(Seniority, { name: 'Seniority' });
registerEnumType(PlatformRoleEnum, { name: 'PlatformRole' });

@InputType({ isAbstract: true })
abstract class GroupChangeInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;
}

@InputType()
export class AdmitCorePartnerInput extends GroupChangeInput {
  @Field()
  @IsShortText()
  name!: string;

  @Field({ description: `One of ${AGENCY_TYPE_CODES.join(', ')}.` })
  @IsString()
  @MaxLength(50)
  agencyType!: string;

  @Field(() => [ID], { description: 'The areas whose arrangements the partner delivers.' })
  @ArrayMinSize(1, { message: 'A core partner covers at least one area.' })
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  areaIds!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  admittedOn!: string;
}

@InputType()
export class ChangePartnerCoverageInput extends GroupChangeInput {
  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'A core partner covers at least one area.' })
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  areaIds!: string[];

  @BusinessDate('changedOn', 'the day the partner’s coverage changed')
  changedOn?: string | null;

  @Field({
    defaultValue: false,
    description: 'Record the change even if it leaves an area without a required agency type.',
  })
  @IsBoolean()
  acceptCoverageGap: boolean = false;
}

@InputType()
export class RecordSuccessionInput extends GroupChangeInput {
  @Field(() => ID, { description: 'The organisation being succeeded.' })
  @IsEntityId()
  predecessorId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A current partner that takes over; omit to record a new organisation by name.',
  })
  @IsOptional()
  @IsEntityId()
  successorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The new organisation’s name, when it is not yet a partner.' })
  @IsOptional()
  @IsShortText()
  successorName?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  effectiveOn!: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  acceptCoverageGap: boolean = false;
}

@InputType()
export class AppointRepresentativeInput extends GroupChangeInput {
  @Field(() => ID, { description: 'A person the platform knows (registerPerson).' })
  @IsEntityId()
  personId!: string;

  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;

  @Field({ description: 'Job title, e.g. Director of Children’s Services.' })
  @IsShortText()
  title!: string;

  @Field(() => RepresentativeRole)
  @IsIn(REPRESENTATIVE_ROLES)
  role!: string;

  @Field(() => Seniority)
  @IsIn(SENIORITIES)
  seniority!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  startDate!: string;
}

@InputType()
export class EndRepresentativeAppointmentInput extends GroupChangeInput {
  @Field(() => ID)
  @IsEntityId()
  appointmentId!: string;

  @Field({ description: 'YYYY-MM-DD: the first day the person no longer represents the partner.' })
  @IsDay()
  endDate!: string;

  @Field()
  @IsLongText()
  override reason!: string;
}

@InputType({ description: 'A7: reason is required for a correction; without one it is refused (VALIDATION_FAILED).' })
export class CorrectAppointmentDatesInput extends GroupChangeInput {
  @Field(() => ID)
  @IsEntityId()
  appointmentId!: string;

  @Field({ description: 'YYYY-MM-DD: the day the appointment really began.' })
  @IsDay()
  startDate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the day it really ended; given for an ended appointment, null for a current one.',
  })
  @IsOptional()
  @IsDay()
  endDate?: string | null;
}

@InputType()
export class AppointChairInput extends GroupChangeInput {
  @Field(() => ID, { description: 'The representative’s appointment.' })
  @IsEntityId()
  appointmentId!: string;

  @BusinessDate('from', 'the day the post was taken up')
  from?: string | null;
}

@InputType()
export class RotateChairInput extends GroupChangeInput {
  @Field(() => ID, { description: 'The new deputy; the current deputy becomes chair.' })
  @IsEntityId()
  newDeputyAppointmentId!: string;

  @BusinessDate('on', 'the day of the rotation')
  on?: string | null;
}

@InputType()
export class AdoptTermsOfReferenceInput extends GroupChangeInput {
  @Field()
  @IsShortText()
  version!: string;

  @Field({ description: 'What changed from the version before.' })
  @IsLongText()
  summary!: string;

  @Field(() => Int, { defaultValue: DEFAULT_TERMS.quorumPercentage })
  @IsInt()
  quorumPercentage: number = DEFAULT_TERMS.quorumPercentage;

  @Field(() => Int, { defaultValue: DEFAULT_TERMS.meetingCadenceMonths })
  @IsInt()
  meetingCadenceMonths: number = DEFAULT_TERMS.meetingCadenceMonths;

  @Field(() => Int, { defaultValue: DEFAULT_TERMS.noticePeriodMonths })
  @IsInt()
  noticePeriodMonths: number = DEFAULT_TERMS.noticePeriodMonths;

  @Field(() => [String], {
    defaultValue: [...DEFAULT_TERMS.statutoryTypesPerArea],
    description: 'Agency types every area must have.',
  })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  statutoryTypesPerArea: string[] = [...DEFAULT_TERMS.statutoryTypesPerArea];

  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  adoptedOn!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the day by which the terms say they are first reviewed, when sooner than a year after adoption (R12); the next review is then due on it.',
  })
  @IsOptional()
  @IsDay()
  firstReviewBy?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  acceptCoverageGap: boolean = false;
}

@InputType()
export class RecordTermsOfReferenceReviewInput extends GroupChangeInput {
  @Field({ description: 'YYYY-MM-DD' })
  @IsDay()
  reviewedOn!: string;

  @Field({ defaultValue: '' })
  @IsLongText({ allowEmpty: true })
  notes: string = '';
}

@ArgsType()
export class FundingArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only this financial year, e.g. 2020/21; anything else is refused (VALIDATION_FAILED).',
  })
  @IsOptional()
  @IsFinancialYear()
  financialYear?: string | null;
}

@InputType()
export class FundingContributionInput extends GroupChangeInput {
  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;

  @Field({ description: 'e.g. 2020/21' })
  @IsFinancialYear()
  financialYear!: string;

  @Field(() => Int, { description: 'In pence.' })
  @IsInt()
  amountPence!: number;

  @Field(() => String, { nullable: true, description: 'A contribution in kind, described.' })
  @IsOptional()
  @IsLongText()
  inKind?: string | null;

  @BusinessDate('on', 'the day the contribution was agreed or changed')
  on?: string | null;
}

@InputType({ description: 'A7: reason is required for a correction; without one it is refused (VALIDATION_FAILED).' })
export class CorrectFundingContributionInput extends GroupChangeInput {
  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;

  @Field({ description: 'e.g. 2020/21' })
  @IsFinancialYear()
  financialYear!: string;

  @Field(() => Int, { description: 'In pence: the amount as it should have been recorded.' })
  @IsInt()
  amountPence!: number;

  @Field(() => String, { nullable: true, description: 'A contribution in kind, described.' })
  @IsOptional()
  @IsLongText()
  inKind?: string | null;
}

@InputType()
export class RegisterPersonInput extends IdempotentInput {
  @Field()
  @IsShortText()
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Their subject at the OIDC provider; defaults to the person id (embedded tokens).',
  })
  @IsOptional()
  @IsShortText()
  subject?: string | null;
}

@InputType()
export class RoleInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  personId!: string;

  @Field(() => PlatformRoleEnum)
  @IsIn(PLATFORM_ROLES)
  role!: string;

  @Field(() => ID, { nullable: true, description: 'Required for AREA_BUSINESS_MANAGER: the one area they act for.' })
  @IsOptional()
  @IsEntityId()
  areaId?: string | null;
}
