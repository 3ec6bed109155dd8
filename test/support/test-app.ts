import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ACCESS_STREAM } from '@app/domain';
import { chainEvents, EventStore, SYSTEM_ACTOR } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { AppConfig, loadConfig, mintToken, SigningKey } from '@app/platform';
import { createClient, Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { InitialisePlatformCommand } from '../../apps/api/src/access/initialise-platform.command';
import { createApp } from '../../apps/api/src/create-app';
import { EVENT_STORE, SIGNING_KEY } from '../../apps/api/src/infrastructure/injection-tokens';

export interface GraphqlResponse<T = Record<string, any>> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: {
    message: string;
    path?: readonly (string | number)[];
    extensions?: { code?: string; [key: string]: unknown };
  }[];
}

/**
 * The api as users run it: a real HTTP server on a free loopback port over a fresh data
 * directory, with the platform initialised and a token for its administrator.
 */
export class TestApp {
  private sockets: Client[] = [];

  private constructor(
    readonly app: INestApplication,
    readonly config: AppConfig,
    readonly url: string,
    readonly adminToken: string | null,
    readonly adminId: string,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
    const dataDir = mkdtempSync(join(tmpdir(), 'safeguarding-e2e-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', NODE_ENV: 'test', ...env });
    const app = await createApp(config);
    try {
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      const { personId } = await app
        .get(CommandBus)
        .execute(
          new InitialisePlatformCommand({ name: 'Test Administrator', email: 'admin@test.example', subject: null }),
        );
      // With an OIDC provider configured there is no embedded key, and so no token to mint here.
      const key = app.get<SigningKey | null>(SIGNING_KEY);
      const token = key ? await mintToken(key, { subject: personId, name: 'Test Administrator' }) : null;
      return new TestApp(app, config, `http://127.0.0.1:${port}`, token, personId);
    } catch (error) {
      await app.close();
      throw error;
    }
  }

  /**
   * Stops the service and starts it again on the same data, as an operator would, with some
   * settings changed (a later CLOCK_NOW, say). The administrator keeps their identity.
   */
  async restart(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
    await this.app.close();
    return TestApp.startOn(this.config.dataDir, this.adminId, env);
  }

  /** The api over a data directory that already holds a store, whose administrator is `adminId`. */
  static async startOn(dataDir: string, adminId: string, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
    const app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const key = app.get<SigningKey | null>(SIGNING_KEY);
    const token = key ? await mintToken(key, { subject: adminId, name: 'Test Administrator' }) : null;
    return new TestApp(app, config, `http://127.0.0.1:${port}`, token, adminId);
  }

  get store(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  async graphql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = this.adminToken,
    headers: Record<string, string> = {},
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /**
   * The demo loader's `SendGraphql` against this app: the data of one operation sent as `token`, or a
   * throw carrying the first error's code. A property, so that it can be handed on as it is.
   */
  readonly send = async <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> => {
    const { status, data, errors } = await this.graphql<T>(query, variables, token);
    if (errors) throw new Error(`${errors[0].extensions?.code}: ${errors[0].message}`);
    if (!data) throw new Error(`HTTP ${status}: the api answered with neither data nor errors`);
    return data;
  };

  /** A graphql-ws client sending the token as the README documents; closed with the app. */
  subscriptionClient(token: string | null = this.adminToken): Client {
    return this.socketClient(token ? { authorization: `Bearer ${token}` } : {});
  }

  /** A graphql-ws client sending exactly these connection params; closed with the app. */
  socketClient(connectionParams: Record<string, unknown>): Client {
    const client = createClient({
      url: `${this.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
    });
    this.sockets.push(client);
    return client;
  }

  /** One operation over graphql-ws: its first result, or the errors the server sent instead. */
  async overSocket(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = this.adminToken,
  ): Promise<GraphqlResponse> {
    const client = this.subscriptionClient(token);
    return new Promise((resolve) => {
      const stop = client.subscribe(
        { query, variables },
        {
          next: (result) => {
            stop();
            resolve({ status: 200, ...(result as object) });
          },
          error: (errors) => resolve({ status: 200, errors: Array.isArray(errors) ? errors : [] }),
          complete: () => undefined,
        },
      );
    });
  }

  /**
   * Someone the platform knows who holds no role. No command adds such a person yet (roles are
   * granted with membership), so the test records them directly, as a correctly chained event.
   */
  async registerPersonWithoutRoles(name: string): Promise<string> {
    const personId = randomUUID();
    const history = await this.store.readStream(ACCESS_STREAM);
    const last = history[history.length - 1];
    const [event] = chainEvents(ACCESS_STREAM, last, [
      {
        id: randomUUID(),
        type: 'PersonRegistered',
        data: { personId, name, email: null, subject: personId },
        metadata: {
          actor: SYSTEM_ACTOR,
          occurredAt: new Date().toISOString(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          reason: 'test fixture',
          schemaVersion: 1,
          idempotencyKey: null,
          inputHash: null,
        },
      },
    ]);
    const { position } = await this.store.append(ACCESS_STREAM, [event], { expectedRevision: last.revision });
    await this.app.get(ProjectionRunner).waitFor(position);
    return mintToken(this.app.get<SigningKey>(SIGNING_KEY), { subject: personId, name });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) await socket.dispose();
    await this.app.close();
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}

/** Polls a condition the test cannot await directly; Jest's timeout bounds it. */
export async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
