import {
  EMPTY_TREE_HASH,
  hashChildren,
  hashLeaf,
  inclusionProof,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import { reference } from '../testing/rfc9162-reference';
import { StoredLeaves } from '../testing/stored-leaves';
import { MerkleTree } from './merkle-tree';

const data = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`entry ${i}`));
const hex = (buffers: Buffer[]) => buffers.map((b) => b.toString('hex'));

function treeOf(entries: Buffer[]): MerkleTree {
  const stored = new StoredLeaves();
  entries.forEach((entry, i) => stored.append(entry, i + 1));
  return stored.tree;
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

  it('has the reference root at every size up to 70, from its stored subtrees', async () => {
    const entries = data(70);
    const tree = treeOf(entries);
    for (let n = 0; n <= 70; n += 1) {
      expect((await tree.root(n)).toString('hex')).toBe(reference.mth(entries.slice(0, n)).toString('hex'));
    }
  });

  it('gives the reference audit path for every leaf of every size up to 33, and each verifies', async () => {
    const entries = data(33);
    const tree = treeOf(entries);
    for (let n = 1; n <= 33; n += 1) {
      const root = await tree.root(n);
      for (let m = 0; m < n; m += 1) {
        const proof = await inclusionProof(m, n, tree.subtreeHash);
        expect(hex(proof)).toEqual(hex(reference.path(m, entries.slice(0, n))));
        expect(verifyInclusion(m, n, hashLeaf(entries[m]), proof, root)).toBe(true);
      }
    }
  });

  it('gives the reference consistency proof for every pair of sizes up to 33, and each verifies', async () => {
    const entries = data(33);
    const tree = treeOf(entries);
    for (let n = 1; n <= 33; n += 1) {
      for (let m = 1; m <= n; m += 1) {
        const proof = await tree.consistencyProof(m, n);
        expect(hex(proof)).toEqual(hex(reference.subproof(m, entries.slice(0, n), true)));
        expect(verifyConsistency(m, n, await tree.root(m), await tree.root(n), proof)).toBe(true);
      }
    }
  });

  it('rejects an inclusion proof for another leaf, a changed path or another root', async () => {
    const entries = data(11);
    const tree = treeOf(entries);
    const proof = await inclusionProof(6, 11, tree.subtreeHash);
    const root = await tree.root();
    expect(verifyInclusion(6, 11, hashLeaf(Buffer.from('forged')), proof, root)).toBe(false);
    expect(verifyInclusion(5, 11, hashLeaf(entries[6]), proof, root)).toBe(false);
    expect(verifyInclusion(6, 11, hashLeaf(entries[6]), proof.slice(1), root)).toBe(false);
    expect(verifyInclusion(6, 11, hashLeaf(entries[6]), proof, await tree.root(10))).toBe(false);
    expect(verifyInclusion(11, 11, hashLeaf(entries[6]), proof, root)).toBe(false);
  });

  it('finds that a log with an altered, removed or reordered entry is not an extension of the earlier head', async () => {
    const entries = data(20);
    const before = treeOf(entries.slice(0, 13));
    const variants: Record<string, Buffer[]> = {
      altered: entries.map((e, i) => (i === 4 ? Buffer.from('altered') : e)),
      removed: entries.filter((_, i) => i !== 12),
      reordered: [entries[1], entries[0], ...entries.slice(2)],
    };
    for (const [what, log] of Object.entries(variants)) {
      const after = treeOf(log);
      const proof = await after.consistencyProof(13, 20 - (what === 'removed' ? 1 : 0));
      expect([what, verifyConsistency(13, after.size, await before.root(), await after.root(), proof)]).toEqual([
        what,
        false,
      ]);
    }
    const honest = treeOf(entries);
    expect(verifyConsistency(13, 20, await before.root(), await honest.root(), await honest.consistencyProof(13))).toBe(
      true,
    );
  });

  it('refuses sizes outside the tree', async () => {
    const tree = treeOf(data(5));
    await expect(tree.consistencyProof(0, 5)).rejects.toThrow(RangeError);
    await expect(tree.consistencyProof(6, 6)).rejects.toThrow(RangeError);
    await expect(inclusionProof(5, 5, tree.subtreeHash)).rejects.toThrow(RangeError);
    await expect(tree.root(6)).rejects.toThrow(RangeError);
    expect(verifyConsistency(5, 5, await tree.root(), await tree.root(), [])).toBe(true);
    expect(verifyConsistency(4, 5, await tree.root(4), await tree.root(), [])).toBe(false);
  });
});
