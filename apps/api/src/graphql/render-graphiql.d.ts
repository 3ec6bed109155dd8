// The package publishes GraphiQL's bundle as a subpath export, which this project's "node" module
// resolution does not read; Node resolves it at run time, and its own typings describe it.
declare module '@graphql-yoga/render-graphiql/graphiql' {
  export * from '@graphql-yoga/render-graphiql/typings/graphiql';
}
