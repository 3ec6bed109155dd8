import { Response } from 'express';
import { csrfField, errorSummary, FieldError, successBanner } from './components';
import { Html, html } from './html';

export const SERVICE_NAME = 'Safeguarding partnerships';

/** Who is signed in, as `me` gives it, and the pages their roles lead to. */
export interface Viewer {
  readonly name: string;
  readonly personId: string;
  readonly roles: readonly { readonly role: string; readonly areaId: string | null }[];
}

export interface PageOptions {
  readonly title: string;
  readonly content: Html;
  readonly csrfToken: string;
  readonly viewer: Viewer | null;
  /** The path of the navigation item to mark as current. */
  readonly current?: string;
  readonly errors?: readonly FieldError[];
  readonly flash?: string | null;
  readonly status?: number;
}

function navigation(
  viewer: Viewer | null,
  current: string | undefined,
): { href: string; text: string; current: boolean }[] {
  if (!viewer) return [{ href: '/sign-in', text: 'Sign in', current: current === '/sign-in' }];
  return [
    { href: '/', text: 'Groups' },
    { href: '/tasks', text: 'My tasks' },
    ...viewer.roles
      .filter((grant) => grant.role === 'AREA_BUSINESS_MANAGER' && grant.areaId)
      .map((grant) => ({ href: `/areas/${grant.areaId}/inbox`, text: 'Area inbox' })),
    // Everyone may keep and check the log's signed head there; the page shows the history to those it is for.
    { href: '/audit', text: 'Audit' },
  ].map((item) => ({ ...item, current: item.href === current }));
}

function serviceNavigation(viewer: Viewer | null, current: string | undefined): Html {
  return html`<section
    aria-label="Service information"
    class="govuk-service-navigation"
    data-module="govuk-service-navigation"
  >
    <div class="govuk-width-container">
      <div class="govuk-service-navigation__container">
        <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
          <button
            type="button"
            class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
            aria-controls="navigation"
            hidden
            aria-hidden="true"
          >
            Menu
          </button>
          <ul class="govuk-service-navigation__list" id="navigation">
            ${navigation(viewer, current).map((item) =>
              item.current
                ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active">
                    <a class="govuk-service-navigation__link" href="${item.href}" aria-current="page">
                      <strong class="govuk-service-navigation__active-fallback">${item.text}</strong></a
                    >
                  </li>`
                : html`<li class="govuk-service-navigation__item">
                    <a class="govuk-service-navigation__link" href="${item.href}">${item.text}</a>
                  </li>`,
            )}
          </ul>
        </nav>
      </div>
    </div>
  </section>`;
}

function signedInAs(viewer: Viewer | null, csrfToken: string): Html {
  if (!viewer) return html``;
  return html`<form method="post" action="/sign-out" class="app-signed-in">
    ${csrfField(csrfToken)}
    <p class="govuk-body-s govuk-!-margin-bottom-0">
      Signed in as ${viewer.name}
      <button
        type="submit"
        class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
        data-module="govuk-button"
      >
        Sign out
      </button>
    </p>
  </form>`;
}

/** The GOV.UK page template: skip link, header, navigation, main, footer. */
export function page(options: PageOptions): Html {
  const errors = options.errors ?? [];
  const title = `${errors.length > 0 ? 'Error: ' : ''}${options.title} – ${SERVICE_NAME}`;
  return html`<!DOCTYPE html>
    <html lang="en" class="govuk-template">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico" />
        <link rel="icon" sizes="any" href="/assets/images/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/web/govuk-frontend.min.css" />
        <link rel="stylesheet" href="/web/app.css" />
      </head>
      <body class="govuk-template__body">
        <script src="/web/js-enabled.js"></script>
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
        <header class="govuk-template__header">
          <div class="govuk-generic-header">
            <div class="govuk-generic-header__container govuk-width-container">
              <div class="govuk-generic-header__logo">
                <a href="/" class="govuk-generic-header__homepage-link">${SERVICE_NAME}</a>
              </div>
            </div>
          </div>
          ${serviceNavigation(options.viewer, options.current)}
        </header>
        <div class="govuk-width-container">
          ${signedInAs(options.viewer, options.csrfToken)}
          <main class="govuk-main-wrapper" id="main-content">
            ${errorSummary(errors)} ${successBanner(options.flash ?? null)} ${options.content}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 class="govuk-visually-hidden">Support links</h2>
                <ul class="govuk-footer__inline-list">
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/graphql">GraphQL API</a>
                  </li>
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/health">Service health</a>
                  </li>
                </ul>
                <span class="govuk-footer__licence-description"
                  >Governance records of regional children’s safeguarding partnerships. No information identifying a
                  child or family is held here.</span
                >
              </div>
            </div>
          </div>
        </footer>
        <script type="module" src="/web/init.mjs"></script>
      </body>
    </html>`;
}

/**
 * Scripts, styles, fonts and images come from this server only; the pages work without
 * JavaScript, which only adds the Design System's enhancements.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function sendPage(response: Response, options: PageOptions): void {
  response
    .status(options.status ?? 200)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    })
    .send(page(options).value);
}
