import { Request } from 'express';

/** The query parameter that carries the page asked for through sign-in. */
export const RETURN_TO = 'returnTo';

// Any origin would do: an address is this site's own exactly when resolving it keeps this one.
const HERE = 'http://here.invalid';

/**
 * Where to send a person once signed in: the address they asked for when it is a path of this
 * site (one `/`, then no second `/` or `\`, which browsers read as another host, and no control
 * character, which they drop), otherwise the home page, so that a link made elsewhere cannot send
 * someone who signs in on to another site.
 */
export function returnAddress(asked: unknown): string {
  if (typeof asked !== 'string' || !/^\/(?![/\\])/.test(asked) || /[\\\p{Cc}]/u.test(asked)) return '/';
  const url = new URL(asked, HERE);
  return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : '/';
}

/** A sign-in address carrying the page to return to, unless that is the home page, where sign-in leads anyway. */
export function carryingReturn(path: string, returnTo: string): string {
  return returnTo === '/' ? path : `${path}?${new URLSearchParams({ [RETURN_TO]: returnTo }).toString()}`;
}

/** The sign-in page, carrying the page a GET asked for: a form sent once signed out is not sent again. */
export function signInAddress(request: Request): string {
  return carryingReturn('/sign-in', request.method === 'GET' ? returnAddress(request.originalUrl) : '/');
}
