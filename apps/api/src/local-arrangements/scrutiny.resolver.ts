import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isRecommendationOverdue, participatesOn } from '@app/domain';
import { LocalArrangementQueries, ScrutinyReportRow } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { requestMeta } from '../common/command-gateway';
import { derivedId } from '../common/derived-id';
import { GraphqlContext } from '../graphql/graphql-context';
import { LocalArrangement } from './local-arrangement.types';
import { LocalArrangementViews } from './local-arrangement.view';
import {
  AppointScrutineerInput,
  PublishScrutinyReportInput,
  RecordScrutinyActivityInput,
  RespondToScrutinyRecommendationInput,
} from './scrutiny.inputs';
import { ScrutinyService } from './scrutiny.service';
import { Scrutineer, ScrutinyActivity, ScrutinyReport } from './scrutiny.types';

/** L6: scrutiny reports as read, each recommendation overdue or not on `on` by R9's rule. */
export function toScrutinyReports(rows: readonly ScrutinyReportRow[], on: string): ScrutinyReport[] {
  return rows.map(({ reportId, ...report }) => ({
    ...report,
    id: reportId,
    recommendations: report.recommendations.map(({ recommendationId, responses, ...recommendation }) => {
      const latest = recommendation.targetPartnerIds.map(
        (partnerId) => responses.filter((r) => r.partnerId === partnerId).at(-1)?.response ?? null,
      );
      return {
        ...recommendation,
        id: recommendationId,
        overdue: isRecommendationOverdue(latest, recommendation.dueDate, on),
        responses: responses.map((response, index) => ({
          ...response,
          id: derivedId('ScrutinyResponse', recommendationId, index),
        })),
      };
    }),
  }));
}

/**
 * An area's independent scrutiny (L6): recorded by the area's business manager; a recommendation
 * answered by its target partners' own representatives (R9, R41).
 */
@Resolver(() => LocalArrangement)
export class ScrutinyResolver {
  constructor(
    private readonly service: ScrutinyService,
    private readonly arrangements: LocalArrangementViews,
    private readonly records: LocalArrangementQueries,
  ) {}

  @ResolveField(() => [Scrutineer], {
    description: 'L6: every scrutineer appointed by the view; `current` on its day.',
  })
  scrutineers(@Parent() arrangement: LocalArrangement): Scrutineer[] {
    return this.records.scrutineers(arrangement.area.id, arrangement.view).map(({ scrutineerId, ...row }) => ({
      ...row,
      id: scrutineerId,
      current: participatesOn(row, arrangement.view.on),
    }));
  }

  @ResolveField(() => [ScrutinyActivity], { description: 'L6: what the scrutineers examined by the day seen on.' })
  scrutinyActivities(@Parent() arrangement: LocalArrangement): ScrutinyActivity[] {
    return this.records.scrutinyActivities(arrangement.area.id, arrangement.view).map(({ activityId, ...row }) => ({
      ...row,
      id: activityId,
    }));
  }

  @ResolveField(() => [ScrutinyReport], { description: 'L6: reports published by the day seen on, with responses.' })
  scrutinyReports(@Parent() arrangement: LocalArrangement): ScrutinyReport[] {
    return toScrutinyReports(this.records.scrutinyReports(arrangement.area.id, arrangement.view), arrangement.view.on);
  }

  @Mutation(() => LocalArrangement, { description: "The area's business manager. L6: an independent scrutineer." })
  async appointScrutineer(
    @Args('input') input: AppointScrutineerInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.appointScrutineer(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, { description: "The area's business manager. L6: what a scrutineer examined." })
  async recordScrutinyActivity(
    @Args('input') input: RecordScrutinyActivityInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.recordScrutinyActivity(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, {
    description: "The area's business manager. L6: a scrutiny report with recommendations to partners of the group.",
  })
  async publishScrutinyReport(
    @Args('input') input: PublishScrutinyReportInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.publishScrutinyReport(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }

  @Mutation(() => LocalArrangement, {
    description:
      'A representative of a target partner, for that partner only (R9, R41): a response to a scrutiny recommendation.',
  })
  async respondToScrutinyRecommendation(
    @Args('input') input: RespondToScrutinyRecommendationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalArrangement> {
    await this.service.respondToScrutinyRecommendation(input, requestMeta(identity, context));
    return this.arrangements.of(input.areaId);
  }
}
