/*
 * The query page: named queries with their parameters, a SPARQL editor, results as a table whose
 * IRIs are links, and downloads in any result syntax. Talks only to this server.
 */
(function () {
  'use strict';

  var SPARQL_URL = 'newsgraph/sparql';
  var NAMED_URL = 'q';
  var TRUNCATED_HEADER = 'Newsgraph-Results-Truncated';
  var SHOW_ACCEPT = 'application/sparql-results+json, text/turtle;q=0.9';
  var STARTER = [
    'PREFIX news:   <https://w3id.org/newsgraph/ns#>',
    'PREFIX schema: <http://schema.org/>',
    '',
    '# The latest articles and who published them.',
    'SELECT ?article ?title ?provider ?published WHERE {',
    '  ?article a news:Article ;',
    '           schema:headline ?title .',
    '  OPTIONAL { ?article schema:datePublished ?published }',
    '  OPTIONAL { ?article schema:publisher/schema:name ?provider }',
    '}',
    'ORDER BY DESC(?published)',
    'LIMIT 50',
    ''
  ].join('\n');

  var el = {
    named: document.getElementById('named'),
    description: document.getElementById('named-description'),
    params: document.getElementById('params'),
    query: document.getElementById('query'),
    highlight: document.getElementById('highlight'),
    run: document.getElementById('run'),
    downloadFormat: document.getElementById('download-format'),
    download: document.getElementById('download'),
    status: document.getElementById('status'),
    results: document.getElementById('results'),
    endpoint: document.getElementById('endpoint-url')
  };
  var catalog = [];

  function init() {
    el.endpoint.textContent = new URL(SPARQL_URL, document.baseURI).href;
    el.query.value = STARTER;
    refreshHighlight();
    el.query.addEventListener('input', refreshHighlight);
    el.query.addEventListener('scroll', syncScroll);
    el.query.addEventListener('keydown', onKey);
    el.named.addEventListener('change', onNamedChosen);
    el.params.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    el.run.addEventListener('click', run);
    el.download.addEventListener('click', download);
    loadCatalog();
  }

  function refreshHighlight() {
    SparqlHighlight.render(el.query.value, el.highlight);
    syncScroll();
  }

  function syncScroll() {
    var pre = el.highlight.parentNode;
    pre.scrollTop = el.query.scrollTop;
    pre.scrollLeft = el.query.scrollLeft;
  }

  function onKey(e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    } else if (e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      var start = el.query.selectionStart;
      el.query.setRangeText('  ', start, el.query.selectionEnd, 'end');
      refreshHighlight();
    }
  }

  function loadCatalog() {
    fetch(NAMED_URL, { headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error('named queries: HTTP ' + r.status); }
        return r.json();
      })
      .then(function (queries) {
        catalog = queries;
        queries.forEach(function (q) {
          var option = document.createElement('option');
          option.value = q.name;
          option.textContent = q.name;
          option.title = q.description;
          el.named.appendChild(option);
        });
        document.body.dataset.ready = 'true';
      })
      .catch(function (err) { showStatus(String(err.message || err), 'error'); });
  }

  function chosenQuery() {
    var name = el.named.value;
    return catalog.find(function (q) { return q.name === name; }) || null;
  }

  function onNamedChosen() {
    var q = chosenQuery();
    el.params.replaceChildren();
    if (!q) {
      el.description.textContent = '';
      return;
    }
    el.description.textContent = q.description;
    q.params.forEach(function (p) {
      var label = document.createElement('label');
      label.htmlFor = 'param-' + p.name;
      label.textContent = p.name;
      if (p.required) { label.className = 'required'; }
      var input = document.createElement('input');
      input.id = 'param-' + p.name;
      input.name = p.name;
      input.required = p.required;
      input.placeholder = p.type + (p['default'] !== undefined ? ' (default ' + p['default'] + ')' : '');
      var help = document.createElement('small');
      help.textContent = p.description;
      el.params.append(label, input, help);
    });
    el.query.value = q.text;
    refreshHighlight();
  }

  /** The request for the current page state: a named query when its text is untouched. */
  function buildRequest(accept) {
    var q = chosenQuery();
    if (q && el.query.value === q.text) {
      var search = new URLSearchParams();
      Array.prototype.forEach.call(el.params.elements, function (input) {
        if (input.name && input.value.trim() !== '') { search.append(input.name, input.value.trim()); }
      });
      var missing = q.params.filter(function (p) { return p.required && !search.has(p.name); });
      if (missing.length) {
        throw new Error('fill in: ' + missing.map(function (p) { return p.name; }).join(', '));
      }
      return {
        name: q.name,
        url: NAMED_URL + '/' + encodeURIComponent(q.name) + '?' + search.toString(),
        init: { headers: { Accept: accept } }
      };
    }
    return {
      name: 'query',
      url: SPARQL_URL,
      init: {
        method: 'POST',
        headers: { Accept: accept, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: el.query.value }).toString()
      }
    };
  }

  function run() {
    var request;
    try {
      request = buildRequest(SHOW_ACCEPT);
    } catch (err) {
      showStatus(err.message, 'error');
      return;
    }
    var started = performance.now();
    busy(true);
    showStatus('Running…');
    fetch(request.url, request.init)
      .then(function (response) {
        return response.text().then(function (body) { return { response: response, body: body }; });
      })
      .then(function (r) {
        var ms = Math.round(performance.now() - started);
        if (!r.response.ok) {
          el.results.replaceChildren();
          showStatus('HTTP ' + r.response.status + ': ' + r.body.trim(), 'error');
          return;
        }
        var type = r.response.headers.get('Content-Type') || '';
        var cap = r.response.headers.get(TRUNCATED_HEADER);
        if (type.indexOf('json') >= 0) {
          var count = showTable(JSON.parse(r.body));
          var note = count + (count === 1 ? ' row' : ' rows') + ' in ' + ms + ' ms';
          if (cap) { showStatus(note + ' — cut at the server\'s cap of ' + cap + ' rows', 'warn'); }
          else { showStatus(note); }
        } else {
          showRdf(r.body);
          showStatus('graph in ' + ms + ' ms');
        }
      })
      .catch(function (err) { showStatus(String(err.message || err), 'error'); })
      .finally(function () { busy(false); });
  }

  function showTable(json) {
    if (typeof json['boolean'] === 'boolean') {
      var answer = document.createElement('p');
      answer.className = 'ask';
      answer.textContent = 'ASK: ' + json['boolean'];
      el.results.replaceChildren(answer);
      return 1;
    }
    var vars = json.head.vars;
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    head.appendChild(cell('th', '#'));
    vars.forEach(function (v) { head.appendChild(cell('th', v)); });
    var body = table.createTBody();
    json.results.bindings.forEach(function (row, i) {
      var tr = body.insertRow();
      var num = cell('td', String(i + 1));
      num.className = 'num';
      tr.appendChild(num);
      vars.forEach(function (v) { tr.appendChild(termCell(row[v])); });
    });
    el.results.replaceChildren(table);
    return json.results.bindings.length;
  }

  function cell(tag, text) {
    var c = document.createElement(tag);
    c.textContent = text;
    return c;
  }

  function termCell(term) {
    var td = document.createElement('td');
    if (!term) { return td; }
    if (term.type === 'uri') {
      // Only web IRIs become links: a javascript: or data: IRI in the data stays inert text.
      if (/^https?:\/\//i.test(term.value)) {
        var a = document.createElement('a');
        a.href = term.value;
        a.textContent = term.value;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        td.appendChild(a);
      } else {
        td.textContent = term.value;
      }
    } else if (term.type === 'bnode') {
      td.textContent = '_:' + term.value;
    } else {
      td.textContent = term.value;
      var suffix = term['xml:lang'] ? '@' + term['xml:lang'] : term.datatype ? shortType(term.datatype) : '';
      if (suffix) {
        var small = document.createElement('span');
        small.className = 'lit-type';
        small.textContent = suffix;
        td.appendChild(small);
      }
    }
    return td;
  }

  function shortType(datatype) {
    var xsd = 'http://www.w3.org/2001/XMLSchema#';
    return datatype.indexOf(xsd) === 0 ? 'xsd:' + datatype.substring(xsd.length) : '<' + datatype + '>';
  }

  function showRdf(text) {
    var pre = document.createElement('pre');
    pre.className = 'rdf';
    pre.textContent = text;
    el.results.replaceChildren(pre);
  }

  function download() {
    var option = el.downloadFormat.selectedOptions[0];
    var request;
    try {
      request = buildRequest(option.value);
    } catch (err) {
      showStatus(err.message, 'error');
      return;
    }
    busy(true);
    fetch(request.url, request.init)
      .then(function (response) {
        if (!response.ok) {
          return response.text().then(function (t) { throw new Error('HTTP ' + response.status + ': ' + t.trim()); });
        }
        return response.blob();
      })
      .then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = request.name + '.' + option.dataset.ext;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        showStatus('downloaded ' + link.download);
      })
      .catch(function (err) { showStatus(String(err.message || err), 'error'); })
      .finally(function () { busy(false); });
  }

  function busy(on) {
    el.run.disabled = on;
    el.download.disabled = on;
  }

  function showStatus(text, kind) {
    el.status.textContent = text;
    el.status.className = 'status' + (kind ? ' ' + kind : '');
  }

  init();
})();
