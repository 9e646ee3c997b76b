/**
 * Browser tests: the real app (demo district, fixed server clock) listening on a port and serving the built web
 * app, driven by Debian's Chromium through playwright-core. `npm test` builds the web app first when browser
 * tests are selected. Screenshots go to artifacts/screenshots/ (kept by CI as artifacts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCaseTestApp, DEMO_PASSWORD, type CaseTestApp } from '../../src/modules/cases/test-helpers.js';
import { fromPackageRoot } from '../../src/platform/paths.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built web app; WEB_ROOT points elsewhere when several builds are tested side by side. */
export const WEB_ROOT = path.resolve(process.env.WEB_ROOT ?? fromPackageRoot('dist', 'web'));
export const SCREENSHOT_DIR = fromPackageRoot('artifacts', 'screenshots');
export { DEMO_PASSWORD };

export interface BrowserApp {
  t: CaseTestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage), zh-CN, a desktop window unless told otherwise. */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Thursday 10:00 in Hangzhou: inside office hours, so working-time clocks run. */
export const BROWSER_TEST_NOW = '2025-10-09T02:00:00Z';

export async function startBrowserApp(options: { now?: string } = {}): Promise<BrowserApp> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`,
    );
  }
  const t = await createCaseTestApp({
    now: options.now ?? BROWSER_TEST_NOW,
    webRoot: WEB_ROOT,
  });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
    });
  } catch (error) {
    await t.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl: address,
    browser,
    async newContext(opts = {}) {
      const ctx = await browser.newContext({
        baseURL: address,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
        reducedMotion: 'reduce',
        ...opts,
      });
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the login page as a demo account and waits for its home page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Fills and sends the sign-in form without waiting for where it leads. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.waitForLoadState('networkidle');
  await page.addScriptTag({ path: fromPackageRoot('node_modules', 'axe-core', 'axe.min.js') });
  // A string, not a function: this file is compiled for Node, without the DOM types.
  const result = await page.evaluate<{
    violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[];
  }>(`window.axe.run(document, { resultTypes: ['violations'] })`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
}
