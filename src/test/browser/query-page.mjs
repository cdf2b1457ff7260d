// Drives the query page in headless Chromium and prints what a user would see, as JSON on stdout.
// Usage: node query-page.mjs BASE_URL QUERY_NAME PARAM_NAME PARAM_VALUE SCREENSHOT_PATH
// The JUnit test QueryPageBrowserTest starts the server, runs this script, and checks the output.
import { readFile } from 'node:fs/promises';
import { launch, recordingPage, outside } from './launch.mjs';

const [baseUrl, queryName, paramName, paramValue, screenshot] = process.argv.slice(2);

const browser = await launch();
try {
  const requests = [];
  const problems = [];
  const page = await recordingPage(browser,
    { acceptDownloads: true, viewport: { width: 1200, height: 800 } }, requests, problems);

  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  const highlighted = await page.locator('.CodeMirror .cm-keyword').count();

  await page.selectOption('#named', queryName);
  await page.fill('#param-' + paramName, paramValue);
  await page.click('#run');
  await page.waitForSelector('.readable[data-labelled="true"] tbody tr', { timeout: 15000 });

  const headers = await page.locator('.readable-table thead th').allTextContents();
  const rows = await page.locator('.readable-table tbody tr').evaluateAll((trs) => trs.map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => {
      const a = td.querySelector('a');
      return { text: td.textContent, href: a ? a.getAttribute('href') : null, title: td.title || (a ? a.title : '') };
    })));
  const status = await page.textContent('#status');

  await page.selectOption('#download-format', 'text/csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const downloadPath = await download.path();
  const downloaded = { name: download.suggestedFilename(), text: await readFile(downloadPath, 'utf8') };
  await page.locator('.yasr').screenshot({ path: screenshot });

  // Then the user's own SPARQL, typed into the editor, goes to the SPARQL endpoint through YASGUI.
  await page.selectOption('#named', '');
  await page.evaluate(() => document.querySelector('.CodeMirror').CodeMirror.setValue(
    'PREFIX news: <https://w3id.org/newsgraph/ns#>\n'
    + 'SELECT ?article WHERE { ?article a news:Article } ORDER BY ?article'));
  await page.click('.yasqe .yasqe_queryButton');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('rows in'));
  await page.waitForSelector('.readable[data-labelled="true"]');
  const adhoc = {
    headers: await page.locator('.readable-table thead th').allTextContents(),
    links: await page.locator('.readable-table tbody td a').count(),
    status: await page.textContent('#status'),
  };

  // A query's text is kept in the browser's local storage: a reload shows it again.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  const kept = await page.evaluate(() => document.querySelector('.CodeMirror').CodeMirror.getValue());

  console.log(JSON.stringify({ highlighted, headers, rows, status, downloaded, adhoc, kept,
    outside: outside(requests, baseUrl), requests: requests.length, problems }));
} finally {
  await browser.close();
}
