import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@app/domain';
import { RegionalGroupQueries, RegionalGroupRow } from '@app/read-models';
import { ConnectionShape, toConnection } from '../common/connection';
import { RegionalGroup } from './regional-group.types';

function toRegionalGroup(row: RegionalGroupRow): RegionalGroup {
  return {
    id: row.groupId,
    name: row.name,
    establishedAt: new Date(row.establishedAt),
    establishedOn: row.establishedOn,
    asAt: null,
    asRecordedAt: null,
  };
}

export class GetRegionalGroupQuery extends Query<RegionalGroup> {
  constructor(readonly groupId: string) {
    super();
  }
}

@QueryHandler(GetRegionalGroupQuery)
export class GetRegionalGroupHandler implements IQueryHandler<GetRegionalGroupQuery> {
  constructor(private readonly groups: RegionalGroupQueries) {}

  async execute({ groupId }: GetRegionalGroupQuery): Promise<RegionalGroup> {
    const row = this.groups.byId(groupId);
    if (!row) throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    return toRegionalGroup(row);
  }
}

export class ListRegionalGroupsQuery extends Query<ConnectionShape<RegionalGroup>> {
  constructor(
    readonly first: number,
    readonly after: string | null,
    /** Only these groups (those the reader may read), or all of them. */
    readonly only: readonly string[] | null,
  ) {
    super();
  }
}

@QueryHandler(ListRegionalGroupsQuery)
export class ListRegionalGroupsHandler implements IQueryHandler<ListRegionalGroupsQuery> {
  constructor(private readonly groups: RegionalGroupQueries) {}

  async execute({ first, after, only }: ListRegionalGroupsQuery): Promise<ConnectionShape<RegionalGroup>> {
    return toConnection(this.groups.list(first, after, only), toRegionalGroup);
  }
}
