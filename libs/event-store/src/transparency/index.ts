export * from './merkle';
export * from './merkle-tree';
export * from './signed-tree-head';
export * from './tree-head-due';
export * from './transparency-log';
