import { PersistentMap } from './persistent-map';

/** A small deterministic generator, so a failure names the same keys on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
}

describe('a persistent map', () => {
  it('given 20,000 sets of 5,000 keys, when read back, then it holds what a Map holds, in first-set order', () => {
    const next = generator(14);
    let map = PersistentMap.empty<number>();
    const expected = new Map<string, number>();
    for (let i = 0; i < 20_000; i += 1) {
      const key = `person-${next() % 5_000}`;
      map = map.set(key, i);
      expected.set(key, i);
    }
    expect(map.size).toBe(expected.size);
    expect([...expected.keys()].map((key) => map.get(key))).toEqual([...expected.values()]);
    expect(map.get('person-5000')).toBeUndefined();
    expect(map.has('person-5000')).toBe(false);
    expect(map.values()).toEqual([...expected.values()]);
    expect(map.filter((value) => value % 7 === 0)).toEqual([...expected.values()].filter((value) => value % 7 === 0));
  });

  it('given a map, when a key is set, then the earlier map is unchanged', () => {
    const before = PersistentMap.empty<string>().set('a', 'first').set('b', 'second');
    const after = before.set('a', 'changed').set('c', 'third');
    expect(before.values()).toEqual(['first', 'second']);
    expect(before.size).toBe(2);
    expect(after.values()).toEqual(['changed', 'second', 'third']);
    expect(after.size).toBe(3);
  });

  it('given two keys whose hashes are equal, then it keeps both apart', () => {
    // FNV-1a gives both 1686615657.
    const map = PersistentMap.empty<number>().set('person-779058', 1).set('person-1222700', 2).set('person-1', 3);
    expect(map.get('person-779058')).toBe(1);
    expect(map.get('person-1222700')).toBe(2);
    expect(map.get('person-779059')).toBeUndefined();
    const changed = map.set('person-1222700', 20).set('person-779058', 10);
    expect(changed.values()).toEqual([10, 20, 3]);
    expect(changed.size).toBe(3);
    expect(map.values()).toEqual([1, 2, 3]);
  });
});
