import { Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PendingSignIn } from './oidc-sign-in';

export const SESSION_COOKIE = 'sp_session';
const ANONYMOUS_LIFETIME_MS = 2 * 3_600_000;
const SIGNED_IN_LIFETIME_MS = 12 * 3_600_000;
// Bounds memory against someone opening sessions in a loop; the oldest go first.
const MOST_SESSIONS = 10_000;

export interface Session {
  readonly id: string;
  /** Every form carries it; a POST whose field does not match is refused (session-bound CSRF token). */
  readonly csrfToken: string;
  readonly expiresAt: number;
  readonly signedIn: { readonly token: string; readonly name: string } | null;
  /** A one-off message for the next page shown (the GOV.UK success banner). */
  flash: string | null;
  /**
   * Between sending the person to the OIDC provider and their return: the PKCE verifier, state and
   * nonce, and the page they asked for (`returnAddress`), to send them on to once signed in.
   */
  pendingSignIn: (PendingSignIn & { readonly returnTo: string }) | null;
}

const newId = () => randomBytes(32).toString('base64url');

function readCookie(header: string | undefined, name: string): string | null {
  for (const pair of (header ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** Outside localhost the cookie travels over HTTPS only. */
function isLocal(request: Request): boolean {
  return ['localhost', '127.0.0.1', '::1', '[::1]'].includes(request.hostname);
}

/**
 * Sessions held in this process: the cookie carries only a random id, so signing out ends the
 * session for good and the bearer token never reaches the browser.
 */
@Injectable()
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  /** The visitor's session, starting an anonymous one (with its CSRF token) when there is none. */
  sessionOf(request: Request, response: Response): Session {
    const id = readCookie(request.headers.cookie, SESSION_COOKIE);
    const existing = id ? this.sessions.get(id) : undefined;
    if (existing && existing.expiresAt > Date.now()) return existing;
    if (existing) this.sessions.delete(existing.id);
    return this.start(request, response, null, Date.now() + ANONYMOUS_LIFETIME_MS);
  }

  /** A new session id on signing in, so an id planted before sign-in is worth nothing after. */
  signIn(request: Request, response: Response, old: Session, token: string, name: string, tokenExpiresAt: number) {
    this.sessions.delete(old.id);
    const expiresAt = Math.min(tokenExpiresAt, Date.now() + SIGNED_IN_LIFETIME_MS);
    return this.start(request, response, { token, name }, expiresAt);
  }

  /** Ends the session for good; the visitor carries on with a new anonymous one. */
  signOut(request: Request, response: Response, session: Session): Session {
    this.sessions.delete(session.id);
    return this.start(request, response, null, Date.now() + ANONYMOUS_LIFETIME_MS);
  }

  /** Constant-time comparison of the form's CSRF field with the session's token. */
  csrfMatches(session: Session, submitted: unknown): boolean {
    if (typeof submitted !== 'string') return false;
    const expected = Buffer.from(session.csrfToken);
    const given = Buffer.from(submitted);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  takeFlash(session: Session): string | null {
    const flash = session.flash;
    session.flash = null;
    return flash;
  }

  private start(request: Request, response: Response, signedIn: Session['signedIn'], expiresAt: number): Session {
    this.prune();
    const session: Session = { id: newId(), csrfToken: newId(), expiresAt, signedIn, flash: null, pendingSignIn: null };
    this.sessions.set(session.id, session);
    response.cookie(SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: !isLocal(request),
      path: '/',
      expires: new Date(expiresAt),
    });
    return session;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
    while (this.sessions.size >= MOST_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
  }
}
