import { Position } from '../event-store';
import { consistencyProof, EMPTY_TREE_HASH, hashChildren, rootOfLeaves, splitPoint } from './merkle';

const HASH_BYTES = 32;

/**
 * Leaves per chunk: the tree keeps the roots of aligned chunks and everything above them, and
 * reads a chunk's leaves back only for a subtree inside one. 64 leaves make the kept levels
 * about 1 byte an event, and a read-back one page of 64 entries.
 */
export const CHUNK = 64;

/** Recently read chunks kept: a consistency proof needs at most the chunks of its two sizes. */
const CACHED_CHUNKS = 2;

/** The leaf hashes of up to `count` entries after position `after` (null: from the first), in log order. */
export type LeafReader = (after: Position | null, count: number) => Promise<Buffer[]>;

/**
 * A chunk read back no longer has the root the tree computed when it read it: the store was
 * changed under the tree. No root or proof is given from such leaves, so every answer the tree
 * gives is the one it would give from the leaves as they were first read.
 */
export class LeavesChangedError extends Error {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {
    super(
      `the events of leaves ${start} to ${end - 1} are no longer those the log read: one was altered, removed, inserted or reordered since`,
    );
    this.name = 'LeavesChangedError';
  }
}

/** One level of the tree: the hashes of its complete subtrees, packed end to end in one buffer. */
class Level {
  private bytes = Buffer.alloc(HASH_BYTES * 64);
  count = 0;

  push(hash: Buffer): void {
    if ((this.count + 1) * HASH_BYTES > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    hash.copy(this.bytes, this.count * HASH_BYTES);
    this.count += 1;
  }

  at(index: number): Buffer {
    return this.bytes.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
  }
}

/**
 * The whole log's tree, kept as the hash of every complete, aligned subtree of CHUNK leaves or
 * more (level l holds the roots of the subtrees of CHUNK·2^l leaves: about 1 MB per million
 * events), and the leaf hashes of the last, incomplete chunk. A root or proof is O(log n) lookups
 * plus, for a size inside a complete chunk, one read of that chunk's leaves from the store,
 * checked against the chunk's root before use. Leaf index is not store position (positions may
 * have gaps), so each chunk keeps the position of the entry before its first leaf to read from.
 */
export class MerkleTree {
  private readonly levels: Level[] = [new Level()];
  /** Replaced, never cleared, when its chunk completes: a computation holding it keeps its leaves. */
  private tail: Buffer[] = [];
  private readonly chunkStarts: (Position | null)[] = [];
  private lastPosition: Position | null = null;
  private readonly cached = new Map<number, readonly Buffer[]>();

  constructor(private readonly readLeaves: LeafReader) {}

  get size(): number {
    return this.levels[0].count * CHUNK + this.tail.length;
  }

  append(leafHash: Buffer, position: Position): void {
    if (this.tail.length === 0) this.chunkStarts.push(this.lastPosition);
    this.tail.push(leafHash);
    this.lastPosition = position;
    if (this.tail.length < CHUNK) return;
    this.levels[0].push(rootOfLeaves(this.tail));
    this.tail = [];
    // Each time a level gets an even count, its last two subtrees make a complete one above.
    for (let level = 0; this.levels[level].count % 2 === 0; level += 1) {
      const below = this.levels[level];
      if (!this.levels[level + 1]) this.levels.push(new Level());
      this.levels[level + 1].push(hashChildren(below.at(below.count - 2), below.at(below.count - 1)));
    }
  }

  /** MTH of the leaves [start, end). */
  readonly subtreeHash = async (start: number, end: number): Promise<Buffer> => {
    if (start < 0 || end > this.size || start > end) {
      throw new RangeError(`Leaves [${start}, ${end}) are not in a tree of ${this.size}.`);
    }
    const n = end - start;
    if (n === 0) return EMPTY_TREE_HASH;
    const chunk = Math.floor(start / CHUNK);
    const chunkStart = chunk * CHUNK;
    if (end <= chunkStart + CHUNK) {
      if (n === CHUNK) return this.levels[0].at(chunk);
      const leaves = await this.leavesOf(chunk);
      return rootOfLeaves(leaves.slice(start - chunkStart, end - chunkStart));
    }
    const level = Math.log2(n / CHUNK);
    if (Number.isInteger(level) && start % n === 0) return this.levels[level].at(start / n);
    const k = splitPoint(n);
    const left = await this.subtreeHash(start, start + k);
    return hashChildren(left, await this.subtreeHash(start + k, end));
  };

  /** The root of the tree of the first `size` leaves: what a head of that size signs. */
  root(size = this.size): Promise<Buffer> {
    return this.subtreeHash(0, size);
  }

  consistencyProof(from: number, to = this.size): Promise<Buffer[]> {
    if (to > this.size) return Promise.reject(new RangeError(`The tree has ${this.size} leaves, not ${to}.`));
    return consistencyProof(from, to, this.subtreeHash);
  }

  private async leavesOf(chunk: number): Promise<readonly Buffer[]> {
    if (chunk === this.levels[0].count) return this.tail;
    const kept = this.cached.get(chunk);
    if (kept) {
      // Kept as the most recently used, so the chunk every proof to the newest head needs stays.
      this.cached.delete(chunk);
      this.cached.set(chunk, kept);
      return kept;
    }
    const leaves = await this.readLeaves(this.chunkStarts[chunk], CHUNK);
    if (leaves.length !== CHUNK || !rootOfLeaves(leaves).equals(this.levels[0].at(chunk))) {
      throw new LeavesChangedError(chunk * CHUNK, (chunk + 1) * CHUNK);
    }
    this.cached.set(chunk, leaves);
    if (this.cached.size > CACHED_CHUNKS) this.cached.delete(this.cached.keys().next().value as number);
    return leaves;
  }
}
