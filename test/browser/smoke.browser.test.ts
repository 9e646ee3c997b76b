import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_PASSWORD } from '../helpers/app.js';
import {
  screenshot,
  seriousA11yViolations,
  signIn,
  submitSignIn,
  startBrowserApp,
  type BrowserApp,
} from './harness.js';

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

  it('makes a one-time password be replaced before anything else', async () => {
    await b.t.createUser('newcomer', ['dispatcher'], { mustChangePassword: true });
    const page = await (await b.newContext()).newPage();
    await submitSignIn(page, 'newcomer', TEST_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('a-fresh-long-passphrase');
    await page.getByLabel('再次输入新密码').fill('a-fresh-long-passphrase');
    await page.getByRole('button', { name: '修改密码并进入' }).click();
    await page.waitForURL(/\/console\/work/);
    // The new password is the one that works now.
    const again = await (await b.newContext()).newPage();
    await signIn(again, 'newcomer', 'a-fresh-long-passphrase');
    assert.match(again.url(), /\/console\/work/);
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
