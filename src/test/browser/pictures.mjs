// Drives the pictures in headless Chromium: on the query page, the Picture view of each named query
// that has one; then the resource pages of an article, a story, a provider and a topic. For each it
// prints what the picture holds (from the Cytoscape and Chart.js objects) beside what the named
// query answers as JSON, and takes a 1200x800 screenshot. Output: one JSON line on stdout.
// Usage: node pictures.mjs BASE_URL DATA_BASE_IRI ARTICLE_URL TOPIC PROVIDER_DOMAIN SCREENSHOT_DIR
// The JUnit test PicturesBrowserTest starts the server, runs this script, and checks the output.
import { launch, recordingPage, outside } from './launch.mjs';

const [baseUrl, dataBase, articleUrl, topic, domain, shots] = process.argv.slice(2);

/** A named query's JSON answer, fetched by this script (not by the page). */
async function answer(name, params) {
  const search = new URLSearchParams(params);
  search.set('format', 'json');
  const r = await fetch(baseUrl + 'q/' + name + '?' + search.toString());
  if (!r.ok) { throw new Error(name + ': HTTP ' + r.status + ' ' + await r.text()); }
  return (await r.json()).results.bindings;
}

const v = (row, name) => (row[name] ? row[name].value : null);

/** What a drawn picture element holds: counts, node labels, chart labels. */
function seen(page, selector) {
  return page.locator(selector).first().evaluate((el) => {
    const network = el.querySelector('.network');
    const canvas = el.querySelector('.timeline canvas');
    const chart = canvas ? window.Chart.getChart(canvas) : null;
    const cy = network ? network.cy : null;
    return {
      nodes: el.querySelector('[data-nodes]') ? Number(el.querySelector('[data-nodes]').dataset.nodes)
        : el.dataset.nodes ? Number(el.dataset.nodes) : null,
      edges: el.querySelector('[data-edges]') ? Number(el.querySelector('[data-edges]').dataset.edges)
        : el.dataset.edges ? Number(el.dataset.edges) : null,
      cyNodes: cy ? cy.nodes().length : null,
      nodeLabels: cy ? cy.nodes().map((n) => n.data('label')) : [],
      firstReports: cy ? cy.nodes('.first').length : null,
      focused: cy ? cy.nodes('.focus').map((n) => n.id()) : [],
      edgeWidths: cy ? cy.edges().map((e) => e.data('width')) : [],
      points: chart ? chart.data.datasets.reduce((n, d) => n + d.data.length, 0) : null,
      chartLabels: chart && chart.data.labels ? chart.data.labels : [],
      legend: Array.from(el.querySelectorAll('.legend li')).map((li) => li.textContent),
      title: (el.querySelector('.picture-title') || {}).textContent || '',
    };
  });
}

async function shot(page, locator, name) {
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: shots + '/' + name + '.png' });
}

const browser = await launch();
const requests = [];
const problems = [];
try {
  const page = await recordingPage(browser, { viewport: { width: 1200, height: 800 } }, requests, problems);
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });

  async function picture(name, params) {
    await page.selectOption('#named', name);
    for (const [k, value] of Object.entries(params)) { await page.fill('#param-' + k, value); }
    await page.evaluate(() => document.querySelectorAll('.picture').forEach((e) => e.remove()));
    await page.click('#run');
    await page.waitForSelector('.picture[data-drawn]', { timeout: 15000 });
    const drawn = await page.getAttribute('.picture', 'data-drawn');
    return { drawn, ...(await seen(page, '.picture')) };
  }

  const out = { query: {}, resource: {} };
  const stories = await answer('stories', {});
  const story = stories[0];
  const storyReports = await answer('first-report', { article: v(story, 'firstReport') });
  out.query.stories = {
    expected: { nodes: Number(v(story, 'size')), points: storyReports.filter((r) => v(r, 'published')).length,
      firstTitle: v(story, 'firstTitle'), stories: stories.length },
    seen: await picture('stories', {}),
    choices: await page.locator('.story-choice option').count(),
  };
  await shot(page, page.locator('.yasr'), 'picture-story');

  // The readable table of the same answer: labels instead of IRIs.
  await page.click('.yasr .select_readable');
  await page.waitForSelector('.readable[data-labelled="true"]');
  out.query.storiesTable = await page.locator('.readable-table tbody tr').first().evaluate((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => {
      const a = td.querySelector('a');
      return { text: td.textContent, href: a ? a.getAttribute('href') : null, title: td.title || (a ? a.title : '') };
    }));
  await shot(page, page.locator('.yasr'), 'query-page-table');

  const reports = await answer('first-report', { article: articleUrl });
  out.query['story-graph'] = {
    expected: { nodes: reports.length, points: reports.filter((r) => v(r, 'published')).length },
    seen: await picture('story-graph', { article: articleUrl }),
  };

  const links = await answer('provider-links', {});
  const domains = new Set(links.flatMap((r) => [v(r, 'citing'), v(r, 'cited')]));
  out.query['provider-links'] = {
    expected: { nodes: domains.size, edges: links.length, domains: [...domains].sort(),
      counts: links.map((r) => Number(v(r, 'count'))) },
    seen: await picture('provider-links', {}),
  };
  await shot(page, page.locator('.yasr'), 'picture-citations');

  const timeline = await answer('timeline', { topic });
  out.query.timeline = {
    expected: { points: timeline.length, labels: timeline.map((r) => v(r, 'period')) },
    seen: await picture('timeline', { topic }),
  };
  await shot(page, page.locator('.yasr'), 'picture-timeline');

  const storyTimeline = await answer('story-timeline', { article: articleUrl });
  out.query['story-timeline'] = {
    expected: { points: storyTimeline.length, labels: storyTimeline.map((r) => v(r, 'period')) },
    seen: await picture('story-timeline', { article: articleUrl }),
  };

  const profile = await answer('provider-profile', { provider: domain });
  const months = profile.filter((r) => v(r, 'section') === 'month');
  out.query['provider-profile'] = {
    expected: { points: months.length, labels: months.map((r) => v(r, 'item')) },
    seen: await picture('provider-profile', { provider: domain }),
  };

  // The resource pages: the same pictures for their subject.
  async function resource(iri) {
    await page.goto(iri, { waitUntil: 'load' });
    await page.waitForSelector('#pictures[data-ready="true"]', { timeout: 15000 });
    const parts = page.locator('#pictures .picture');
    const found = [];
    for (let i = 0; i < await parts.count(); i++) {
      found.push({ drawn: await parts.nth(i).getAttribute('data-drawn'), ...(await seen(page, `#pictures .picture >> nth=${i}`)) });
    }
    return { title: await page.title(), parts: found };
  }

  const articleIri = v(story, 'firstReport');
  const lastReport = storyReports[storyReports.length - 1];
  out.resource.article = {
    iri: v(lastReport, 'report'),
    expected: { nodes: storyReports.length, title: v(lastReport, 'title') },
    seen: await resource(v(lastReport, 'report')),
  };
  await shot(page, page.locator('#pictures'), 'resource-article');

  out.resource.story = {
    expected: { nodes: Number(v(story, 'size')), points: storyReports.filter((r) => v(r, 'published')).length },
    seen: await resource(v(story, 'story')),
  };

  const all = await answer('provider-links', { self: 'include', limit: '10000' });
  const near = all.filter((r) => v(r, 'citing') === domain || v(r, 'cited') === domain);
  out.resource.provider = {
    expected: { nodes: new Set(near.flatMap((r) => [v(r, 'citing'), v(r, 'cited')])).size, edges: near.length,
      points: months.length },
    seen: await resource(dataBase + 'provider/' + domain),
  };
  await shot(page, page.locator('#pictures'), 'resource-provider');

  const topicIri = dataBase + 'topic/' + topic.toLowerCase();
  const topicDays = await answer('timeline', { topic: topicIri, granularity: 'day' });
  out.resource.topic = {
    expected: { points: topicDays.length },
    seen: await resource(topicIri),
  };
  out.articleIri = articleIri;
  out.outside = outside(requests, baseUrl);
  out.requests = requests.length;
  out.problems = problems;
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
