import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import {
  MeetingQueries,
  MembershipQueries,
  PeopleQueries,
  PolicyQueries,
  RegionalGroupQueries,
  WorkstreamQueries,
} from '@app/read-models';

/** The refusal of an id that names no area, wherever that is found out. */
export function unknownArea(areaId: string): DomainError {
  return new DomainError('NOT_FOUND', `There is no area with id ${areaId}.`);
}

/**
 * The ids a query or subscription is asked about must name something, or it is refused with
 * NOT_FOUND: an empty answer would read as "nothing has happened there" when the client has a
 * wrong id. Queries answer from the read models, so that is where these look.
 */
@Injectable()
export class KnownEntities {
  constructor(
    private readonly groups: RegionalGroupQueries,
    private readonly membership: MembershipQueries,
    private readonly people: PeopleQueries,
    private readonly workstreams: WorkstreamQueries,
    private readonly meetings: MeetingQueries,
    private readonly policies: PolicyQueries,
  ) {}

  group(groupId: string): void {
    if (!this.groups.byId(groupId))
      throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
  }

  /** Answers the id of the area's group, which names the group stream a command for the area reads. */
  area(areaId: string): string {
    const groupId = this.membership.groupOfArea(areaId);
    if (!groupId) throw unknownArea(areaId);
    return groupId;
  }

  /**
   * An area of `groupId`, named by the argument `field`: another group's area is refused as an
   * unknown one, since filtering the group's business by it could only answer "nothing".
   */
  areaOfGroup(areaId: string, groupId: string, field: string): void {
    if (this.membership.groupOfArea(areaId) !== groupId)
      throw new DomainError('NOT_FOUND', `The group has no area with id ${areaId}.`, { field });
  }

  /** A core partner, of the given group when one is named. */
  partner(partnerId: string, groupId?: string): void {
    const partner = this.membership.partners([partnerId]).get(partnerId);
    if (!partner || (groupId !== undefined && partner.groupId !== groupId))
      throw new DomainError(
        'NOT_FOUND',
        groupId === undefined
          ? `There is no core partner with id ${partnerId}.`
          : `The group has no core partner with id ${partnerId}.`,
      );
  }

  person(personId: string): void {
    if (!this.people.byId(personId))
      throw new DomainError('NOT_FOUND', `The platform knows nobody with person id ${personId}.`);
  }

  workstream(workstreamId: string): void {
    if (!this.workstreams.workstream(workstreamId))
      throw new DomainError('NOT_FOUND', `There is no workstream with id ${workstreamId}.`);
  }

  /** What can flow down to areas: minutes (a meeting), a workstream, a policy, a notice or a communication. */
  feedSubject(subjectId: string, itemsInFeeds: number): void {
    if (itemsInFeeds > 0) return;
    if (this.meetings.meeting(subjectId) || this.workstreams.workstream(subjectId) || this.policies.policy(subjectId))
      return;
    throw new DomainError(
      'NOT_FOUND',
      `There are no minutes, workstream, policy, notice or communication with id ${subjectId}.`,
    );
  }
}
