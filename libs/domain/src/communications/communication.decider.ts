import { Decider, Message } from '../shared/decider';
import { groupDateOf, isIsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { Area } from '../regional-group/regional-group.events';

export const communicationStream = (communicationId: string): string => `communication-${communicationId}`;

/** D5: a message for the areas to cascade by a date; each area acknowledges it through its feed. */
export type CommunicationIssued = Message<
  'CommunicationIssued',
  {
    communicationId: string;
    groupId: string;
    title: string;
    body: string;
    areas: readonly Area[];
    cascadeBy: string;
    /** R42: only for the group's members, these areas and auditors. Absent from events recorded before it existed. */
    restricted?: boolean;
  }
>;
export type CommunicationEvent = CommunicationIssued;

export type IssueRegionalCommunication = Message<
  'IssueRegionalCommunication',
  {
    communicationId: string;
    groupId: string;
    title: string;
    body: string;
    areaIds: readonly string[];
    cascadeBy: string;
    restricted: boolean;
    group: { areas: readonly Area[]; dissolved: boolean };
    actor: Actor;
    now: string;
  }
>;

export const communicationDecider: Decider<IssueRegionalCommunication, CommunicationEvent, { issued: boolean }> = {
  initialState: { issued: false },
  evolve: () => ({ issued: true }),
  decide(command, state) {
    const { actor, communicationId, groupId, areaIds, cascadeBy, restricted, group, now } = command.data;
    if (!actor.roles.some((role) => ['ADMINISTRATOR', 'CHAIR', 'DEPUTY_CHAIR'].includes(role))) {
      throw new DomainError(
        'FORBIDDEN',
        'Regional communications are issued by an administrator, the chair or the deputy chair.',
        {
          requiredRole: 'ADMINISTRATOR, CHAIR or DEPUTY_CHAIR',
        },
      );
    }
    if (state.issued) throw new DomainError('ALREADY_EXISTS', 'That communication is already issued.');
    if (group.dissolved) throw new DomainError('GROUP_DISSOLVED', 'The regional group has been dissolved.');
    const title = command.data.title.trim();
    const body = command.data.body.trim();
    if (!title || !body) throw new DomainError('VALIDATION_FAILED', 'A communication needs a title and a body.');
    if (!isIsoDate(cascadeBy) || cascadeBy < groupDateOf(now))
      throw new DomainError('VALIDATION_FAILED', 'cascadeBy is a date, today or later, written YYYY-MM-DD.');
    const areas = group.areas.filter((area) => areaIds.includes(area.areaId));
    if (areas.length === 0 || areas.length !== new Set(areaIds).size)
      throw new DomainError('NOT_FOUND', 'Name one or more areas of the group as the audience.');
    return [
      { type: 'CommunicationIssued', data: { communicationId, groupId, title, body, areas, cascadeBy, restricted } },
    ];
  },
};
