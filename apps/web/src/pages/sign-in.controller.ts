import { Controller, Get, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { ApiClient, ApiRefusal } from '../api-client';
import { button, csrfField, FieldError, radios, textarea } from '../components';
import { html } from '../html';
import { sendPage, Viewer } from '../layout';
import { OidcSignIn } from '../oidc-sign-in';
import { Pages } from '../page-context';
import { carryingReturn, returnAddress, RETURN_TO } from '../return-address';
import { Session, SessionStore } from '../session';
import { tokenRefusalText } from './token-refusal';
import { demoTokens, WEB_CONFIG, WebConfig } from '../web-config';

const TOKEN_MISSING = 'Choose who to sign in as, or paste a token';
const SIGN_IN_AGAIN = 'Your sign-in had expired or was started elsewhere; sign in again';
const PROVIDER_FAILED =
  'Your organisation’s sign-in service could not be reached or did not accept the sign-in; try again';

/** Where the OIDC provider sends the person back, on this server. */
const CALLBACK_PATH = '/sign-in/callback';

@Controller()
export class SignInController {
  private readonly logger = new Logger('Web');

  constructor(
    private readonly pages: Pages,
    private readonly sessions: SessionStore,
    private readonly oidc: OidcSignIn,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  /** Sends the person to the provider, keeping the PKCE verifier, state and nonce in their session. */
  @Get('sign-in/oidc')
  async startOidc(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { session } = this.pages.public(request, response);
    if (!this.oidc.enabled) {
      response.redirect(303, '/sign-in');
      return;
    }
    try {
      const { url, pending } = await this.oidc.start(`${this.origin(request)}${CALLBACK_PATH}`);
      session.pendingSignIn = { ...pending, returnTo: returnAddress(request.query[RETURN_TO]) };
      response.redirect(303, url.href);
    } catch (error) {
      this.providerProblem(response, session, error);
    }
  }

  /** The provider's answer: the code is exchanged for tokens, and the API's own `me` names who signed in. */
  @Get(CALLBACK_PATH.slice(1))
  async finishOidc(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { session } = this.pages.public(request, response);
    const pending = session.pendingSignIn;
    session.pendingSignIn = null;
    if (!this.oidc.enabled || !pending) {
      this.render(response, session, [{ field: 'sign-in', text: SIGN_IN_AGAIN }], {}, null, 400);
      return;
    }
    let token: string;
    try {
      token = await this.oidc.finish(new URL(request.originalUrl, this.origin(request)), pending);
    } catch (error) {
      this.providerProblem(response, session, error);
      return;
    }
    await this.enter(request, response, session, token, 'sign-in', { [RETURN_TO]: pending.returnTo });
  }

  @Get('sign-in')
  show(@Req() request: Request, @Res() response: Response): void {
    const { session } = this.pages.public(request, response);
    const asked = { [RETURN_TO]: returnAddress(request.query[RETURN_TO]) };
    this.render(response, session, [], asked, this.sessions.takeFlash(session));
  }

  @Post('sign-in')
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { session, form, csrfOk } = this.pages.public(request, response);
    if (!csrfOk || !this.config.devSignIn) {
      this.render(
        response,
        session,
        [{ field: 'role', text: 'The sign-in form had expired; try again' }],
        form,
        null,
        400,
      );
      return;
    }
    const token = form.token?.trim() || demoTokens(this.config)[form.role ?? ''];
    if (!token) {
      this.render(response, session, [{ field: 'role', text: TOKEN_MISSING }], form, null, 400);
      return;
    }
    await this.enter(request, response, session, token, form.token?.trim() ? 'token' : 'role', form);
  }

  /**
   * A token the API accepts starts a signed-in session (with a new id) and returns the person to the
   * page they asked for (the form's `returnTo`, when it is this site's); one it refuses is shown why.
   */
  private async enter(
    request: Request,
    response: Response,
    session: Session,
    token: string,
    field: string,
    form: Record<string, string> = {},
  ): Promise<void> {
    try {
      const { me } = await ApiClient.forRequest(request, token).send<{ me: Viewer }>('{ me { name } }');
      const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
      const signedIn = this.sessions.signIn(request, response, session, token, me.name, expiresAt);
      signedIn.flash = `You are signed in as ${me.name}.`;
      response.redirect(303, returnAddress(form[RETURN_TO]));
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      this.render(response, session, [{ field, text: tokenRefusalText(error.message) }], form, null, 400);
    }
  }

  private providerProblem(response: Response, session: Session, error: unknown): void {
    this.logger.warn(`OIDC sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
    this.render(response, session, [{ field: 'sign-in', text: PROVIDER_FAILED }], {}, null, 502);
  }

  /** This server's own address as the browser used it, for the provider to send the person back to. */
  private origin(request: Request): string {
    return `${request.protocol}://${request.get('host') ?? `${request.hostname}`}`;
  }

  @Post('sign-out')
  signOut(@Req() request: Request, @Res() response: Response): void {
    const { session, csrfOk } = this.pages.public(request, response);
    if (csrfOk) {
      this.sessions.signOut(request, response, session).flash = 'You have signed out.';
    }
    response.redirect(303, '/sign-in');
  }

  private render(
    response: Response,
    session: Session,
    errors: FieldError[],
    form: Record<string, string>,
    flash: string | null,
    status = 200,
  ): void {
    const holders = Object.keys(demoTokens(this.config));
    const returnTo = returnAddress(form[RETURN_TO]);
    const content = this.config.devSignIn
      ? html`<h1 class="govuk-heading-l">Sign in</h1>
          <p class="govuk-body">
            This is the development sign-in of the embedded default: choose one of the demo’s people, or paste a token
            from <code>npm run cli -- token</code>. With an identity provider configured, people sign in there instead.
          </p>
          <form method="post" action="/sign-in" novalidate>
            ${csrfField(session.csrfToken)}
            ${returnTo === '/' ? html`` : html`<input type="hidden" name="${RETURN_TO}" value="${returnTo}" />`}
            ${
              holders.length > 0
                ? radios({
                    id: 'role',
                    name: 'role',
                    label: 'Who do you want to sign in as?',
                    hint: 'The demo’s tokens, from tokens.json in the data directory.',
                    choices: holders.map((holder) => ({
                      value: holder,
                      text: holder.charAt(0).toUpperCase() + holder.slice(1),
                    })),
                    value: form.role,
                    errors,
                  })
                : html`<p class="govuk-body" id="role">No demo tokens were found in the data directory.</p>`
            }
            ${textarea({
              id: 'token',
              name: 'token',
              label: 'Or paste a token',
              hint: 'A token takes precedence over the choice above.',
              errors,
            })}
            ${button('Sign in')}
          </form>`
      : this.oidc.enabled
        ? html`<h1 class="govuk-heading-l">Sign in</h1>
            <p class="govuk-body" id="sign-in">You sign in with your organisation’s account.</p>
            <a
              href="${carryingReturn('/sign-in/oidc', returnTo)}"
              role="button"
              draggable="false"
              class="govuk-button govuk-button--start"
              >Sign in with your organisation’s account</a
            >`
        : html`<h1 class="govuk-heading-l">Sign in</h1>
            <p class="govuk-body" id="sign-in">
              These pages are not set up for signing in here: give the platform the pages’ client id at your identity
              provider (AUTH_CLIENT_ID). Until then, use the GraphQL API with a token from your identity provider.
            </p>`;
    sendPage(response, {
      title: 'Sign in',
      content,
      csrfToken: session.csrfToken,
      viewer: null,
      errors,
      flash,
      status,
      current: '/sign-in',
    });
  }
}
