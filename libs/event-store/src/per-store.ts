import { EventStore } from './event-store';

/**
 * One value per store, made on first use and dropped with the store: what a process keeps beside
 * each store it handles commands on, shared by every command on that store.
 */
export function perStore<T>(make: () => T): (store: EventStore) => T {
  const made = new WeakMap<EventStore, T>();
  return (store) => {
    let value = made.get(store);
    if (value === undefined) {
      value = make();
      made.set(store, value);
    }
    return value;
  };
}
