import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { startOidcProvider, OidcProvider } from '../support/oidc-provider';
import { TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const CHROMIUM = '/usr/bin/chromium';
const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
const CLIENT_ID = 'safeguarding-pages';
const AUDIENCE = 'safeguarding-platform';

describeWithChromium('signing in to the pages at an OIDC provider (authorization code with PKCE)', () => {
  let provider: OidcProvider;
  let api: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    provider = await startOidcProvider(CLIENT_ID, AUDIENCE);
    api = await TestApp.start({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_CLIENT_ID: CLIENT_ID,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await provider?.close();
  });

  it('sends the person to the provider and back, signed in with the token the provider issued; signing out ends it', async () => {
    provider.subject = api.adminId;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${api.url}/`);
    expect(page.url()).toBe(`${api.url}/sign-in`);
    // No development sign-in where a provider is configured.
    await expect(page.getByLabel('Or paste a token').count()).resolves.toBe(0);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const toProvider = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}authorize`));
    await page.getByRole('button', { name: 'Sign in with your organisation’s account' }).click();
    const authorize = new URL((await toProvider).url());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${api.url}/sign-in/callback`);
    await page.waitForURL(`${api.url}/`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'You are signed in as Test Administrator.',
    );
    await expect(page.locator('.govuk-service-navigation__link').allInnerTexts()).resolves.toEqual([
      'Groups',
      'My tasks',
      'Audit',
    ]);
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'sp_session', httpOnly: true, sameSite: 'Lax' });
    expect(provider.refusedVerifiers).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('You have signed out.');
    const replay = await fetch(`${api.url}/`, {
      headers: { cookie: `sp_session=${cookie.value}` },
      redirect: 'manual',
    });
    expect([replay.status, replay.headers.get('location')]).toEqual([303, '/sign-in']);
    await page.context().close();
  });

  it('returns the person to the page they asked for once the provider sends them back', async () => {
    provider.subject = api.adminId;
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${api.url}/audit`);
    expect(page.url()).toBe(`${api.url}/sign-in?returnTo=%2Faudit`);
    await page.getByRole('button', { name: 'Sign in with your organisation’s account' }).click();
    await page.waitForURL(`${api.url}/audit`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'You are signed in as Test Administrator.',
    );
    await page.context().close();
  });

  it('refuses a return it did not start, and someone the platform does not know, with a page saying so', async () => {
    const page = await (await browser.newContext()).newPage();
    const forged = await page.goto(`${api.url}/sign-in/callback?code=stolen&state=guessed`);
    expect(forged?.status()).toBe(400);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Your sign-in had expired');

    provider.subject = 'someone-the-platform-does-not-know';
    await page.goto(`${api.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your organisation’s account' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('That token was not accepted');
    await expect(page.locator('h1').innerText()).resolves.toBe('Sign in');
    await page.context().close();
  });
});
