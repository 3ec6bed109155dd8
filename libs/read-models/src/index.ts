export * from './projection';
export * from './projection-runner';
export * from './pagination';
export * from './read-database';
export * from './all-projections';
export * from './access/people.queries';
export * from './regional-group/regional-group.queries';
export * from './regional-group/membership.queries';
