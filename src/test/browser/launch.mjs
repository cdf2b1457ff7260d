// Shared by the browser scripts: Debian's headless Chromium through playwright-core, and a page
// that records every request it makes and every console error or uncaught exception.
import { chromium } from 'playwright-core';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.NEWSGRAPH_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page of a new context, recording into `requests` and `problems`. */
export async function recordingPage(browser, options, requests, problems) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  return page;
}

/** The requests that went anywhere but the server (blob: and data: URLs stay in the page). */
export function outside(requests, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')
    && new URL(u).origin !== origin);
}
