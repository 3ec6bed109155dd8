import { Inject, Injectable } from '@nestjs/common';
import { dateOf, DomainError, StatutoryRecorders, statutoryPartnersOfArea } from '@app/domain';
import { MembershipQueries } from '@app/read-models';
import { Clock } from '@app/platform';
import { Actors } from '../auth/actors';
import { CLOCK } from '../infrastructure/injection-tokens';

/** What a command for an area needs to know about who may record it, read when the command is handled. */
@Injectable()
export class AreaFacts {
  constructor(
    private readonly membership: MembershipQueries,
    private readonly actors: Actors,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The group the area belongs to; NOT_FOUND for an id that names no area. */
  groupOf(areaId: string): string {
    const groupId = this.membership.groupOfArea(areaId);
    if (!groupId) throw new DomainError('NOT_FOUND', `There is no area with id ${areaId}.`);
    return groupId;
  }

  async managedAreaIds(personId: string): Promise<string[]> {
    return this.actors.managedAreaIds(await this.actors.access(), personId);
  }

  /** L5: the area's business managers and the statutory partners that cover it today, from the streams. */
  async statutoryRecorders(areaId: string, groupId: string, personId: string): Promise<StatutoryRecorders> {
    const group = await this.actors.group(groupId);
    const today = dateOf(this.clock.now().toISOString());
    return {
      managedAreaIds: await this.managedAreaIds(personId),
      statutoryPartnerIds: group.status === 'active' ? statutoryPartnersOfArea(group, areaId, today) : [],
    };
  }
}
