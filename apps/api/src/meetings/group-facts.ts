import { Inject, Injectable } from '@nestjs/common';
import { currentAppointments, currentPartners, dateOf, DomainError, GroupFacts, termsInForceOn } from '@app/domain';
import { Clock } from '@app/platform';
import { Actors } from '../auth/actors';
import { CLOCK } from '../infrastructure/injection-tokens';

/** What a meeting command needs to know of its group today, read from the group's own stream. */
@Injectable()
export class GroupFactsReader {
  constructor(
    private readonly actors: Actors,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async factsOf(groupId: string): Promise<GroupFacts> {
    const group = await this.actors.group(groupId);
    if (group.status !== 'active') throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    const today = dateOf(this.clock.now().toISOString());
    return {
      dissolved: group.dissolvedAt !== null,
      areas: group.areas,
      currentPartners: currentPartners(group).map(({ partnerId, name }) => ({ partnerId, name })),
      currentRepresentatives: currentAppointments(group, today).map(({ appointmentId, personId, name, partnerId }) => ({
        appointmentId,
        personId,
        name,
        partnerId,
        partnerName: group.partners[partnerId].name,
      })),
      quorumPercentage: termsInForceOn(group, today).quorumPercentage,
      chairPartnerId: group.chair ? group.appointments[group.chair].partnerId : null,
    };
  }
}
