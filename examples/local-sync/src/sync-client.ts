import { readFile, rename, writeFile } from 'node:fs/promises';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AcknowledgeFeedItemDocument,
  AreaFeedDocument,
  type AreaFeedQuery,
  RecordRapidReviewDecisionDocument,
  type RecordRapidReviewDecisionInput,
  SubmitPerformanceFiguresDocument,
  type SubmitPerformanceFiguresInput,
  SubmitYearlyReportDocument,
  type SubmitYearlyReportInput,
} from './generated/graphql';

/** A refusal from the platform: `code` is its stable `extensions.code` (FORBIDDEN, VALIDATION_FAILED, ...). */
export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** No answer in time: the request may or may not have been recorded, so it is sent again with the same key. */
export class RequestTimedOut extends Error {
  constructor() {
    super('The platform did not answer in time.');
    this.name = 'RequestTimedOut';
  }
}

export interface SyncOptions {
  /** The platform's GraphQL endpoint, e.g. https://platform.example/graphql. */
  readonly url: string;
  /** A bearer token for the area's business manager (or a statutory partner's representative for L5). */
  readonly token: string;
  readonly areaId: string;
  /** Where the last feed cursor taken in is kept between runs. */
  readonly cursorFile: string;
  /** How long to wait for an answer before sending again. */
  readonly timeoutMs?: number;
  /** How many times to send one request in all. */
  readonly attempts?: number;
  /** The fetch to use: the global one unless a test or a proxy supplies another. */
  readonly fetch?: typeof fetch;
}

export type FeedItem = AreaFeedQuery['areaFeed']['edges'][number]['node'];

/**
 * A local partnership's sync with the regional platform (L3): pull the area's feed from where the
 * last pull stopped, acknowledge each item taken in, and push what the area records. Every write
 * carries an idempotency key, so sending it again after a timeout records it once.
 */
export class LocalSync {
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SyncOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.attempts = options.attempts ?? 3;
    this.fetch = options.fetch ?? fetch;
  }

  /** Sends one typed operation, and again with the same variables (and so the same key) after a timeout. */
  async send<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(document, variables);
      } catch (error) {
        if (!(error instanceof RequestTimedOut) || attempt >= this.attempts) throw error;
      }
    }
  }

  private async once<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      const response = await this.fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ query: print(document), variables }),
        signal: abort.signal,
      });
      const body = (await response.json()) as {
        data?: Result;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      const [error] = body.errors ?? [];
      if (error) throw new PlatformError(error.extensions?.code ?? 'UNKNOWN', error.message);
      if (!body.data) throw new PlatformError('UNKNOWN', `HTTP ${response.status} without data`);
      return body.data;
    } catch (error) {
      // Node's fetch rejects with a DOMException named AbortError, which is not always an Error instance.
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw new RequestTimedOut();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async savedCursor(): Promise<string | null> {
    try {
      return (JSON.parse(await readFile(this.options.cursorFile, 'utf8')) as { cursor: string | null }).cursor;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Written beside and renamed over, so a crash leaves the old cursor or the new, never half of one. */
  private async saveCursor(cursor: string): Promise<void> {
    const next = `${this.options.cursorFile}.next`;
    await writeFile(next, JSON.stringify({ cursor }));
    await rename(next, this.options.cursorFile);
  }

  /**
   * Takes in every item after the saved cursor: `takeIn` stores it locally, then the item is
   * acknowledged and the cursor saved past it. A run stopped midway resumes at the first item not
   * saved; acknowledging that one again is recorded once, by its key.
   */
  async pull(takeIn: (item: FeedItem) => Promise<void> | void): Promise<FeedItem[]> {
    const { areaId } = this.options;
    const taken: FeedItem[] = [];
    let after = await this.savedCursor();
    for (;;) {
      const { areaFeed } = await this.send(AreaFeedDocument, { areaId, after });
      for (const { cursor, node } of areaFeed.edges) {
        await takeIn(node);
        await this.send(AcknowledgeFeedItemDocument, {
          input: { areaId, cursor, idempotencyKey: `ack-${cursor}`.slice(0, 100) },
        });
        await this.saveCursor(cursor);
        taken.push(node);
      }
      if (!areaFeed.pageInfo.hasNextPage) return taken;
      after = areaFeed.pageInfo.endCursor;
    }
  }

  /** `idempotencyKey`: the local system's own id for the report, so it is recorded once however often it is sent. */
  submitYearlyReport(input: Omit<SubmitYearlyReportInput, 'areaId'> & { idempotencyKey: string }) {
    return this.send(SubmitYearlyReportDocument, { input: { ...input, areaId: this.options.areaId } });
  }

  submitPerformanceFigures(input: Omit<SubmitPerformanceFiguresInput, 'areaId'> & { idempotencyKey: string }) {
    return this.send(SubmitPerformanceFiguresDocument, { input: { ...input, areaId: this.options.areaId } });
  }

  recordRapidReviewDecision(input: Omit<RecordRapidReviewDecisionInput, 'areaId'> & { idempotencyKey: string }) {
    return this.send(RecordRapidReviewDecisionDocument, { input: { ...input, areaId: this.options.areaId } });
  }
}
