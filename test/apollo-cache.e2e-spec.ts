import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { DemoApp, startDemoApp } from './support/demo-app';

const FEED = gql`
  query Feed($areaId: ID!) {
    areaFeed(areaId: $areaId, first: 10) {
      edges {
        node {
          id
          cursor
          kind
          subjectId
          acknowledgedAt
        }
      }
    }
  }
`;

const ACKNOWLEDGE = gql`
  mutation Acknowledge($input: AcknowledgeFeedItemInput!) {
    acknowledgeFeedItem(input: $input) {
      id
      acknowledgedAt
    }
  }
`;

interface FeedData {
  areaFeed: { edges: { node: { id: string; cursor: string; subjectId: string; acknowledgedAt: string | null } }[] };
}

describe('Apollo Client against the api', () => {
  let seeded: DemoApp;
  let client: ApolloClient;
  let requests = 0;

  beforeAll(async () => {
    seeded = await startDemoApp({ load: ['meetings'] });
    const token = await seeded.tokenOf('bristol-business-manager');
    client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({
        uri: `${seeded.api.url}/graphql`,
        headers: { authorization: `Bearer ${token}` },
        fetch: (input, init) => {
          requests += 1;
          return fetch(input, init);
        },
      }),
    });
  });
  afterAll(async () => seeded.api.stop());

  it('shows an acknowledged feed item as acknowledged from its cache, without fetching the feed again (L3)', async () => {
    const areaId = seeded.demo.areaIds.Bristol;
    const before = await client.query<FeedData>({ query: FEED, variables: { areaId } });
    const items = before.data?.areaFeed.edges.map((edge) => edge.node) ?? [];
    expect(items).toHaveLength(4);
    expect(items.every((item) => item.acknowledgedAt === null)).toBe(true);
    const [first] = items;

    const acknowledged = await client.mutate<{ acknowledgeFeedItem: { id: string; acknowledgedAt: string } }>({
      mutation: ACKNOWLEDGE,
      variables: { input: { areaId, cursor: first.cursor } },
    });
    const result = acknowledged.data?.acknowledgeFeedItem;
    expect(result?.id).toBe(first.id);
    expect(result?.acknowledgedAt).toMatch(/^2026-11-23T/);

    const requestsSoFar = requests;
    const cached = await client.query<FeedData>({ query: FEED, variables: { areaId }, fetchPolicy: 'cache-only' });
    expect(requests).toBe(requestsSoFar);
    const after = cached.data?.areaFeed.edges.map((edge) => edge.node) ?? [];
    expect(after.map((item) => item.subjectId)).toEqual(items.map((item) => item.subjectId));
    expect(after[0].acknowledgedAt).toBe(result?.acknowledgedAt);
    expect(after.slice(1).every((item) => item.acknowledgedAt === null)).toBe(true);
  });
});
