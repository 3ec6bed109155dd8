import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations for the sync client, generated from the platform's committed schema. */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: 'examples/local-sync/src/operations.graphql',
  generates: {
    'examples/local-sync/src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { enumsAsTypes: true, useTypeImports: true, avoidOptionals: { field: true } },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
