// Debian's Chromium through playwright-core for the browser tests (html-browser.test.ts,
// map-browser.test.ts): a fresh profile per launch, and pages opened with every request other
// than the file itself recorded and aborted, console errors and dialogs collected.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** A fresh profile (--user-data-dir, which playwright takes as this call's first argument). */
export async function launch(profiles: string[], options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'servicegap-chromium-'));
  profiles.push(profile);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1120, height: 1000 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    timeout: 60_000,
  });
}

export interface Opened {
  readonly page: Page;
  /** Every request the page made, by URL. */
  readonly requests: string[];
  /** Requests to anything but the file itself (aborted). */
  readonly blocked: string[];
  readonly consoleErrors: string[];
  readonly dialogs: string[];
}

/** Open a local file; any request for another URL is recorded and aborted. */
export async function open(context: BrowserContext, file: string, viewport?: { width: number; height: number }): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target === url) return route.continue();
    blocked.push(target);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, blocked, consoleErrors, dialogs };
}
