import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from './harness.js';

describe('the web app in Chromium', () => {
  let b: BrowserApp;
  before(async () => {
    b = await startBrowserApp();
  });
  after(() => b.close());

  it('serves the sign-in page, signs a demo account in and switches language', async () => {
    const ctx = await b.newContext();
    const page = await ctx.newPage();
    await page.goto('/login');
    await screenshot(page, 'login');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await signIn(page, 'dispatcher');
    assert.match(page.url(), /\/console\/work/);
    await page.getByTestId('current-user').waitFor();
    assert.match(await page.getByTestId('current-user').innerText(), /派遣员/);
    await page.getByTestId('language-switch').click();
    await page.getByTitle('English').click();
    await page.getByText('Dispatcher', { exact: false }).first().waitFor();
    assert.equal(await page.evaluate('document.documentElement.lang'), 'en');
  });

  it('answers an unknown page URL with the app and an unknown API path with JSON', async () => {
    const page = await (await b.newContext()).newPage();
    const res = await page.goto('/console/nowhere');
    assert.equal(res?.status(), 200);
    const api = await page.request.get('/api/nowhere');
    assert.equal(api.status(), 404);
    assert.equal((await api.json()).error.code, 'ROUTE_NOT_FOUND');
  });
});
