import { Injectable } from '@nestjs/common';
import { dateOrToday, successorsOf } from '@app/domain';
import { childId } from '@app/event-store';
import { RequestMeta } from '../common/command-gateway';
import { LocalArrangementService } from './local-arrangement.service';
import {
  AppointScrutineerInput,
  PublishScrutinyReportInput,
  RecordScrutinyActivityInput,
  RespondToScrutinyRecommendationInput,
} from './scrutiny.inputs';

/**
 * An area's independent scrutiny (L6): recorded by the area's business manager, by the area's own
 * scrutineers or the group's (read from the group's stream); a recommendation answered by its target
 * partners' own representatives (R9, R41). Each answers the id of the area's group.
 */
@Injectable()
export class ScrutinyService {
  constructor(private readonly areas: LocalArrangementService) {}

  appointScrutineer(input: AppointScrutineerInput, meta: RequestMeta): Promise<string> {
    const scrutineerId = this.areas.newId('scrutineer', input, meta);
    return this.areas.change('appointScrutineer', input, meta, ({ area }) => ({
      type: 'AppointScrutineer',
      data: { ...area, scrutineerId, name: input.name, from: input.from, to: input.to ?? null },
    }));
  }

  recordScrutinyActivity(input: RecordScrutinyActivityInput, meta: RequestMeta): Promise<string> {
    const activityId = this.areas.newId('scrutiny-activity', input, meta);
    return this.areas.change('recordScrutinyActivity', input, meta, ({ area, group }) => ({
      type: 'RecordScrutinyActivity',
      data: {
        ...area,
        activityId,
        scrutineerId: input.scrutineerId,
        examined: input.examined,
        on: dateOrToday(input.on, area.now),
        groupScrutineers: group.scrutineers,
      },
    }));
  }

  publishScrutinyReport(input: PublishScrutinyReportInput, meta: RequestMeta): Promise<string> {
    const reportId = this.areas.newId('scrutiny-report', input, meta);
    return this.areas.change('publishScrutinyReport', input, meta, ({ area, group }) => ({
      type: 'PublishScrutinyReport',
      data: {
        ...area,
        reportId,
        scrutineerId: input.scrutineerId,
        title: input.title,
        publishedOn: dateOrToday(input.publishedOn, area.now),
        recommendations: input.recommendations.map((r, index) => ({
          recommendationId: childId(reportId, 'recommendation', index),
          text: r.text,
          targetPartnerIds: r.targetPartnerIds,
          dueDate: r.dueDate,
        })),
        groupPartnerIds: Object.keys(group.partners),
        groupScrutineers: group.scrutineers,
      },
    }));
  }

  respondToScrutinyRecommendation(input: RespondToScrutinyRecommendationInput, meta: RequestMeta): Promise<string> {
    return this.areas.change('respondToScrutinyRecommendation', input, meta, ({ area, group }) => ({
      type: 'RespondToScrutinyRecommendation',
      data: {
        ...area,
        recommendationId: input.recommendationId,
        partnerId: input.partnerId,
        response: input.response,
        reason: input.reason ?? null,
        respondedOn: input.respondedOn ?? null,
        successors: successorsOf(Object.values(group.partners)),
      },
    }));
  }
}
