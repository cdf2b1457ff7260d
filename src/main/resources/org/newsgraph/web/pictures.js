/*
 * Pictures of the named queries' answers, shared by the query page's Picture tab and the resource
 * pages: a story as a network of its articles (Cytoscape.js; colour = provider, arrows = related
 * links, dashed = inferred same-story links, the first report marked) beside its timeline
 * (Chart.js), the providers' citation network (edge width = links), and timelines as bar charts.
 * Every drawing sets data-nodes / data-edges / data-points on its element from the library's own
 * objects, and each network's element keeps its Cytoscape instance as .cy. Needs window.cytoscape, window.Chart and window.NewsTerms. Exposes window.NewsPictures.
 */
(function () {
  'use strict';

  var T = window.NewsTerms;
  var NEWS = 'https://w3id.org/newsgraph/ns#';
  var SCHEMA = 'http://schema.org/';
  var PALETTE = ['#1f77b4', '#d95f02', '#2ca02c', '#d62728', '#7b3294', '#8c564b', '#e7298a',
    '#4d4d4d', '#a6761d', '#17becf'];
  var QUERIES = ['stories', 'story-graph', 'first-report', 'provider-links', 'timeline',
    'story-timeline', 'provider-profile'];

  function handles(name) {
    return QUERIES.indexOf(name) >= 0;
  }

  function named(name, params, format) {
    var search = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      if (params[k] !== undefined && params[k] !== '') { search.set(k, params[k]); }
    });
    search.set('format', format);
    return fetch(T.url('q/' + encodeURIComponent(name) + '?' + search.toString())).then(function (r) {
      if (!r.ok) { return r.text().then(function (t) { throw new Error(name + ': HTTP ' + r.status + ': ' + t.trim()); }); }
      return format === 'json' ? r.json() : r.text();
    });
  }

  function rows(json) {
    return json.results.bindings;
  }

  function value(row, name) {
    return row[name] ? row[name].value : null;
  }

  function make(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function shortText(text, max) {
    return text.length > max ? text.substring(0, max - 1) + '…' : text;
  }

  function day(ms) {
    return new Date(ms).toISOString().substring(0, 16).replace('T', ' ');
  }

  /** The triples of an N-Triples document, as {s, p, o} with o {iri} or {literal}. */
  function parseNTriples(text) {
    var out = [];
    var term = '(<[^>]*>|_:\\S+|"(?:[^"\\\\]|\\\\.)*"(?:\\^\\^<[^>]*>|@[A-Za-z0-9-]+)?)';
    var line = new RegExp('^' + term + '\\s+' + term + '\\s+' + term + '\\s*\\.\\s*$');
    text.split('\n').forEach(function (l) {
      var m = line.exec(l.trim());
      if (m) { out.push({ s: node(m[1]), p: node(m[2]), o: node(m[3]) }); }
    });
    return out;
  }

  function node(text) {
    if (text[0] === '<') { return { iri: text.substring(1, text.length - 1) }; }
    if (text[0] === '_') { return { blank: text }; }
    var end = text.lastIndexOf('"');
    var raw = text.substring(1, end).replace(/\\U([0-9A-Fa-f]{8})/g, function (m, hex) {
      return String.fromCodePoint(parseInt(hex, 16));
    });
    return { literal: JSON.parse('"' + raw + '"') };
  }

  function colours(keys) {
    var map = new Map();
    keys.slice().sort().forEach(function (k, i) { map.set(k, PALETTE[i % PALETTE.length]); });
    return map;
  }

  function legend(map) {
    var list = make('ul', 'legend');
    map.forEach(function (colour, key) {
      var item = make('li');
      var swatch = make('span', 'swatch');
      swatch.style.backgroundColor = colour;
      item.append(swatch, document.createTextNode(key));
      list.appendChild(item);
    });
    return list;
  }

  function openOnTap(cy) {
    cy.on('tap', 'node', function (e) {
      var iri = e.target.data('href');
      if (iri && T.linkable(iri)) { window.location.href = iri; }
    });
  }

  /** Marks the node of the article that has a URL (web, canonical, original or AMP). */
  function markByUrl(cy, url) {
    if (!/^https?:\/\/[^\s<>"{}|\\^`]+$/.test(url)) { return Promise.resolve(); }
    var sparql = 'PREFIX news: <' + NEWS + '>\nPREFIX schema: <' + SCHEMA + '>\n'
      + 'SELECT DISTINCT ?a WHERE { VALUES ?u { <' + url + '> ' + JSON.stringify(url) + ' }\n'
      + '  ?a schema:url|news:canonicalUrl|news:originalUrl|news:ampUrl|news:cdnAmpUrl ?u }';
    return T.select(sparql).then(function (json) {
      rows(json).forEach(function (r) { cy.getElementById(value(r, 'a')).addClass('focus'); });
    }).catch(function (err) { console.warn('article by URL:', err); });
  }

  /**
   * The story of an article: the network of its members and their timeline. Resolves when drawn;
   * an article in no story gets a note instead.
   */
  function storyView(el, article, options) {
    var opts = options || {};
    var params = { article: article };
    if (opts.links) { params.links = opts.links; }
    return Promise.all([named('story-graph', params, 'nt'), named('first-report', params, 'json')])
      .then(function (answers) {
        var triples = parseNTriples(answers[0]);
        var reports = rows(answers[1]);
        var members = new Map();
        var domains = new Map();
        var story = null;
        var first = null;
        triples.forEach(function (t) {
          var p = t.p.iri;
          if (p === NEWS + 'inStory' || p === NEWS + 'inGivenStory') {
            members.set(t.s.iri, members.get(t.s.iri) || {});
            story = t.o.iri;
          } else if (p === NEWS + 'firstReport') {
            first = t.o.iri;
          } else if (p === NEWS + 'domain') {
            domains.set(t.s.iri, t.o.literal);
          }
        });
        triples.forEach(function (t) {
          var m = t.s.iri && members.get(t.s.iri);
          if (!m) { return; }
          if (t.p.iri === SCHEMA + 'headline') { m.title = t.o.literal; }
          if (t.p.iri === SCHEMA + 'datePublished') { m.published = t.o.literal; }
          if (t.p.iri === SCHEMA + 'publisher') { m.publisher = t.o.iri; }
        });
        el.replaceChildren();
        el.classList.add('story-view');
        if (!members.size) {
          el.appendChild(make('p', 'hint', 'This article is in no story: no related link touches it.'));
          el.dataset.nodes = '0';
          el.dataset.points = '0';
          return;
        }
        var providerOf = function (m) { return (m.publisher && domains.get(m.publisher)) || 'unknown'; };
        var providerColours = colours(Array.from(new Set(Array.from(members.values()).map(providerOf))));
        var elements = [];
        members.forEach(function (m, iri) {
          var classes = [];
          if (iri === first) { classes.push('first'); }
          if (iri === opts.highlight) { classes.push('focus'); }
          elements.push({
            group: 'nodes',
            data: {
              id: iri, href: iri, label: shortText(m.title || T.shorten(iri), 38),
              colour: providerColours.get(providerOf(m))
            },
            classes: classes.join(' ')
          });
        });
        var seen = new Set();
        triples.forEach(function (t) {
          var p = t.p.iri;
          if ((p !== NEWS + 'related' && p !== NEWS + 'sameStory') || !members.has(t.s.iri)
            || !members.has(t.o.iri) || t.s.iri === t.o.iri) { return; }
          var inferred = p === NEWS + 'sameStory';
          var key = inferred ? [t.s.iri, t.o.iri].sort().join(' ') + ' same' : t.s.iri + ' ' + t.o.iri;
          if (seen.has(key)) { return; }
          seen.add(key);
          elements.push({
            group: 'edges',
            data: { id: key, source: t.s.iri, target: t.o.iri },
            classes: inferred ? 'inferred' : 'related'
          });
        });

        var head = make('p', 'picture-title');
        head.append(document.createTextNode('Story of ' + members.size + ' articles'
          + (first && members.get(first) ? '; first report: ' + (members.get(first).title || first) : '')));
        if (story && T.linkable(story)) {
          var link = make('a', null, ' (story page)');
          link.href = story;
          head.appendChild(link);
        }
        var graphBox = make('div', 'network');
        var chartBox = make('div', 'timeline');
        var canvas = make('canvas');
        chartBox.appendChild(canvas);
        var grid = make('div', 'story-grid');
        grid.append(graphBox, chartBox);
        el.append(head, grid, legend(providerColours));

        var cy = window.cytoscape({
          container: graphBox,
          elements: elements,
          layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 400000,
            idealEdgeLength: 140, nodeOverlap: 40, padding: 40 },
          maxZoom: 1.5,
          style: [
            { selector: 'node', style: {
              'background-color': 'data(colour)', label: 'data(label)', 'font-size': 10,
              'text-wrap': 'ellipsis', 'text-max-width': 140, 'text-valign': 'bottom', 'text-margin-y': 4,
              width: 18, height: 18 } },
            { selector: 'node.first', style: { shape: 'star', width: 30, height: 30, 'border-width': 2, 'border-color': '#111' } },
            { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#f0b400', 'font-weight': 'bold' } },
            { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'line-color': '#8a96a3',
              'target-arrow-shape': 'triangle', 'target-arrow-color': '#8a96a3' } },
            { selector: 'edge.inferred', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', 'line-color': '#c49a3a' } }
          ]
        });
        openOnTap(cy);
        graphBox.cy = cy;
        var marked = opts.highlight && !members.has(opts.highlight)
          ? markByUrl(cy, opts.highlight) // given by one of its URLs: mark the member that has it
          : Promise.resolve();
        el.dataset.nodes = String(cy.nodes().length);
        el.dataset.edges = String(cy.edges().length);

        // The timeline: one point per dated report, one row per provider, the first report a star.
        var byIri = new Map();
        reports.forEach(function (r) { byIri.set(value(r, 'report'), r); });
        var providers = Array.from(providerColours.keys());
        var datasets = providers.map(function (provider) {
          var points = [];
          members.forEach(function (m, iri) {
            var r = byIri.get(iri);
            if (providerOf(m) !== provider || !r || !value(r, 'published')) { return; }
            points.push({ x: Date.parse(value(r, 'published')), y: providers.indexOf(provider),
              title: value(r, 'title') || T.shorten(iri), first: iri === first, focus: iri === opts.highlight });
          });
          return {
            label: provider, data: points, backgroundColor: providerColours.get(provider),
            borderColor: providerColours.get(provider),
            pointStyle: points.map(function (p) { return p.first ? 'star' : 'circle'; }),
            pointRadius: points.map(function (p) { return p.first || p.focus ? 9 : 5; }),
            pointBorderWidth: points.map(function (p) { return p.first ? 2 : 1; })
          };
        });
        var chart = new window.Chart(canvas, {
          type: 'scatter',
          data: { datasets: datasets },
          options: {
            animation: false, responsive: true, maintainAspectRatio: false,
            plugins: {
              legend: { display: false },
              title: { display: true, text: 'Reports over time (first report: star)' },
              tooltip: { callbacks: { label: function (c) { return day(c.raw.x) + ' — ' + c.raw.title; } } }
            },
            scales: {
              x: { type: 'linear', ticks: { maxTicksLimit: 6, callback: function (v) { return day(v); } } },
              y: { type: 'linear', min: -0.5, max: providers.length - 0.5, reverse: true,
                afterBuildTicks: function (axis) {
                  axis.ticks = providers.map(function (p, i) { return { value: i }; });
                },
                ticks: { callback: function (v) { return providers[v] || ''; } } }
            }
          }
        });
        el.dataset.points = String(chart.data.datasets.reduce(function (n, d) { return n + d.data.length; }, 0));
        return marked;
      });
  }

  /** The story view of the stories answer: a choice of story, the first one drawn. */
  function storiesView(el, bindings, params) {
    el.replaceChildren();
    var usable = bindings.filter(function (r) { return value(r, 'firstReport'); });
    if (!usable.length) {
      el.appendChild(make('p', 'hint', 'No story has a first report to draw.'));
      return Promise.resolve();
    }
    var label = make('label', null, 'Story ');
    var choice = make('select', 'story-choice');
    usable.forEach(function (r, i) {
      var option = make('option', null, shortText((value(r, 'firstTitle') || value(r, 'story')), 70)
        + ' (' + value(r, 'size') + ' articles)');
      option.value = String(i);
      choice.appendChild(option);
    });
    label.appendChild(choice);
    var view = make('div', 'story-view');
    el.append(label, view);
    var draw = function () {
      return storyView(view, value(usable[Number(choice.value)], 'firstReport'), { links: params.links });
    };
    choice.addEventListener('change', draw);
    return draw();
  }

  /** The providers' citation network from provider-links rows; edge width by count. */
  function citationNetwork(el, bindings, focusDomain) {
    el.replaceChildren();
    el.classList.add('citation-view');
    var kept = focusDomain ? bindings.filter(function (r) {
      return value(r, 'citing') === focusDomain || value(r, 'cited') === focusDomain;
    }) : bindings;
    var max = kept.reduce(function (m, r) { return Math.max(m, Number(value(r, 'count'))); }, 1);
    var elements = [];
    var domains = new Set();
    kept.forEach(function (r) {
      [value(r, 'citing'), value(r, 'cited')].forEach(function (d) {
        if (!domains.has(d)) {
          domains.add(d);
          elements.push({ group: 'nodes', data: { id: d, label: d }, classes: d === focusDomain ? 'focus' : '' });
        }
      });
      var count = Number(value(r, 'count'));
      elements.push({ group: 'edges', data: {
        id: value(r, 'citing') + ' ' + value(r, 'cited'), source: value(r, 'citing'), target: value(r, 'cited'),
        count: count, width: 1 + 9 * count / max } });
    });
    el.appendChild(make('p', 'picture-title', focusDomain
      ? 'Who ' + focusDomain + ' cites and who cites it (edge width: links)'
      : 'Who cites whom (edge width: links)'));
    var box = make('div', 'network wide');
    el.appendChild(box);
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      layout: { name: 'circle', animate: false, padding: 40 },
      maxZoom: 1.5,
      style: [
        { selector: 'node', style: { 'background-color': '#2f6f9f', label: 'data(label)', 'font-size': 11,
          'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22 } },
        { selector: 'node.focus', style: { 'background-color': '#f0b400', 'border-width': 2, 'border-color': '#111' } },
        { selector: 'edge', style: { width: 'data(width)', label: 'data(count)', 'font-size': 10,
          'curve-style': 'bezier', 'line-color': '#9aa6b2', 'target-arrow-shape': 'triangle',
          'target-arrow-color': '#9aa6b2', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
        { selector: 'edge:loop', style: { 'control-point-step-size': 40 } }
      ]
    });
    box.cy = cy;
    el.dataset.nodes = String(cy.nodes().length);
    el.dataset.edges = String(cy.edges().length);
    return Promise.resolve();
  }

  /** A bar chart of period/count rows. */
  function barChart(el, title, labels, counts) {
    el.replaceChildren();
    el.classList.add('chart-view');
    var box = make('div', 'timeline wide');
    var canvas = make('canvas');
    box.appendChild(canvas);
    el.appendChild(box);
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'articles', data: counts, backgroundColor: '#2f6f9f' }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false }, title: { display: true, text: title } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    el.dataset.points = String(chart.data.datasets[0].data.length);
    return Promise.resolve();
  }

  function timelineChart(el, bindings, title) {
    return barChart(el, title,
      bindings.map(function (r) { return value(r, 'period'); }),
      bindings.map(function (r) { return Number(value(r, 'articles')); }));
  }

  function profileChart(el, bindings, title) {
    var months = bindings.filter(function (r) { return value(r, 'section') === 'month'; });
    return barChart(el, title,
      months.map(function (r) { return value(r, 'item'); }),
      months.map(function (r) { return Number(value(r, 'count')); }));
  }

  /** The picture of a named query's answer (SPARQL JSON bindings; story-graph needs only params). */
  function forQuery(el, name, params, bindings) {
    var p = params || {};
    switch (name) {
      case 'stories': return storiesView(el, bindings, p);
      case 'story-graph':
      case 'first-report': return storyView(el, p.article, { links: p.links, highlight: p.article });
      case 'provider-links': return citationNetwork(el, bindings, null);
      case 'timeline': return timelineChart(el, bindings, 'Articles per ' + (p.granularity || 'day'));
      case 'story-timeline': return timelineChart(el, bindings, 'Articles of the story per ' + (p.granularity || 'day'));
      case 'provider-profile': return profileChart(el, bindings, 'Articles per month');
      default: return Promise.reject(new Error('no picture for ' + name));
    }
  }

  /** Runs a named query as JSON and draws its picture. */
  function runAndDraw(el, name, params, transform) {
    return named(name, params, 'json').then(function (json) {
      var b = rows(json);
      return transform ? transform(b) : forQuery(el, name, params, b);
    });
  }

  window.NewsPictures = {
    handles: handles,
    forQuery: forQuery,
    storyView: storyView,
    citationNetwork: citationNetwork,
    timelineChart: timelineChart,
    profileChart: profileChart,
    runAndDraw: runAndDraw
  };
})();
