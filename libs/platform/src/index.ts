export * from './config/app-config';
export * from './time/clock';
export * from './logging/json-logger';
export * from './auth/signing-key';
export * from './auth/tokens';
export * from './errors/graphql-errors';
