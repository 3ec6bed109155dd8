import { Position } from '../event-store';
import { hashLeaf } from '../transparency/merkle';
import { LeafReader, MerkleTree } from '../transparency/merkle-tree';

/**
 * Leaf data at store positions, standing in for the store a MerkleTree reads chunks back from,
 * so a spec of the tree alone can give it gapped positions, count its reads and change what it
 * holds under the tree.
 */
export class StoredLeaves {
  readonly entries: { position: Position; data: Buffer }[] = [];
  reads = 0;
  readonly tree = new MerkleTree(this.reader());

  /** Stores `data` at `position` (after every position held) and appends its leaf to the tree. */
  append(data: Buffer, position: Position): void {
    this.entries.push({ position, data });
    this.tree.append(hashLeaf(data), position);
  }

  private reader(): LeafReader {
    return async (after, count) => {
      this.reads += 1;
      return this.entries
        .filter(({ position }) => after === null || position > after)
        .slice(0, count)
        .map(({ data }) => hashLeaf(data));
    };
  }
}
