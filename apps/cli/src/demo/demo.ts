import { INestApplication } from '@nestjs/common';
import { groupDateOf } from '@app/domain';
import { CLOCK, Clock } from '@app/platform';
import { CommandBus } from '@nestjs/cqrs';
import { InitialisePlatformCommand } from '../../../api/src/access/initialise-platform.command';
import { tokenFor } from '../commands/token.command';
import { loadDemoParts, loadedPart } from './demo-parts';
import { DEMO_TOKEN_HOLDERS, LoadedDemo, SendGraphql } from './load-demo';
import { TASK_OWNER_TOKEN_HOLDERS } from './workstreams';

const DEMO_TOKEN_LIFETIME = '30d';

/** Sends GraphQL to the running api over HTTP, as any client would. */
export function httpGraphql(url: string): SendGraphql {
  return async <T>(query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    // The server answers in the shape the query selected, which the caller names as `T`.
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
    if (!body.data) throw new Error(`HTTP ${response.status}: the api answered with neither data nor errors`);
    return body.data;
  };
}

/**
 * Records the administrator (as `cli init` does), then builds Avon and Somerset through the
 * api at `url`, and mints a token for each kind of user.
 */
export async function loadDemo(
  app: INestApplication,
  url: string,
): Promise<{ groupId: string; tokens: Record<string, string> }> {
  const { personId } = await app
    .get(CommandBus)
    .execute(
      new InitialisePlatformCommand({ name: 'Platform Administrator', email: 'admin@asssp.example', subject: null }),
    );
  const mint = (id: string) => tokenFor(app, id, DEMO_TOKEN_LIFETIME);
  const administrator = await mint(personId);
  const context = { send: httpGraphql(url), administratorToken: administrator, tokenFor: mint };
  const { demo, businessManagerIds } = await loadDemoParts(
    context,
    groupDateOf(app.get<Clock>(CLOCK).now().toISOString()),
  );
  const managers = loadedPart(businessManagerIds, 'policies');
  return { groupId: demo.groupId, tokens: await demoTokens(administrator, demo, mint, managers) };
}

/** The tokens `tokens.json` holds: the administrator's, and one for each kind of user of the demo. */
export async function demoTokens(
  administrator: string,
  loaded: LoadedDemo,
  mint: (personId: string) => Promise<string>,
  businessManagerIds: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = { administrator };
  tokens['area business manager (North Somerset)'] = await mint(businessManagerIds['North Somerset']);
  // Bristol and North Somerset have decided every version that flowed down to them; South
  // Gloucestershire has not decided the escalation procedure, so its manager can try the decision form.
  tokens['area business manager (South Gloucestershire)'] = await mint(businessManagerIds['South Gloucestershire']);
  for (const [holder, key] of Object.entries({ ...DEMO_TOKEN_HOLDERS, ...TASK_OWNER_TOKEN_HOLDERS }))
    tokens[holder] = await mint(loaded.personIds[key]);
  return tokens;
}
