export * from './event-store';
export * from './metadata';
export * from './hash-chain';
export * from './idempotency';
export * from './handle-command';
export * from './sqlite/sqlite-event-store';
export * from './in-memory/in-memory-event-store';
export * from './transparency';
