import canonicalize from 'canonicalize';
import { KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { AppendResult, EventStore, LogEntry, NO_STREAM, Position, StoredEvent } from '../event-store';
import { chainEvents } from '../hash-chain';
import { occurredAtOf, SYSTEM_ACTOR } from '../metadata';
import { hashLeaf } from './merkle';
import { LeavesChangedError, MerkleTree } from './merkle-tree';
import {
  parseSignedTreeHead,
  SignedTreeHead,
  signTreeHead,
  TreeHeadKey,
  treeHeadSignatureProblem,
} from './signed-tree-head';
import { LogActivity } from './tree-head-due';

export const TRANSPARENCY_LOG_STREAM = 'transparency-log';
export const TREE_HEAD_SIGNED = 'TreeHeadSigned';

const PAGE = 5000;

/**
 * The leaf of an event: its hash-chain hash (which covers its stream, revision, id, type, data
 * and metadata) with its global position. Recomputing a stream's chain after altering an event
 * changes these hashes, and so the leaves, and so every later root.
 */
export function leafHashOf(event: Pick<StoredEvent, 'position' | 'metadata'>): Buffer {
  const entry = canonicalize({ hash: String(event.metadata.hash), position: event.position }) as string;
  return hashLeaf(Buffer.from(entry, 'utf8'));
}

function leafOf(entry: LogEntry): Buffer {
  return leafHashOf({ position: entry.position, metadata: { hash: entry.hash } });
}

/** The next `limit` entries of the log after `from`, reading no more of each event than the log uses when the store allows. */
async function readEntries(store: EventStore, from: Position | null, limit = PAGE): Promise<LogEntry[]> {
  if (store.readLogEntries) return store.readLogEntries({ from, limit, dataOf: TRANSPARENCY_LOG_STREAM });
  const events = await store.readAll({ from, limit });
  return events.map((event) => ({
    position: event.position,
    streamId: event.streamId,
    type: event.type,
    occurredAt: occurredAtOf(event),
    hash: event.metadata.hash,
    data: event.streamId === TRANSPARENCY_LOG_STREAM ? event.data : null,
  }));
}

/** A head as the log recorded it, and the leaf index of the event that recorded it. */
export interface RecordedTreeHead {
  readonly head: SignedTreeHead;
  readonly leafIndex: number;
}

/**
 * The Merkle tree over the whole store in global order, with the heads the log has recorded
 * about itself. Built by reading every event once; kept current by reading only what is new.
 * The tree reads a few leaves back from the same store for roots and proofs of sizes inside it.
 */
export class TransparencyLog {
  readonly tree: MerkleTree;
  private readonly recorded: RecordedTreeHead[] = [];
  private readonly unreadable: string[] = [];
  private position: Position | null = null;
  private lastHeadAt: string | null = null;
  private firstChangeOfLatestDay: string | null = null;
  /**
   * The root of each head's size once computed, the leaves it needed read back and found as first
   * read. The tree gives the same root for a size however often asked (it keeps what it first
   * read), so checking a head again needs no read of the store: once the log has many heads, every
   * check after a new head would otherwise read back a chunk for each. A change under a head already
   * checked is found by the next whole reading of the store (at start-up, before each signing).
   */
  private readonly rootsOfSizes = new Map<number, string>();

  constructor(private readonly store: EventStore) {
    this.tree = new MerkleTree(async (after, count) => (await readEntries(store, after, count)).map(leafOf));
  }

  /** Reads the whole store from the start: what a check that trusts nothing cached must do. */
  static async scan(store: EventStore, onProgress?: (events: number) => void): Promise<TransparencyLog> {
    const log = new TransparencyLog(store);
    await log.catchUp(onProgress);
    return log;
  }

  /** Adds the events recorded since the last read. */
  async catchUp(onProgress?: (events: number) => void): Promise<void> {
    for (;;) {
      const page = await readEntries(this.store, this.position);
      if (page.length === 0) return;
      for (const entry of page) this.add(entry);
      onProgress?.(this.tree.size);
    }
  }

  get size(): number {
    return this.tree.size;
  }

  get heads(): readonly RecordedTreeHead[] {
    return this.recorded;
  }

  get latestHead(): SignedTreeHead | null {
    return this.recorded.length === 0 ? null : this.recorded[this.recorded.length - 1].head;
  }

  get activity(): LogActivity {
    return { lastHeadAt: this.lastHeadAt, firstChangeOfLatestDay: this.firstChangeOfLatestDay };
  }

  async rootHash(size = this.tree.size): Promise<string> {
    return (await this.tree.root(size)).toString('hex');
  }

  /** What is wrong with `head` against this log: its signature, its size, its root. Empty when it holds. */
  async problemsWith(head: SignedTreeHead, publicKey: KeyLike): Promise<string[]> {
    const problems: string[] = [];
    const signature = await treeHeadSignatureProblem(head, publicKey);
    if (signature) problems.push(`the head of ${head.treeSize} events: ${signature}`);
    if (head.treeSize > this.tree.size) {
      problems.push(
        `the head covers ${head.treeSize} events but the store holds ${this.tree.size}: events were removed (truncated or deleted)`,
      );
    } else {
      const problem = await this.rootProblem(head);
      if (problem) problems.push(problem);
    }
    return problems;
  }

  private async rootProblem(head: SignedTreeHead): Promise<string | null> {
    const size = head.treeSize;
    try {
      let root = this.rootsOfSizes.get(size);
      if (root === undefined) {
        root = await this.rootHash(size);
        this.rootsOfSizes.set(size, root);
      }
      if (root === head.rootHash) return null;
    } catch (error) {
      if (!(error instanceof LeavesChangedError)) throw error;
      return `the first ${size} events cannot be checked against the head of ${head.timestamp}: ${error.message}`;
    }
    return `the first ${size} events no longer have the root the head of ${head.timestamp} signed: an event among them was altered, removed, inserted or reordered`;
  }

  /** Every recorded head checked against the log as it is now; empty when all hold. */
  async problems(publicKey: KeyLike): Promise<string[]> {
    const found = [...this.unreadable];
    for (const { head } of this.recorded) found.push(...(await this.problemsWith(head, publicKey)));
    return found;
  }

  private add(entry: LogEntry): void {
    if (entry.streamId === TRANSPARENCY_LOG_STREAM && entry.type === TREE_HEAD_SIGNED) {
      try {
        this.recorded.push({ head: parseSignedTreeHead(entry.data), leafIndex: this.tree.size });
      } catch (error) {
        this.unreadable.push(`the head recorded at position ${entry.position}: ${(error as Error).message}`);
      }
      this.lastHeadAt = entry.occurredAt;
    } else {
      const at = entry.occurredAt;
      if (this.firstChangeOfLatestDay === null || at.slice(0, 10) > this.firstChangeOfLatestDay.slice(0, 10)) {
        this.firstChangeOfLatestDay = at;
      }
    }
    this.tree.append(leafOf(entry), entry.position);
    this.position = entry.position;
  }
}

/** Appends a signed head to the log's own stream, as the system, correctly chained. */
async function recordTreeHead(store: EventStore, head: SignedTreeHead, reason: string): Promise<AppendResult> {
  const history = await store.readStream(TRANSPARENCY_LOG_STREAM);
  const last = history.length > 0 ? history[history.length - 1] : null;
  const events = chainEvents(TRANSPARENCY_LOG_STREAM, last, [
    {
      id: randomUUID(),
      type: TREE_HEAD_SIGNED,
      data: head,
      metadata: {
        actor: SYSTEM_ACTOR,
        occurredAt: head.timestamp,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        reason,
        schemaVersion: 1,
        idempotencyKey: null,
        inputHash: null,
      },
    },
  ]);
  return store.append(TRANSPARENCY_LOG_STREAM, events, { expectedRevision: last ? last.revision : NO_STREAM });
}

export type SigningOutcome =
  | { readonly signed: true; readonly head: SignedTreeHead; readonly position: Position; readonly log: TransparencyLog }
  | { readonly signed: false; readonly problems: readonly string[]; readonly log: TransparencyLog };

/**
 * Signs and records a head of the store only if every head recorded before still holds: a log
 * operator never signs over a history that contradicts its own heads. `fresh` is a reading of
 * the whole store just made (it is caught up here); without it the store is read afresh.
 */
export async function signAndRecordTreeHead(
  store: EventStore,
  key: TreeHeadKey & { readonly publicKey: KeyLike },
  now: Date,
  reason: string,
  fresh?: TransparencyLog,
): Promise<SigningOutcome> {
  const log = fresh ?? (await TransparencyLog.scan(store));
  await log.catchUp();
  const problems = await log.problems(key.publicKey);
  if (problems.length > 0) return { signed: false, problems, log };
  const head = await signTreeHead(
    { treeSize: log.size, rootHash: await log.rootHash(), timestamp: now.toISOString() },
    key,
  );
  const { position } = await recordTreeHead(store, head, reason);
  return { signed: true, head, position, log };
}
