import { Inject, Injectable } from '@nestjs/common';
import { dateOrToday, knownAgencyTypeCodes, workstreamDecider, workstreamStream } from '@app/domain';
import { EventStore, readState } from '@app/event-store';
import { RequestMeta } from '../common/command-gateway';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import {
  EndRelevantAgencyInput,
  PublishArrangementsInput,
  RecordArrangementsImplementedInput,
  RecordLocalGroupInput,
  RecordRelevantAgencyInput,
  RecordSecretaryOfStateNotifiedInput,
} from './local-arrangement.inputs';
import { LocalArrangementService } from './local-arrangement.service';

/** An area's own arrangement (L1, L4), recorded by its business manager only, never by the region (R11). */
@Injectable()
export class AreaRecordsService {
  constructor(
    private readonly areas: LocalArrangementService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** R2: the agency type must be one the area's group knows. */
  recordRelevantAgency(input: RecordRelevantAgencyInput, meta: RequestMeta): Promise<string> {
    const agencyId = this.areas.newId('relevant-agency', input, meta);
    return this.areas.change('recordRelevantAgency', input, meta, ({ area, group }) => ({
      type: 'RecordRelevantAgency',
      data: {
        ...area,
        agencyId,
        name: input.name,
        agencyType: input.agencyType,
        from: input.from,
        to: input.to ?? null,
        knownAgencyTypes: knownAgencyTypeCodes(group.definedAgencyTypes),
      },
    }));
  }

  endRelevantAgency(input: EndRelevantAgencyInput, meta: RequestMeta): Promise<string> {
    return this.areas.change('endRelevantAgency', input, meta, ({ area }) => ({
      type: 'EndRelevantAgency',
      data: { ...area, agencyId: input.agencyId, to: input.to },
    }));
  }

  /** Each link is checked against the workstream's own stream: it must exist and be the area's group's. */
  recordLocalGroup(input: RecordLocalGroupInput, meta: RequestMeta): Promise<string> {
    const localGroupId = this.areas.newId('local-group', input, meta);
    return this.areas.change('recordLocalGroup', input, meta, async ({ area, group }) => {
      const linked = await Promise.all(
        input.workstreamIds.map((id) => readState(this.store, workstreamStream(id), workstreamDecider)),
      );
      return {
        type: 'RecordLocalGroup',
        data: {
          ...area,
          localGroupId,
          name: input.name,
          kind: input.kind,
          meetingsPerYear: input.meetingsPerYear,
          workstreamIds: input.workstreamIds,
          groupWorkstreamIds: input.workstreamIds.filter(
            (_, index) => linked[index].status !== 'NONE' && linked[index].groupId === group.groupId,
          ),
        },
      };
    });
  }

  publishArrangements(input: PublishArrangementsInput, meta: RequestMeta): Promise<string> {
    return this.areas.change('publishArrangements', input, meta, ({ area }) => ({
      type: 'PublishArrangements',
      data: {
        ...area,
        version: input.version,
        publishedOn: input.publishedOn,
        secretaryOfStateNotifiedOn: input.secretaryOfStateNotifiedOn ?? null,
      },
    }));
  }

  recordSecretaryOfStateNotified(input: RecordSecretaryOfStateNotifiedInput, meta: RequestMeta): Promise<string> {
    return this.areas.change('recordSecretaryOfStateNotified', input, meta, ({ area }) => ({
      type: 'RecordSecretaryOfStateNotified',
      data: { ...area, version: input.version, notifiedOn: dateOrToday(input.notifiedOn, area.now) },
    }));
  }

  recordArrangementsImplemented(input: RecordArrangementsImplementedInput, meta: RequestMeta): Promise<string> {
    return this.areas.change('recordArrangementsImplemented', input, meta, ({ area }) => ({
      type: 'RecordArrangementsImplemented',
      data: { ...area, version: input.version, implementedOn: dateOrToday(input.implementedOn, area.now) },
    }));
  }
}
