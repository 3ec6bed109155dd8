import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { ApiClient, ApiRefusal } from '../api-client';
import { button, csrfField, FieldError, radios, textarea } from '../components';
import { html } from '../html';
import { sendPage, Viewer } from '../layout';
import { Pages } from '../page-context';
import { Session, SessionStore } from '../session';
import { demoTokens, WEB_CONFIG, WebConfig } from '../web-config';

const TOKEN_MISSING = 'Choose who to sign in as, or paste a token';

@Controller()
export class SignInController {
  constructor(
    private readonly pages: Pages,
    private readonly sessions: SessionStore,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get('sign-in')
  show(@Req() request: Request, @Res() response: Response): void {
    const { session } = this.pages.public(request, response);
    this.render(response, session, [], {}, this.sessions.takeFlash(session));
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
    try {
      const { me } = await ApiClient.forRequest(request, token).send<{ me: Viewer }>('{ me { name } }');
      const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
      const signedIn = this.sessions.signIn(request, response, session, token, me.name, expiresAt);
      signedIn.flash = `You are signed in as ${me.name}.`;
      response.redirect(303, '/');
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const field = form.token?.trim() ? 'token' : 'role';
      this.render(
        response,
        session,
        [{ field, text: `That token was not accepted: ${error.message}` }],
        form,
        null,
        400,
      );
    }
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
    const content = this.config.devSignIn
      ? html`<h1 class="govuk-heading-l">Sign in</h1>
          <p class="govuk-body">
            This is the development sign-in of the embedded default: choose one of the demo’s people, or paste a token
            from <code>npm run cli -- token</code>. With an identity provider configured, people sign in there instead.
          </p>
          <form method="post" action="/sign-in" novalidate>
            ${csrfField(session.csrfToken)}
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
      : html`<h1 class="govuk-heading-l">Sign in</h1>
          <p class="govuk-body">
            Signing in through your organisation’s identity provider is not available in these pages yet. Use the
            GraphQL API with a token from your identity provider.
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
