// Drives the query page in headless Chromium and prints what a user would see, as JSON on stdout.
// Usage: node query-page.mjs BASE_URL QUERY_NAME PARAM_NAME PARAM_VALUE SCREENSHOT_PATH
// The JUnit test QueryPageBrowserTest starts the server, runs this script, and checks the output.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';

const [baseUrl, queryName, paramName, paramValue, screenshot] = process.argv.slice(2);
const executablePath = process.env.NEWSGRAPH_CHROMIUM || '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));

  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  const highlighted = await page.locator('#highlight span.tok-keyword').count();

  await page.selectOption('#named', queryName);
  await page.fill('#param-' + paramName, paramValue);
  await page.click('#run');
  await page.waitForSelector('#results table tbody tr', { timeout: 15000 });

  const headers = await page.locator('#results table thead th').allTextContents();
  const rows = await page.locator('#results table tbody tr').evaluateAll((trs) => trs.map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => {
      const a = td.querySelector('a');
      return { text: td.textContent, href: a ? a.getAttribute('href') : null };
    })));
  const status = await page.textContent('#status');

  await page.selectOption('#download-format', 'text/csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const downloadPath = await download.path();
  const downloaded = { name: download.suggestedFilename(), text: await readFile(downloadPath, 'utf8') };

  // Then the user's own SPARQL, typed into the editor, goes to the SPARQL endpoint.
  await page.selectOption('#named', '');
  await page.fill('#query', 'PREFIX news: <https://w3id.org/newsgraph/ns#>\n'
    + 'SELECT ?article WHERE { ?article a news:Article } ORDER BY ?article');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('rows in'));
  const adhoc = {
    headers: await page.locator('#results table thead th').allTextContents(),
    links: await page.locator('#results table tbody td a').count(),
    status: await page.textContent('#status'),
  };

  await page.screenshot({ path: screenshot, fullPage: true });
  const outside = requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'));
  console.log(JSON.stringify({ highlighted, headers, rows, status, downloaded, adhoc, outside, problems }));
} finally {
  await browser.close();
}
