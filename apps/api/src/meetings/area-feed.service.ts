import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { AreaFeedQueries, decodeCursor } from '@app/read-models';
import { RequestMeta } from '../common/command-gateway';
import { LocalArrangementService } from '../local-arrangements/local-arrangement.service';
import { AcknowledgeFeedItemInput } from './area-feed.inputs';

/** What an area does with what flowed down to it (L3), written to the area's own stream by the area's one path. */
@Injectable()
export class AreaFeedService {
  constructor(
    private readonly areas: LocalArrangementService,
    private readonly feeds: AreaFeedQueries,
  ) {}

  /** The area's business manager acknowledges one item; answers the item's position in the feed. */
  async acknowledge(input: AcknowledgeFeedItemInput, meta: RequestMeta): Promise<number> {
    const position = decodeCursor(input.cursor);
    if (position === null) throw new DomainError('VALIDATION_FAILED', 'The cursor is not one this API gave out.');
    await this.areas.change('acknowledgeFeedItem', input, meta, ({ area }) => ({
      type: 'AcknowledgeFeedItem',
      data: { ...area, position, itemExists: this.feeds.feedItemAt(area.areaId, position) !== undefined },
    }));
    return position;
  }
}
