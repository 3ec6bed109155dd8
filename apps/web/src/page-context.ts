import { Injectable, Logger } from '@nestjs/common';
import { isEntityId } from '@app/domain';
import { Request, Response } from 'express';
import { ApiClient, ApiRefusal } from './api-client';
import { FieldError } from './components';
import { html, Html } from './html';
import { sendPage, Viewer } from './layout';
import { signInAddress } from './return-address';
import { Session, SessionStore } from './session';

export interface PageContext {
  readonly session: Session;
  readonly api: ApiClient;
  readonly viewer: Viewer;
  /** The form fields of a POST, as strings (a repeated field keeps its last value). */
  readonly form: Readonly<Record<string, string>>;
  readonly render: (options: {
    title: string;
    content: Html;
    current?: string;
    errors?: readonly FieldError[];
    status?: number;
  }) => void;
  /** Post/redirect/get: the next page shows `message` in a success banner. */
  readonly redirect: (path: string, message?: string) => void;
}

const ME = '{ me { personId name roles { role areaId } } }';

/**
 * Thrown by a page's work when an id of its address, well-formed, names nothing there (the API found
 * none): "Page not found", as for an id that could name nothing at all.
 */
export class AddressNamesNothing extends Error {}

function formFields(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => [
      key,
      Array.isArray(value) ? String(value[value.length - 1]) : typeof value === 'string' ? value : '',
    ]),
  );
}

/**
 * Whether every id the address names (a route's `groupId`, `areaId`, `taskId`, …) is one the platform
 * could have given out: an edited address naming anything else names nothing, and no page is there.
 */
function namesOnlyEntityIds(params: Request['params']): boolean {
  return Object.entries(params).every(([name, value]) => !name.endsWith('Id') || isEntityId(value));
}

/**
 * What every page does around its own work: the session, sign-in, the CSRF check on every form,
 * "Page not found" for an address whose id cannot name anything, and the API's refusals shown as
 * pages a person understands.
 */
@Injectable()
export class Pages {
  private readonly logger = new Logger('Web');

  constructor(private readonly sessions: SessionStore) {}

  /** A page for signed-in people; anyone else is sent to sign in. */
  async handle(request: Request, response: Response, work: (context: PageContext) => Promise<void>): Promise<void> {
    const session = this.sessions.sessionOf(request, response);
    if (request.method === 'POST' && !this.sessions.csrfMatches(session, formFields(request.body)._csrf)) {
      this.problem(response, session, await this.viewerOf(request, session), 400, 'Your form could not be sent', [
        'The page had been open too long, or was sent from elsewhere. Go back, reload the page and try again.',
      ]);
      return;
    }
    // Before the API is asked: its refusal of a malformed id speaks of its input, not of the address.
    if (!namesOnlyEntityIds(request.params)) return this.notFound(request, response);
    if (!session.signedIn) {
      response.redirect(303, signInAddress(request));
      return;
    }
    const api = ApiClient.forRequest(request, session.signedIn.token);
    let viewer: Viewer | null = null;
    try {
      viewer = (await api.send<{ me: Viewer }>(ME)).me;
      const flash = this.sessions.takeFlash(session);
      const signedInViewer = viewer;
      await work({
        session,
        api,
        viewer,
        form: formFields(request.body),
        render: (options) =>
          sendPage(response, { ...options, csrfToken: session.csrfToken, viewer: signedInViewer, flash }),
        redirect: (path, message) => {
          session.flash = message ?? null;
          response.redirect(303, path);
        },
      });
    } catch (error) {
      if (error instanceof AddressNamesNothing) return this.notFound(request, response);
      this.refused(error, request, response, session, viewer);
    }
  }

  /** A page without sign-in (the sign-in page itself), still with its session and CSRF check. */
  public(request: Request, response: Response): { session: Session; form: Record<string, string>; csrfOk: boolean } {
    const session = this.sessions.sessionOf(request, response);
    const form = formFields(request.body);
    return { session, form, csrfOk: request.method !== 'POST' || this.sessions.csrfMatches(session, form._csrf) };
  }

  /** The page for an address no page has, with the person's navigation when they are signed in. */
  async notFound(request: Request, response: Response): Promise<void> {
    const session = this.sessions.sessionOf(request, response);
    this.problem(response, session, await this.viewerOf(request, session), 404, 'Page not found', [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ]);
  }

  /**
   * The page for a workstream's or meeting's address under a group it is not one of (`what`, "The
   * workstream …"): no page is there, and nothing is sent to the API from it.
   */
  notTheGroups(response: Response, { session, viewer }: Pick<PageContext, 'session' | 'viewer'>, what: string): void {
    this.problem(response, session, viewer, 404, 'Page not found', [`${what} is not one of this group’s.`]);
  }

  /**
   * The page for an address with a broken percent-encoding (a `%` not followed by two hexadecimal
   * digits, or bytes that are not UTF-8), which no page can read, whatever the method.
   */
  async badAddress(request: Request, response: Response): Promise<void> {
    const session = this.sessions.sessionOf(request, response);
    this.problem(response, session, await this.viewerOf(request, session), 400, 'The web address is not valid', [
      'Part of the address after a % sign is not a character the address can hold.',
      'If you typed or pasted the web address, check it is correct.',
    ]);
  }

  /** Who is signed in, for a page that does not need them to be: an expired sign-in is nobody. */
  private async viewerOf(request: Request, session: Session): Promise<Viewer | null> {
    if (!session.signedIn) return null;
    try {
      return (await ApiClient.forRequest(request, session.signedIn.token).send<{ me: Viewer }>(ME)).me;
    } catch (error) {
      // An expired sign-in still gets the page, without the navigation; anything else is worth a look.
      if (!(error instanceof ApiRefusal))
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return null;
    }
  }

  problem(
    response: Response,
    session: Session,
    viewer: Viewer | null,
    status: number,
    title: string,
    sentences: readonly string[],
  ): void {
    sendPage(response, {
      title,
      status,
      csrfToken: session.csrfToken,
      viewer,
      content: html`<h1 class="govuk-heading-l">${title}</h1>
        ${sentences.map((sentence) => html`<p class="govuk-body">${sentence}</p>`)}`,
    });
  }

  private refused(error: unknown, request: Request, response: Response, session: Session, viewer: Viewer | null): void {
    if (!(error instanceof ApiRefusal)) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      this.problem(response, session, viewer, 500, 'Sorry, there is a problem with the service', ['Try again later.']);
      return;
    }
    if (error.code === 'UNAUTHENTICATED') {
      this.sessions.signOut(request, response, session);
      response.redirect(303, signInAddress(request));
      return;
    }
    if (error.code === 'FORBIDDEN') {
      this.problem(response, session, viewer, 403, 'You cannot see this page', [error.message]);
      return;
    }
    if (error.code === 'NOT_FOUND') {
      this.problem(response, session, viewer, 404, 'Page not found', [error.message]);
      return;
    }
    this.problem(response, session, viewer, 400, 'That could not be done', [error.message]);
  }
}

/** The request's single-valued query parameters; repeated (array) or nested ones are dropped. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
