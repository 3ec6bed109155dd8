import { mintToken, SigningKey } from '@app/platform';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { TestApp } from './support/test-app';

const ESTABLISH = `mutation($input: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $input) { id areas { id } } }`;
const PAGE = `query($after: String) { regionalGroups(first: 2, after: $after) {
  totalCount edges { cursor node { name } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { name: string } }[];
  pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe('PageInfo: where a page sits, and where to resume', () => {
  let api: TestApp;
  const establish = async (name: string) => {
    const { data } = await api.graphql<{ establishRegionalGroup: { areas: { id: string }[] } }>(ESTABLISH, {
      input: { name, areas: [{ name: `${name} area` }] },
    });
    return data?.establishRegionalGroup as { areas: { id: string }[] };
  };
  const page = async (after: string | null): Promise<Page> => {
    const { data, errors } = await api.graphql<{ regionalGroups: Page }>(PAGE, { after });
    expect(errors).toBeUndefined();
    return data?.regionalGroups as Page;
  };

  beforeAll(async () => {
    api = await TestApp.start();
    for (const name of ['Group A', 'Group B', 'Group C']) await establish(name);
  });
  afterAll(async () => api.stop());

  it('gives the first and last cursors of each page and whether pages come before and after it', async () => {
    const first = await page(null);
    expect(first.edges.map((e) => e.node.name)).toEqual(['Group A', 'Group B']);
    expect(first.pageInfo).toEqual({
      hasPreviousPage: false,
      hasNextPage: true,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
    });
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.name)).toEqual(['Group C']);
    expect(second.pageInfo).toEqual({
      hasPreviousPage: true,
      hasNextPage: false,
      startCursor: second.edges[0].cursor,
      endCursor: second.edges[0].cursor,
    });
  });

  it('hands back the caller’s cursor on an empty page, so a client polling from it picks up what comes next', async () => {
    const last = (await page((await page(null)).pageInfo.endCursor)).pageInfo.endCursor;
    const empty = await page(last);
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false, startCursor: last, endCursor: last });

    await establish('Group D');
    const resumed = await page(empty.pageInfo.endCursor);
    expect(resumed.edges.map((e) => e.node.name)).toEqual(['Group D']);
    expect(resumed.totalCount).toBe(4);
  });

  it('has no cursors on an empty page read from the start', async () => {
    const group = await establish('Group without a feed');
    // A new group has no members yet: of its readers (R43), only an auditor may read its areas' feeds.
    const { data: registered } = await api.graphql(
      'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
      { i: { name: 'Page Auditor' } },
    );
    const personId = (registered?.registerPerson as { personId: string }).personId;
    await api.graphql('mutation($i: RoleInput!) { grantRole(input: $i) { personId } }', {
      i: { personId, role: 'AUDITOR' },
    });
    const auditor = await mintToken(api.app.get<SigningKey>(SIGNING_KEY), { subject: personId, name: 'Page Auditor' });
    const { data } = await api.graphql(
      'query($a: ID!) { areaFeed(areaId: $a) { totalCount edges { cursor } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }',
      { a: group.areas[0].id },
      auditor,
    );
    expect(data?.areaFeed).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasPreviousPage: false, hasNextPage: false, startCursor: null, endCursor: null },
    });
  });
});
