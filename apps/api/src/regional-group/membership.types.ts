import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TimeView } from '@app/read-models';
import { LocalArea, RegionalGroup } from './regional-group.types';

@ObjectType({
  description: 'A kind of organisation. Which kinds every area needs is set by each group’s terms of reference.',
})
export class AgencyType {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'A statutory safeguarding partner under the law as it stands.' })
  statutory!: boolean;
}

@ObjectType({ description: 'An organisation that is, or was, a core partner of a regional group (R2).' })
export class CorePartner {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Agency type code, e.g. LOCAL_AUTHORITY, HEALTH, POLICE.' })
  agencyTypeCode!: string;

  @Field({ description: 'YYYY-MM-DD' })
  admittedOn!: string;

  @Field({ description: 'A member on the day seen on: false before admission and once succeeded or gone.' })
  current!: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD on which a successor took over.' })
  succeededOn!: string | null;

  succeededById!: string | null;
  groupId!: string;
  /** The day and recording position its fields are seen in. */
  view!: TimeView;
}

@ObjectType({ description: 'A named person representing a core partner on the group (R4, R17).' })
export class Representative {
  @Field(() => ID, { description: 'The appointment: a person who represents partners twice has two.' })
  id!: string;

  @Field(() => ID, { description: 'The same as id: the name inputs such as appointChair use.' })
  appointmentId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  name!: string;

  @Field()
  title!: string;

  @Field({ description: 'LEAD_SAFEGUARDING_PARTNER, DELEGATED_SAFEGUARDING_PARTNER or MEMBER.' })
  role!: string;

  @Field({ description: 'CHIEF_OFFICER, DIRECTOR, DEPUTY_DIRECTOR, HEAD_OF_SERVICE or OTHER.' })
  seniority!: string;

  @Field({ description: 'YYYY-MM-DD' })
  startDate!: string;

  @Field({
    description:
      'YYYY-MM-DD: the day the person began to represent the partner seen, the startDate unless a successor took the seat over later (R16: an ICB from 1 July 2022 for a seat held since 2019 in its CCG).',
  })
  partnerSince!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field({ description: 'Whether the appointment held a seat on the day seen on (today unless asAt).' })
  current!: boolean;

  partnerId!: string;
  view!: TimeView;
}

@ObjectType({
  description: 'R3: the statutory agency types an area has among current core partners, and those it lacks.',
})
export class AreaCoverage {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalArea)
  area!: LocalArea;

  @Field(() => [String])
  covered!: string[];

  @Field(() => [String])
  missing!: string[];
}

@ObjectType({ description: 'An area left without a required agency type.' })
export class CoverageGap {
  @Field(() => ID)
  areaId!: string;

  @Field()
  areaName!: string;

  @Field()
  agencyType!: string;
}

@ObjectType({ description: 'R7: how many representatives make a meeting quorate, from today’s membership and terms.' })
export class QuorumRule {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  percentage!: number;

  @Field(() => Int)
  representativeCount!: number;

  @Field(() => Int)
  required!: number;

  @Field({
    description:
      "R7, R12: true when no terms of reference are in force on the day seen on, so the percentage is the platform's default rather than the group's own.",
  })
  platformDefault!: boolean;
}

@ObjectType()
export class TermsOfReferenceVersion {
  @Field(() => ID)
  id!: string;

  @Field()
  version!: string;

  @Field()
  summary!: string;

  @Field(() => Int)
  quorumPercentage!: number;

  @Field(() => Int)
  meetingCadenceMonths!: number;

  @Field(() => Int)
  noticePeriodMonths!: number;

  @Field(() => [String])
  statutoryTypesPerArea!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  adoptedOn!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the day the terms named for their first review, if sooner than a year after adoption (R12).',
  })
  firstReviewBy!: string | null;
}

export enum ReviewStatus {
  NOT_ADOPTED = 'NOT_ADOPTED',
  NOT_DUE = 'NOT_DUE',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'DUE: the review date falls within the coming month; OVERDUE: it has passed.',
});

@ObjectType()
export class TermsOfReferenceReview {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'YYYY-MM-DD' })
  reviewedOn!: string;

  @Field()
  notes!: string;
}

@ObjectType({ description: 'R12: the terms in force, their history, and when the next review falls due.' })
export class TermsOfReference {
  @Field(() => ID)
  id!: string;

  @Field(() => TermsOfReferenceVersion, { nullable: true })
  inForce!: TermsOfReferenceVersion | null;

  @Field(() => [TermsOfReferenceVersion])
  versions!: TermsOfReferenceVersion[];

  @Field(() => [TermsOfReferenceReview])
  reviews!: TermsOfReferenceReview[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: 12 months after the last review or adoption.' })
  nextReviewDue!: string | null;

  @Field(() => ReviewStatus)
  reviewStatus!: ReviewStatus;
}

@ObjectType({ description: 'R15: a partner’s contribution for a financial year.' })
export class FundingContribution {
  @Field(() => ID)
  id!: string;

  @Field()
  financialYear!: string;

  @Field(() => Int, { description: 'In pence.' })
  amountPence!: number;

  @Field(() => String, { nullable: true })
  inKind!: string | null;

  @Field({ description: 'Changed by the partner without the group’s agreement.' })
  unilateral!: boolean;

  @Field({ description: 'YYYY-MM-DD: the day it was agreed or changed.' })
  validFrom!: string;

  partnerId!: string;
  view!: TimeView;
}

export enum ChairPost {
  CHAIR = 'CHAIR',
  DEPUTY_CHAIR = 'DEPUTY_CHAIR',
}
registerEnumType(ChairPost, { name: 'ChairPost' });

@ObjectType({ description: 'The group after a change, and what the change did beyond itself.' })
export class RegionalGroupChange {
  @Field(() => RegionalGroup)
  group!: RegionalGroup;

  @Field(() => [CoverageGap], {
    description: 'Areas the change left without a required agency type (accepted with acceptCoverageGap).',
  })
  coverageGapsCreated!: CoverageGap[];

  @Field(() => [ChairPost], { description: 'Posts the change left vacant.' })
  postsVacated!: ChairPost[];
}
