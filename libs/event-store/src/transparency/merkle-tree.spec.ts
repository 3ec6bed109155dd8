import { reference } from '../testing/rfc9162-reference';
import { StoredLeaves } from '../testing/stored-leaves';
import { verifyConsistency } from './merkle';
import { CHUNK, LeavesChangedError } from './merkle-tree';

const data = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`entry ${i}`));
const hex = (buffers: Buffer[]) => buffers.map((b) => b.toString('hex'));
/** Strictly increasing with gaps, as a PostgreSQL sequence leaves them: leaf index is never the position. */
const gappedPosition = (i: number) => 3 * i + (i % 3) + 10;

function stored(entries: Buffer[]): StoredLeaves {
  const leaves = new StoredLeaves();
  entries.forEach((entry, i) => leaves.append(entry, gappedPosition(i)));
  return leaves;
}

describe('the tree kept from chunks of 64 leaves up, reading a chunk back for sizes inside it', () => {
  it('keeps chunks of 64 leaves', () => {
    expect(CHUNK).toBe(64);
  });

  it.each([0, 1, 63, 64, 65, 127, 128, 129, 200, 1000])(
    'a tree of %i leaves at gapped positions has the reference root at every size, and the reference proof from every size to its own',
    async (n) => {
      const entries = data(n);
      const { tree } = stored(entries);
      expect(tree.size).toBe(n);
      expect(hex([await tree.root()])).toEqual(hex([reference.mth(entries)]));
      for (let size = 1; size <= n; size += 1) {
        const root = await tree.root(size);
        expect([size, root.toString('hex')]).toEqual([size, reference.mth(entries.slice(0, size)).toString('hex')]);
        const proof = await tree.consistencyProof(size, n);
        expect([size, hex(proof)]).toEqual([size, hex(reference.subproof(size, entries, true))]);
        expect([size, verifyConsistency(size, n, root, await tree.root(n), proof)]).toEqual([size, true]);
      }
    },
  );

  it('gives the reference proof between sizes inside complete chunks of a larger tree', async () => {
    const entries = data(200);
    const { tree } = stored(entries);
    for (const to of [1, 2, 63, 64, 65, 100, 127, 128, 129, 199]) {
      for (let from = 1; from <= to; from += 1) {
        const proof = await tree.consistencyProof(from, to);
        expect([from, to, hex(proof)]).toEqual([from, to, hex(reference.subproof(from, entries.slice(0, to), true))]);
      }
    }
  });

  it('reads a complete chunk back once while it is kept, and never for sizes on chunk boundaries or in the last chunk', async () => {
    const leaves = stored(data(200));
    for (const size of [64, 128, 192, 193, 200]) await leaves.tree.root(size);
    expect(leaves.reads).toBe(0);
    for (let size = 1; size < 64; size += 1) await leaves.tree.root(size);
    expect(leaves.reads).toBe(1);
    await leaves.tree.consistencyProof(10, 100);
    expect(leaves.reads).toBe(2);
  });

  it('gives the reference roots when leaves are appended after a chunk was read, and while a root is being computed', async () => {
    const entries = data(300);
    const leaves = stored(entries.slice(0, 100));
    await leaves.tree.root(10);
    const pending = leaves.tree.root(70);
    entries.slice(100, 200).forEach((entry, i) => leaves.append(entry, gappedPosition(100 + i)));
    expect((await pending).toString('hex')).toBe(reference.mth(entries.slice(0, 70)).toString('hex'));
    for (let size = 1; size <= 200; size += 1) {
      expect([size, (await leaves.tree.root(size)).toString('hex')]).toEqual([
        size,
        reference.mth(entries.slice(0, size)).toString('hex'),
      ]);
    }
    entries.slice(200).forEach((entry, i) => leaves.append(entry, gappedPosition(200 + i)));
    const proof = await leaves.tree.consistencyProof(70, 300);
    expect(hex(proof)).toEqual(hex(reference.subproof(70, entries, true)));
  });

  describe('refuses a root or proof from a chunk the store changed after the tree read it', () => {
    const changes: Record<string, (leaves: StoredLeaves) => void> = {
      altered: (leaves) => (leaves.entries[70].data = Buffer.from('altered')),
      removed: (leaves) => leaves.entries.splice(70, 1),
      'inserted in a gap': (leaves) =>
        leaves.entries.splice(70, 0, { position: gappedPosition(70) - 1, data: Buffer.from('inserted') }),
      reordered: (leaves) => leaves.entries.splice(70, 2, leaves.entries[71], leaves.entries[70]),
      'cut back': (leaves) => leaves.entries.splice(100),
    };
    it.each(Object.keys(changes))('%s', async (change) => {
      const entries = data(200);
      const leaves = stored(entries);
      changes[change](leaves);
      const refusal = { name: 'LeavesChangedError', start: 64, end: 128 };
      await expect(leaves.tree.root(100)).rejects.toMatchObject(refusal);
      await expect(leaves.tree.root(65)).rejects.toBeInstanceOf(LeavesChangedError);
      await expect(leaves.tree.consistencyProof(100, 200)).rejects.toMatchObject(refusal);
      await expect(leaves.tree.consistencyProof(10, 100)).rejects.toMatchObject(refusal);
      // What needs no leaves of the changed chunk is answered from what was read, as before.
      for (const size of [10, 64, 128, 192, 200]) {
        expect((await leaves.tree.root(size)).toString('hex')).toBe(
          reference.mth(entries.slice(0, size)).toString('hex'),
        );
      }
    });
  });
});
