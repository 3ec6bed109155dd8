import { GraphQLSchemaHost } from '@nestjs/graphql';
import { INestApplication } from '@nestjs/common';
import { lexicographicSortSchema, printSchema } from 'graphql';

/** The schema as the api serves it, in the form committed as schema.gql. */
export function printServedSchema(app: INestApplication): string {
  return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
}
