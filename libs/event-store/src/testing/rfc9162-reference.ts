import { createHash } from 'node:crypto';

/** RFC 9162 §2.1.1-2.1.4 written out as literally as the text, over arrays of leaf data: what specs compare the tree with. */
export const reference = {
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
