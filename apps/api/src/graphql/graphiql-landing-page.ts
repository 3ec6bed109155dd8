import { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/**
 * GraphiQL served from the app's own bundle: the page inlines all its scripts, so it works on
 * machines with no internet. Subscriptions in it go over graphql-ws.
 */
export function graphiqlLandingPage(): ApolloServerPlugin {
  const html = renderGraphiQL({
    title: 'Safeguarding partnerships — GraphQL',
    endpoint: '/graphql',
    subscriptionsProtocol: 'WS',
    defaultQuery:
      '# Paste a token from data/demo/tokens.json into the headers below:\n# { "Authorization": "Bearer <token>" }\n\nquery {\n  me { personId name roles { role } }\n  regionalGroups { edges { node { id name areas { id name } } } }\n}\n',
    headers: '{"Authorization": "Bearer "}',
  } as Parameters<typeof renderGraphiQL>[0]);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
