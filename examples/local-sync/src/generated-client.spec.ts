import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { buildSchema, parse } from 'graphql';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../codegen';

const root = join(__dirname, '../../..');

/**
 * The committed client is what codegen makes of today's schema.gql and operations: a field the
 * platform renamed or an operation edited without `npm run codegen:local-sync` fails here rather
 * than in a local team's build. It runs the same plugins with the same settings as codegen.ts.
 */
describe('the generated sync client', () => {
  it('is current with schema.gql and operations.graphql', async () => {
    const [[filename, target]] = Object.entries(config.generates) as [string, { config: Record<string, unknown> }][];
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    const documentPath = config.documents as string;
    const content = await codegen({
      filename,
      schema: parse(read(config.schema as string)),
      schemaAst: buildSchema(read(config.schema as string)),
      documents: [{ location: documentPath, document: parse(read(documentPath)) }],
      config: target.config,
      plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
      pluginMap: { 'typescript-operations': typescriptOperations, 'typed-document-node': typedDocumentNode },
    });
    // Prettier as codegen's own hook runs it (its API loads plugins by dynamic import, which Jest cannot).
    const formatted = execFileSync(join(root, 'node_modules/.bin/prettier'), ['--stdin-filepath', filename], {
      cwd: root,
      input: content,
      encoding: 'utf8',
    });
    expect(formatted).toEqual(read(filename));
  });
});
