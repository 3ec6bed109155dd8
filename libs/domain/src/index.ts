export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/roles';
export * from './shared/text';
export * from './access/access.decider';
export * from './regional-group/regional-group.decider';
