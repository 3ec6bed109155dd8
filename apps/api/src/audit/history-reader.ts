import { Inject, Injectable } from '@nestjs/common';
import { checkHistoryWindow, DomainError, requireHistoryReader } from '@app/domain';
import {
  historyCursorOrder,
  HistoryEventRow,
  HistoryFilter,
  HistoryOrder,
  HistoryQueries,
  PeopleQueries,
  streamEntity,
} from '@app/read-models';
import { CLOCK, Clock } from '@app/platform';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { ConnectionShape, toConnection } from '../common/connection';
import { KnownEntities } from '../common/known-entities';
import { HistoryEvent, HistoryKind, HistoryRecord } from './history.types';

const ORDER_NAMES: Readonly<Record<HistoryOrder, string>> = {
  RECORDED: 'the order recorded',
  HAPPENED: 'the order things happened',
};

/**
 * A cursor keeps its place in one order only: read in the other it would skip or repeat events, so it
 * is refused in words that say which order it belongs to.
 */
function checkCursorOrder(after: string | null, order: HistoryOrder): void {
  const issuedIn = after === null ? null : historyCursorOrder(after);
  if (issuedIn === null || issuedIn === order) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    `The "after" cursor was given out for the history in ${ORDER_NAMES[issuedIn]} (order ${issuedIn}), not in ${ORDER_NAMES[order]}: ask again with order ${issuedIn}, or without "after" to start from the first page.`,
    { field: 'after', cursorOrder: issuedIn },
  );
}

const distinct = (ids: readonly (string | null)[]): string[] =>
  [...new Set(ids)].filter((id): id is string => id !== null);

/**
 * The record an event's stream holds, by the names the history keeps; null for a stream that holds none.
 * A restricted item's name is its title, part of what it says, so it goes only to who may read it (R42).
 */
function recordOf(row: HistoryEventRow, restricted: boolean): HistoryRecord | null {
  const { entityId } = streamEntity(row.streamId);
  if (entityId === null) return null;
  const name = restricted ? null : row.recordName;
  return { id: entityId, groupId: row.recordGroupId, name, startsAt: row.recordStartsAt };
}

/**
 * R42, R43: of an event whose content the reader may not see (restricted, or an area's reports or a
 * workstream's tasks they may not read), that it happened, by whom and when; not what it says. The
 * record's name is withheld only for a restricted item: an area's or a workstream's name is read with
 * the group's business.
 */
function toHistoryEvent(row: HistoryEventRow, restricted: boolean, outOfScope: boolean): HistoryEvent {
  const withheld = restricted || outOfScope;
  return {
    id: row.eventId,
    position: row.position,
    kind: row.kind as HistoryKind,
    streamId: row.streamId,
    record: recordOf(row, restricted),
    type: row.type,
    data: withheld ? '{}' : row.data,
    withheld,
    actor: {
      personId: row.actorPersonId,
      name: row.actorName,
      partnerId: row.actorPartnerId,
      partnerName: row.actorPartnerName,
      roles: JSON.parse(row.actorRoles) as string[],
    },
    happenedOn: row.happenedOn,
    recordedAt: row.recordedAt,
    reason: withheld ? null : row.reason,
  };
}

/** The one way the API reads history: for auditors and administrators, over a valid window. */
@Injectable()
export class HistoryReader {
  constructor(
    private readonly history: HistoryQueries,
    private readonly people: PeopleQueries,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * An unknown partner, person, or entity no event has ever concerned is NOT_FOUND, so a wrong id is
   * told apart from a quiet one; a known id whose filter matches nothing gives an empty page.
   */
  async read(
    identity: Identity,
    filter: HistoryFilter,
    first: number,
    after: string | null,
    order: HistoryOrder,
  ): Promise<ConnectionShape<HistoryEvent>> {
    requireHistoryReader(this.people.rolesOf(identity.personId).map((grant) => grant.role));
    checkHistoryWindow(filter.from ?? null, filter.to ?? null, this.clock.now().toISOString());
    checkCursorOrder(after, order);
    if (filter.partnerId) this.known.partner(filter.partnerId);
    if (filter.personId) this.known.person(filter.personId);
    if (filter.entityId && !this.history.mentions(filter.entityId)) {
      throw new DomainError('NOT_FOUND', `No recorded event concerns an entity with id ${filter.entityId}.`);
    }
    const page = this.history.page(filter, first, after, order);
    const restricted = (page?.items ?? []).filter((row) => row.node.restrictedGroupId !== null);
    const readable = await this.access.mayReadRestricted(
      identity.personId,
      restricted.map(({ node }) => ({
        groupId: node.restrictedGroupId as string,
        areaIds: JSON.parse(node.restrictedAreaIds as string) as string[],
      })),
    );
    const withheld = new Set(restricted.filter((_, index) => !readable[index]).map(({ node }) => node.position));
    const rows = (page?.items ?? []).map(({ node }) => node);
    const scopes = await this.access.readableScopes(
      identity.personId,
      distinct(rows.map((row) => row.scopeAreaId)),
      distinct(rows.map((row) => row.scopeWorkstreamId)),
    );
    const outOfScope = (row: HistoryEventRow) =>
      (row.scopeAreaId !== null && !scopes.areaIds.has(row.scopeAreaId)) ||
      (row.scopeWorkstreamId !== null && !scopes.workstreamIds.has(row.scopeWorkstreamId));
    return toConnection(page, (row) => toHistoryEvent(row, withheld.has(row.position), outOfScope(row)));
  }
}
