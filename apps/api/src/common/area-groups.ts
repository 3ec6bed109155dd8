import { Injectable } from '@nestjs/common';
import { ActiveGroup } from '@app/domain';
import { MembershipQueries } from '@app/read-models';
import { Actors } from '../auth/actors';

/**
 * The group an area stands in, for a rule that needs it. The store keeps no index by area, so the
 * read model only says which group stream to read; that the area stands in the group is the group
 * stream's own fact, read when asked (inside a command's retry loop, so a retry sees it afresh).
 */
@Injectable()
export class AreaGroups {
  constructor(
    private readonly membership: MembershipQueries,
    private readonly actors: Actors,
  ) {}

  /** The group whose own stream holds the area, or null when none does. */
  async groupOf(areaId: string): Promise<ActiveGroup | null> {
    const groupId = this.membership.groupOfArea(areaId);
    if (!groupId) return null;
    const group = await this.actors.group(groupId);
    return group.status === 'active' && group.areas.some((area) => area.areaId === areaId) ? group : null;
  }
}
