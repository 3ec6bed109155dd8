import { Injectable } from '@nestjs/common';
import { RegionalGroupQueries, TimeView } from '@app/read-models';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { KnownEntities } from '../common/known-entities';
import { LocalArrangement } from './local-arrangement.types';

/** An area's arrangement as a client reads it: the object its fields resolve on, and every area mutation's answer. */
@Injectable()
export class LocalArrangementViews {
  constructor(
    private readonly known: KnownEntities,
    private readonly groups: RegionalGroupQueries,
    private readonly views: GroupTimeViews,
  ) {}

  /** As `view` shows it: today, recorded now, when none is given (a mutation's answer reads its own write). */
  of(areaId: string, view: TimeView = this.views.today()): LocalArrangement {
    const groupId = this.known.area(areaId);
    const area = this.groups.areas([areaId]).get(areaId);
    return {
      id: derivedId('LocalArrangement', areaId),
      area: { id: areaId, name: area?.name ?? areaId },
      asAt: view.on,
      view,
      groupId,
    };
  }
}
