import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1, with SHA-256.
 * Leaves and interior nodes are hashed with different prefixes (0x00, 0x01) so that a leaf can
 * never be passed off as a node. Proofs are built from a `SubtreeHash`, which answers MTH of
 * the leaves [start, end): whoever holds the tree decides how to store it, and may have to read
 * some of it back, hence the promise.
 */
export type SubtreeHash = (start: number, end: number) => Promise<Buffer>;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

function sha256(...parts: Buffer[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** MTH({}): the hash of an empty tree. */
export const EMPTY_TREE_HASH = sha256();

/** MTH({d}) = HASH(0x00 || d). */
export function hashLeaf(entry: Buffer): Buffer {
  return sha256(LEAF_PREFIX, entry);
}

/** HASH(0x01 || left || right). */
export function hashChildren(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** The largest power of two smaller than n (n > 1): where MTH splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes already computed (MTH of one leaf is its leaf hash). */
export function rootOfLeaves(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) return EMPTY_TREE_HASH;
  if (leafHashes.length === 1) return leafHashes[0];
  const k = splitPoint(leafHashes.length);
  return hashChildren(rootOfLeaves(leafHashes.slice(0, k)), rootOfLeaves(leafHashes.slice(k)));
}

/** PATH(m, D[n]): the audit path proving leaf `index` is in the tree of the first `size` leaves. */
export async function inclusionProof(index: number, size: number, mth: SubtreeHash): Promise<Buffer[]> {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`Leaf ${index} is not in a tree of ${size} leaves.`);
  }
  const path = async (m: number, start: number, end: number): Promise<Buffer[]> => {
    if (end - start === 1) return [];
    const k = splitPoint(end - start);
    return m < k
      ? [...(await path(m, start, start + k)), await mth(start + k, end)]
      : [...(await path(m - k, start + k, end)), await mth(start, start + k)];
  };
  return path(index, 0, size);
}

/** PROOF(m, D[n]): what proves the tree of the first `from` leaves is a prefix of the tree of `to`. */
export async function consistencyProof(from: number, to: number, mth: SubtreeHash): Promise<Buffer[]> {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || from > to) {
    throw new RangeError(`No consistency proof from ${from} to ${to} leaves: it needs 0 < from <= to.`);
  }
  const subproof = async (m: number, start: number, end: number, whole: boolean): Promise<Buffer[]> => {
    const n = end - start;
    if (m === n) return whole ? [] : [await mth(start, end)];
    const k = splitPoint(n);
    return m <= k
      ? [...(await subproof(m, start, start + k, whole)), await mth(start + k, end)]
      : [...(await subproof(m - k, start + k, end, false)), await mth(start, start + k)];
  };
  return subproof(from, 0, to, true);
}

/** RFC 9162 §2.1.3.2: does `proof` show the leaf at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Buffer,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree (`from`, `fromRoot`) is a prefix of (`to`, `toRoot`)? */
export function verifyConsistency(
  from: number,
  to: number,
  fromRoot: Buffer,
  toRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (from < 1 || from > to) return false;
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
