import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Page } from '@app/read-models';
import { DomainError } from '@app/domain';

@ObjectType({
  description:
    'Where a page sits. On an empty page both cursors are the `after` it was asked with (null without one), so a client resuming from endCursor keeps its place.',
})
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field({ description: 'Whether items come before this page (at or before the `after` cursor).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item: pass it as `after` to resume.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many items, 1 to 100.' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A cursor connection type for `T`, named `<T>Connection` with `<T>Edge` edges. */
export function Connection<T>(node: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType(`${node.name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

/** Turns a read-model page into a connection, mapping each row to its GraphQL type. */
export function toConnection<Row, T>(page: Page<Row> | null, map: (row: Row) => T): ConnectionShape<T> {
  if (!page) throw new DomainError('VALIDATION_FAILED', 'The "after" cursor is not one this API gave out.');
  const edges = page.items.map((item) => ({ cursor: item.cursor, node: map(item.node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges.at(0)?.cursor ?? page.after,
      endCursor: edges.at(-1)?.cursor ?? page.after,
    },
    totalCount: page.totalCount,
  };
}
