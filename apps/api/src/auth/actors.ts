import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_STREAM,
  accessDecider,
  AccessState,
  Actor,
  currentAppointments,
  DomainError,
  managedAreaIdsOf,
  regionalGroupDecider,
  RegionalGroupState,
  regionalGroupStream,
  rolesOf,
} from '@app/domain';
import { EventStore, readState } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { Identity } from './identity';
import { GroupTimeViews } from '../common/group-time-views';

/**
 * What a person may do follows from the platform's own events, read from the streams at the
 * moment a command is handled rather than from a possibly lagging read model.
 */
@Injectable()
export class Actors {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly views: GroupTimeViews,
  ) {}

  /** The group an entity belongs to, from the first event of its stream (a meeting, workstream or policy). */
  async groupOfStream(streamId: string, notFound: string): Promise<string> {
    const [first] = await this.store.readStream(streamId, { limit: 1 });
    const groupId = (first?.data as { groupId?: string } | undefined)?.groupId;
    if (!groupId) throw new DomainError('NOT_FOUND', notFound);
    return groupId;
  }

  async group(groupId: string): Promise<RegionalGroupState> {
    return await readState(this.store, regionalGroupStream(groupId), regionalGroupDecider);
  }

  /** The areas a person is business manager for. */
  managedAreaIds(access: AccessState, personId: string): string[] {
    return managedAreaIdsOf(access, personId);
  }

  async access(): Promise<AccessState> {
    return await readState(this.store, ACCESS_STREAM, accessDecider);
  }

  /**
   * Platform roles, plus, for a command to a regional group, the partner the person represents
   * there and the group roles that follow (REPRESENTATIVE, CHAIR, DEPUTY_CHAIR): who acted, as A1 asks.
   */
  async actorFor(identity: Identity, groupId?: string): Promise<Actor> {
    const roles: string[] = rolesOf(await this.access(), identity.personId);
    if (!groupId) return { personId: identity.personId, partnerId: null, roles };
    const group = await this.group(groupId);
    if (group.status !== 'active') return { personId: identity.personId, partnerId: null, roles };
    const appointment = currentAppointments(group, this.views.today().on).find((a) => a.personId === identity.personId);
    if (!appointment) return { personId: identity.personId, partnerId: null, roles };
    if (group.chair === appointment.appointmentId) roles.push('CHAIR');
    if (group.deputyChair === appointment.appointmentId) roles.push('DEPUTY_CHAIR');
    return { personId: identity.personId, partnerId: appointment.partnerId, roles: [...roles, 'REPRESENTATIVE'] };
  }
}
