import { createHash } from 'node:crypto';
import {
  EMPTY_TREE_HASH,
  hashChildren,
  hashLeaf,
  inclusionProof,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import { MerkleTree } from './merkle-tree';

/** RFC 9162 §2.1.1-2.1.4 written out as literally as the text, over arrays of leaf data. */
const reference = {
  sha256: (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest(),
  k: (n: number) => 2 ** Math.ceil(Math.log2(n) - 1),
  mth(d: Buffer[]): Buffer {
    if (d.length === 0) return reference.sha256();
    if (d.length === 1) return reference.sha256(Buffer.from([0]), d[0]);
    const k = reference.k(d.length);
    return reference.sha256(Buffer.from([1]), reference.mth(d.slice(0, k)), reference.mth(d.slice(k)));
  },
  path(m: number, d: Buffer[]): Buffer[] {
    if (d.length === 1) return [];
    const k = reference.k(d.length);
    return m < k
      ? [...reference.path(m, d.slice(0, k)), reference.mth(d.slice(k))]
      : [...reference.path(m - k, d.slice(k)), reference.mth(d.slice(0, k))];
  },
  subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
    if (m === d.length) return b ? [] : [reference.mth(d)];
    const k = reference.k(d.length);
    return m <= k
      ? [...reference.subproof(m, d.slice(0, k), b), reference.mth(d.slice(k))]
      : [...reference.subproof(m - k, d.slice(k), false), reference.mth(d.slice(0, k))];
  },
};

const data = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`entry ${i}`));
const hex = (buffers: Buffer[]) => buffers.map((b) => b.toString('hex'));

function treeOf(entries: Buffer[]): MerkleTree {
  const tree = new MerkleTree();
  for (const entry of entries) tree.append(hashLeaf(entry));
  return tree;
}

describe('the transparency log tree (RFC 9162 §2.1)', () => {
  it('hashes an empty tree, a leaf and a node with the RFC prefixes', () => {
    expect(EMPTY_TREE_HASH.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashLeaf(Buffer.from('')).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    const [a, b] = [hashLeaf(Buffer.from('a')), hashLeaf(Buffer.from('b'))];
    expect(hashChildren(a, b)).toEqual(reference.sha256(Buffer.from([1]), a, b));
    expect(splitPoint(5)).toBe(4);
    expect(splitPoint(8)).toBe(4);
    expect(splitPoint(2)).toBe(1);
  });

  it('has the reference root at every size up to 70, from its stored subtrees', () => {
    const entries = data(70);
    const tree = treeOf(entries);
    for (let n = 0; n <= 70; n += 1) {
      expect(tree.root(n).toString('hex')).toBe(reference.mth(entries.slice(0, n)).toString('hex'));
    }
  });

  it('gives the reference audit path for every leaf of every size up to 33, and each verifies', () => {
    const entries = data(33);
    const tree = treeOf(entries);
    for (let n = 1; n <= 33; n += 1) {
      const root = tree.root(n);
      for (let m = 0; m < n; m += 1) {
        const proof = inclusionProof(m, n, tree.subtreeHash);
        expect(hex(proof)).toEqual(hex(reference.path(m, entries.slice(0, n))));
        expect(verifyInclusion(m, n, hashLeaf(entries[m]), proof, root)).toBe(true);
      }
    }
  });

  it('gives the reference consistency proof for every pair of sizes up to 33, and each verifies', () => {
    const entries = data(33);
    const tree = treeOf(entries);
    for (let n = 1; n <= 33; n += 1) {
      for (let m = 1; m <= n; m += 1) {
        const proof = tree.consistencyProof(m, n);
        expect(hex(proof)).toEqual(hex(reference.subproof(m, entries.slice(0, n), true)));
        expect(verifyConsistency(m, n, tree.root(m), tree.root(n), proof)).toBe(true);
      }
    }
  });

  it('rejects an inclusion proof for another leaf, a changed path or another root', () => {
    const entries = data(11);
    const tree = treeOf(entries);
    const proof = inclusionProof(6, 11, tree.subtreeHash);
    const root = tree.root();
    expect(verifyInclusion(6, 11, hashLeaf(Buffer.from('forged')), proof, root)).toBe(false);
    expect(verifyInclusion(5, 11, hashLeaf(entries[6]), proof, root)).toBe(false);
    expect(verifyInclusion(6, 11, hashLeaf(entries[6]), proof.slice(1), root)).toBe(false);
    expect(verifyInclusion(6, 11, hashLeaf(entries[6]), proof, tree.root(10))).toBe(false);
    expect(verifyInclusion(11, 11, hashLeaf(entries[6]), proof, root)).toBe(false);
  });

  it('finds that a log with an altered, removed or reordered entry is not an extension of the earlier head', () => {
    const entries = data(20);
    const before = treeOf(entries.slice(0, 13));
    const variants: Record<string, Buffer[]> = {
      altered: entries.map((e, i) => (i === 4 ? Buffer.from('altered') : e)),
      removed: entries.filter((_, i) => i !== 12),
      reordered: [entries[1], entries[0], ...entries.slice(2)],
    };
    for (const [what, log] of Object.entries(variants)) {
      const after = treeOf(log);
      const proof = after.consistencyProof(13, 20 - (what === 'removed' ? 1 : 0));
      expect([what, verifyConsistency(13, after.size, before.root(), after.root(), proof)]).toEqual([what, false]);
    }
    const honest = treeOf(entries);
    expect(verifyConsistency(13, 20, before.root(), honest.root(), honest.consistencyProof(13))).toBe(true);
  });

  it('refuses sizes outside the tree', () => {
    const tree = treeOf(data(5));
    expect(() => tree.consistencyProof(0, 5)).toThrow(RangeError);
    expect(() => tree.consistencyProof(6, 6)).toThrow(RangeError);
    expect(() => inclusionProof(5, 5, tree.subtreeHash)).toThrow(RangeError);
    expect(() => tree.root(6)).toThrow(RangeError);
    expect(verifyConsistency(5, 5, tree.root(), tree.root(), [])).toBe(true);
    expect(verifyConsistency(4, 5, tree.root(4), tree.root(), [])).toBe(false);
  });
});
