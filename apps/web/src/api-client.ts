import { withDaysInWords } from '@app/domain';
import { Request } from 'express';
import { withoutRuleReferences } from './rule-references';

/**
 * The API refused the operation: its code, the sentence it gave with its days worded for people
 * (the pages' one wording of a refusal's days) and without the rule it names, shown to the person unless the page words it from
 * `details` (what the refusal's extensions carry beside the code, its exact data).
 */
export class ApiRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiRefusal';
  }
}

/**
 * A FORBIDDEN refusal, kept for a page to say what it does not show (a reader of the group who may not
 * read its workstreams' tasks, R43); any other error goes on.
 */
export function keptIfForbidden(error: unknown): ApiRefusal {
  if (error instanceof ApiRefusal && error.code === 'FORBIDDEN') return error;
  throw error;
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
}

/**
 * The pages are a client of the GraphQL API like any other: they send the signed-in person's
 * token to this same server's /graphql over HTTP, so every rule and read policy the API applies
 * applies to the pages too.
 */
export class ApiClient {
  constructor(
    private readonly endpoint: string,
    private readonly token: string,
  ) {}

  /** The /graphql of the server that received this request, over the address it arrived on. */
  static forRequest(request: Request, token: string): ApiClient {
    const address = request.socket.localAddress ?? '127.0.0.1';
    const host = address.startsWith('::ffff:') ? address.slice(7) : address.includes(':') ? `[${address}]` : address;
    return new ApiClient(`http://${host}:${request.socket.localPort}/graphql`, token);
  }

  /** A public document of this same server (e.g. the log's public key), read over HTTP like any client. */
  async getJson(path: string): Promise<unknown> {
    const response = await fetch(new URL(path, this.endpoint));
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  }

  async send<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlBody;
    const [error] = body.errors ?? [];
    if (error) {
      const { code = 'ERROR', ...details } = error.extensions ?? {};
      throw new ApiRefusal(
        code,
        withDaysInWords(withoutRuleReferences(error.message)),
        error.extensions?.field ?? null,
        details,
      );
    }
    return (body.data ?? {}) as T;
  }
}
