export const APP_CONFIG = Symbol('APP_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_DATABASE = Symbol('READ_DATABASE');
export const SIGNING_KEY = Symbol('SIGNING_KEY');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
