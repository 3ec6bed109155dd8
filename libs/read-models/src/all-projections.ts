import { peopleProjection } from './access/people.projection';
import { areaFeedProjection } from './area-feed/area-feed.projection';
import { meetingsProjection } from './meetings/meetings.projection';
import { workstreamsProjection } from './workstreams/workstreams.projection';
import { policiesProjection } from './policies/policies.projection';
import { historyProjection } from './history/history.projection';
import { Projection } from './projection';
import { regionalGroupProjection } from './regional-group/regional-group.projection';
import { localArrangementsProjection } from './local-arrangements/local-arrangements.projection';
import { reportsUpProjection } from './reports-up/reports-up.projection';

export const ALL_PROJECTIONS: readonly Projection[] = [
  peopleProjection,
  regionalGroupProjection,
  meetingsProjection,
  workstreamsProjection,
  policiesProjection,
  areaFeedProjection,
  historyProjection,
  localArrangementsProjection,
  reportsUpProjection,
];
