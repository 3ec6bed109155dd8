import { TimeView } from '@app/read-models';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { IsDay, IsDocumentText, IsEntityId, IsLongText, IsShortText } from '../common/input-validators';
import { IdempotentInput } from '../common/idempotency-key.input';
import { BusinessDate } from '../common/business-date';

@ObjectType()
export class PolicyVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  title!: string;

  @Field({ description: 'The text, or a link to it.' })
  body!: string;

  @Field()
  summary!: string;

  @Field()
  effectiveOn!: string;

  @Field()
  reviewOn!: string;
}

@ObjectType()
export class PolicyDraft {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Approved at a quorate meeting and ready to publish.' })
  approved!: boolean;
}

@ObjectType({ description: 'One area’s decision on one version (D1).' })
export class AreaAdoption {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'ADOPTED, ADOPTED_WITH_VARIATION or NOT_ADOPTED.' })
  decision!: string;

  @Field(() => String, { nullable: true })
  variation!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  decidedOn!: string;
}

@ObjectType()
export class PolicyReview {
  @Field()
  reviewedOn!: string;

  @Field()
  outcome!: string;

  @Field(() => String, { nullable: true })
  nextReviewOn!: string | null;
}

@ObjectType({ description: 'A regional policy or procedure (D1).' })
export class Policy {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  /** The title last published by the day seen on, or the draft's before any version was (see the `title` field). */
  recordedTitle!: string;

  @Field(() => ID, { nullable: true })
  workstreamId!: string | null;

  @Field({ description: 'DRAFT (never published), PUBLISHED or RETIRED.' })
  status!: string;

  @Field(() => PolicyDraft, { nullable: true })
  draft!: PolicyDraft | null;

  @Field(() => String, { nullable: true })
  reviewDueOn!: string | null;

  @Field({ description: 'Published, and its review date has passed, as of today (or asAt).' })
  reviewOverdue!: boolean;

  @Field(() => String, { nullable: true })
  retiredReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The day it is seen as at, when asked; null for today.' })
  asAt!: string | null;

  @Field(() => Date, { nullable: true, description: 'The moment it is seen as recorded at, when asked.' })
  asRecordedAt!: Date | null;

  /** The rows its fields see: today, recorded now, unless asked otherwise. */
  view!: TimeView;
}

@ObjectType()
export class Communication {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  cascadeBy!: string;

  @Field()
  restricted!: boolean;
}

@InputType()
export class DraftPolicyInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field()
  @IsShortText()
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The workstream that owns it, if any.' })
  @IsOptional()
  @IsEntityId()
  workstreamId?: string | null;

  @Field({ description: 'The text, or a link to it.' })
  @IsDocumentText()
  body!: string;

  @Field({ defaultValue: '' })
  @IsLongText({ allowEmpty: true })
  summary: string = '';
}

@InputType({ isAbstract: true })
abstract class PolicyInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  policyId!: string;
}

@InputType()
export class RevisePolicyDraftInput extends PolicyInput {
  @Field()
  @IsShortText()
  title!: string;

  @Field()
  @IsDocumentText()
  body!: string;

  @Field({ defaultValue: '' })
  @IsLongText({ allowEmpty: true })
  summary: string = '';
}

@InputType()
export class ApprovePolicyInput extends PolicyInput {
  @Field(() => ID, { description: 'The open, quorate meeting approving it.' })
  @IsEntityId()
  meetingId!: string;

  @Field(() => ID, { description: 'The decision recorded at that meeting.' })
  @IsEntityId()
  decisionId!: string;
}

@InputType()
export class PublishPolicyVersionInput extends PolicyInput {
  @Field()
  @IsDay()
  effectiveOn!: string;

  @Field()
  @IsDay()
  reviewOn!: string;

  @BusinessDate('publishedOn', 'the day the version was published, not before the meeting that approved it')
  publishedOn?: string | null;
}

@InputType()
export class RecordPolicyReviewInput extends PolicyInput {
  @Field({ description: 'NO_CHANGE or REVISION_STARTED.' })
  @IsIn(['NO_CHANGE', 'REVISION_STARTED'], { message: 'outcome is NO_CHANGE or REVISION_STARTED.' })
  outcome!: 'NO_CHANGE' | 'REVISION_STARTED';

  @Field(() => String, { nullable: true, description: 'For NO_CHANGE; 12 months on by default.' })
  @IsOptional()
  @IsDay()
  nextReviewOn?: string | null;
}

@InputType()
export class RetirePolicyInput extends PolicyInput {
  @Field()
  @IsLongText()
  override reason!: string;
}

@InputType()
export class RecordPolicyAdoptionInput extends PolicyInput {
  @Field(() => ID)
  @IsEntityId()
  areaId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version!: number;

  @Field({ description: 'ADOPTED, ADOPTED_WITH_VARIATION (with variation) or NOT_ADOPTED (with notAdoptedReason).' })
  @IsIn(['ADOPTED', 'ADOPTED_WITH_VARIATION', 'NOT_ADOPTED'], {
    message: 'decision is ADOPTED, ADOPTED_WITH_VARIATION or NOT_ADOPTED.',
  })
  decision!: 'ADOPTED' | 'ADOPTED_WITH_VARIATION' | 'NOT_ADOPTED';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLongText()
  variation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the area did not adopt it, for NOT_ADOPTED; reason is kept for why the change is recorded.',
  })
  @IsOptional()
  @IsLongText()
  notAdoptedReason?: string | null;

  @BusinessDate('decidedOn', 'the day the area decided, from the version’s publication to today')
  decidedOn?: string | null;
}

@InputType({
  description:
    'A7: the area’s decision as it should have been recorded; reason says why it is corrected and is required (VALIDATION_FAILED without one).',
})
export class CorrectPolicyAdoptionInput extends PolicyInput {
  @Field(() => ID)
  @IsEntityId()
  areaId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version!: number;

  @Field({ description: 'ADOPTED, ADOPTED_WITH_VARIATION (with variation) or NOT_ADOPTED (with notAdoptedReason).' })
  @IsIn(['ADOPTED', 'ADOPTED_WITH_VARIATION', 'NOT_ADOPTED'], {
    message: 'decision is ADOPTED, ADOPTED_WITH_VARIATION or NOT_ADOPTED.',
  })
  decision!: 'ADOPTED' | 'ADOPTED_WITH_VARIATION' | 'NOT_ADOPTED';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLongText()
  variation?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the area did not adopt it, for NOT_ADOPTED.' })
  @IsOptional()
  @IsLongText()
  notAdoptedReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the day the area decided; the day recorded when not given.',
  })
  @IsOptional()
  @IsDay()
  decidedOn?: string | null;
}

@InputType()
export class IssueRegionalCommunicationInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  groupId!: string;

  @Field()
  @IsShortText()
  title!: string;

  @Field()
  @IsDocumentText()
  body!: string;

  @Field(() => [ID], { description: 'The audience areas.' })
  @ArrayMinSize(1, { message: 'Name at least one audience area.' })
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  areaIds!: string[];

  @Field()
  @IsDay()
  cascadeBy!: string;

  @Field({
    defaultValue: false,
    description:
      "R42: only the group's members, the audience areas' business managers and auditors may read it; anyone else sees that it is there, not what it says.",
  })
  @IsBoolean()
  restricted: boolean = false;
}

@ObjectType({
  description:
    'D1, R43: what recordPolicyAdoption and correctPolicyAdoption answer: the sender’s own area’s decision, and the policy itself only for a sender who may read the group’s business.',
})
export class PolicyAdoptionChange {
  @Field(() => ID)
  policyId!: string;

  @Field(() => AreaAdoption, { description: 'The area’s decision on the version, as recorded.' })
  adoption!: AreaAdoption;

  @Field(() => Policy, {
    nullable: true,
    description:
      'The whole policy with every area’s decision, for a sender who may read the group’s business (its representatives, administrators, auditors); null for anyone else, as the policy query refuses them.',
  })
  policy!: Policy | null;
}
