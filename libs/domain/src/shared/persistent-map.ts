/**
 * An immutable map from strings to values in which `set` copies only the path to one entry
 * (a hash array mapped trie, as in Clojure and Immutable.js): a decider's `evolve` can record one
 * more person or appointment in time that does not grow with how many are held, and every earlier
 * state stays valid and unchanged. Copying a plain record instead costs its whole size per event,
 * so folding a long stream grew with the square of its length.
 *
 * `filter` answers in the order keys were first set, as `Object.values` does for a record of
 * string keys, so events built from it list ids in the order they were recorded.
 */
export class PersistentMap<V> {
  private static readonly EMPTY = new PersistentMap<never>({ kind: 'branch', bitmap: 0, children: [] }, 0, 0);

  private constructor(
    private readonly root: Branch<V>,
    /** How many keys it holds. */
    readonly size: number,
    /** The order number the next new key takes. */
    private readonly nextOrder: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.EMPTY;
  }

  get(key: string): V | undefined {
    const hash = hashOf(key);
    let node: Node<V> = this.root;
    for (let shift = 0; ; shift += BITS) {
      if (node.kind === 'leaf') return node.key === key ? node.value : undefined;
      if (node.kind === 'collision') return node.leaves.find((leaf) => leaf.key === key)?.value;
      const bit = 1 << ((hash >>> shift) & MASK);
      if ((node.bitmap & bit) === 0) return undefined;
      node = node.children[indexOf(node.bitmap, bit)];
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` holding `value`; a key already held keeps its place in the order. */
  set(key: string, value: V): PersistentMap<V> {
    const added = { value: false };
    const leaf: Leaf<V> = { kind: 'leaf', hash: hashOf(key), key, value, order: this.nextOrder };
    const root = setIn(this.root, leaf, 0, added) as Branch<V>;
    return added.value
      ? new PersistentMap(root, this.size + 1, this.nextOrder + 1)
      : new PersistentMap(root, this.size, this.nextOrder);
  }

  /** The values that satisfy `predicate`, in the order their keys were first set. */
  filter(predicate: (value: V) => boolean): V[] {
    const found: Leaf<V>[] = [];
    collect(this.root, predicate, found);
    return found.sort((a, b) => a.order - b.order).map((leaf) => leaf.value);
  }

  /** Every value, in the order their keys were first set. */
  values(): V[] {
    return this.filter(() => true);
  }
}

const BITS = 5;
const MASK = 31;

type Leaf<V> = Readonly<{ kind: 'leaf'; hash: number; key: string; value: V; order: number }>;
/** Keys whose 32-bit hashes are equal. */
type Collision<V> = Readonly<{ kind: 'collision'; hash: number; leaves: readonly Leaf<V>[] }>;
type Branch<V> = Readonly<{ kind: 'branch'; bitmap: number; children: readonly Node<V>[] }>;
type Node<V> = Leaf<V> | Collision<V> | Branch<V>;

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function indexOf(bitmap: number, bit: number): number {
  return bitCount(bitmap & (bit - 1));
}

function setIn<V>(node: Node<V>, leaf: Leaf<V>, shift: number, added: { value: boolean }): Node<V> {
  if (node.kind === 'leaf') {
    if (node.key === leaf.key) return { ...leaf, order: node.order };
    added.value = true;
    return node.hash === leaf.hash
      ? { kind: 'collision', hash: leaf.hash, leaves: [node, leaf] }
      : branchOf(node, leaf, shift);
  }
  if (node.kind === 'collision') {
    if (node.hash !== leaf.hash) {
      added.value = true;
      return branchOf(node, leaf, shift);
    }
    const at = node.leaves.findIndex((held) => held.key === leaf.key);
    if (at < 0) added.value = true;
    const leaves =
      at < 0
        ? [...node.leaves, leaf]
        : node.leaves.map((held, i) => (i === at ? { ...leaf, order: held.order } : held));
    return { kind: 'collision', hash: leaf.hash, leaves };
  }
  const bit = 1 << ((leaf.hash >>> shift) & MASK);
  const at = indexOf(node.bitmap, bit);
  const children = [...node.children];
  if ((node.bitmap & bit) === 0) {
    added.value = true;
    children.splice(at, 0, leaf);
    return { kind: 'branch', bitmap: node.bitmap | bit, children };
  }
  children[at] = setIn(node.children[at], leaf, shift + BITS, added);
  return { kind: 'branch', bitmap: node.bitmap, children };
}

/** A branch holding two nodes of different hashes that met at `shift`. */
function branchOf<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Branch<V> {
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) return { kind: 'branch', bitmap: 1 << ia, children: [branchOf(a, b, shift + BITS)] };
  return { kind: 'branch', bitmap: (1 << ia) | (1 << ib), children: ia < ib ? [a, b] : [b, a] };
}

function collect<V>(node: Node<V>, predicate: (value: V) => boolean, found: Leaf<V>[]): void {
  if (node.kind === 'leaf') {
    if (predicate(node.value)) found.push(node);
  } else if (node.kind === 'collision') {
    for (const leaf of node.leaves) if (predicate(leaf.value)) found.push(leaf);
  } else {
    for (const child of node.children) collect(child, predicate, found);
  }
}
