/*
 * The query page: YASGUI (editor, tabs kept in the browser's local storage, result views) on this
 * server's SPARQL endpoint, with the ontology's prefixes and terms for autocompletion (from
 * /assets/vocabulary.json; no outside service), and the named queries: pick one, fill in its
 * parameters, run it through /q/NAME, or download its answer in any result syntax.
 */
(function () {
  'use strict';

  var T = window.NewsTerms;
  var Yasgui = window.Yasgui;
  var Yasqe = Yasgui.Yasqe;
  var SPARQL_URL = T.url('newsgraph/sparql');
  var NAMED_URL = T.url('q');
  var TRUNCATED_HEADER = 'Newsgraph-Results-Truncated';
  var SHOW_ACCEPT = 'application/sparql-results+json, text/turtle;q=0.9';

  var el = {
    named: document.getElementById('named'),
    description: document.getElementById('named-description'),
    params: document.getElementById('params'),
    run: document.getElementById('run'),
    downloadFormat: document.getElementById('download-format'),
    download: document.getElementById('download'),
    status: document.getElementById('status'),
    yasgui: document.getElementById('yasgui'),
    endpoint: document.getElementById('endpoint-url')
  };
  var catalog = [];
  var yasgui = null;
  var maxRows = 0;

  function starter(vocabulary) {
    var used = ['news', 'schema', 'dcterms', 'skos', 'prov', 'xsd', 'article', 'provider', 'topic', 'story'];
    var lines = used.filter(function (p) { return vocabulary.prefixes[p]; }).map(function (p) {
      return 'PREFIX ' + (p + ':        ').substring(0, 10) + '<' + vocabulary.prefixes[p] + '>';
    });
    return lines.concat([
      '',
      '# The latest articles and who published them.',
      'SELECT ?article ?title ?provider ?published WHERE {',
      '  ?article a news:Article ;',
      '           schema:headline ?title .',
      '  OPTIONAL { ?article schema:datePublished ?published }',
      '  OPTIONAL { ?article schema:publisher ?provider }',
      '}',
      'ORDER BY DESC(?published)',
      'LIMIT 50',
      ''
    ]).join('\n');
  }

  /**
   * Autocompleters fed by the ontology, built on YASQE's own ones for prefixes, properties and
   * classes (which would ask prefix.cc and LOV): the same positions and prefixed-name handling,
   * with suggestions from this server's vocabulary.
   */
  function registerCompleters(vocabulary) {
    var prefixList = Object.keys(vocabulary.prefixes).sort().map(function (p) {
      return p + ': <' + vocabulary.prefixes[p] + '>';
    });
    var matching = function (terms) {
      var iris = terms.map(function (t) { return t.iri; });
      return function (yasqe, token) {
        var typed = (token && token.autocompletionString) || '';
        return Promise.resolve(iris.filter(function (iri) { return iri.indexOf(typed) === 0; }));
      };
    };
    Yasqe.registerAutocompleter(Object.assign({}, Yasqe.Autocompleters.prefixes, {
      name: 'newsgraph-prefixes', bulk: true, get: function () { return prefixList; }
    }), false);
    Yasqe.registerAutocompleter(Object.assign({}, Yasqe.Autocompleters.property, {
      name: 'newsgraph-properties', bulk: false, autoShow: true, get: matching(vocabulary.properties)
    }), false);
    Yasqe.registerAutocompleter(Object.assign({}, Yasqe.Autocompleters['class'], {
      name: 'newsgraph-classes', bulk: false, autoShow: true, get: matching(vocabulary.classes)
    }), false);
  }

  function init(vocabulary) {
    el.endpoint.textContent = SPARQL_URL;
    maxRows = vocabulary.maxRows;
    registerCompleters(vocabulary);
    Yasqe.defaults.autocompleters = ['newsgraph-prefixes', 'newsgraph-properties', 'newsgraph-classes', 'variables'];
    Yasqe.defaults.extraKeys['Ctrl-Enter'] = function (yasqe) { run(yasqe); };
    Yasqe.defaults.extraKeys['Cmd-Enter'] = function (yasqe) { run(yasqe); };
    Yasgui.Yasr.defaults.pluginOrder = ['readable', 'picture', 'response'];
    Yasgui.Yasr.defaults.defaultPlugin = 'readable';
    Yasgui.Yasr.defaults.plugins.table = { enabled: false };
    Yasgui.Yasr.defaults.prefixes = vocabulary.prefixes;

    yasgui = new Yasgui(el.yasgui, {
      requestConfig: { endpoint: SPARQL_URL, method: 'POST', acceptHeaderSelect: SHOW_ACCEPT },
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: SPARQL_URL }]; } },
      copyEndpointOnNewTab: true,
      populateFromUrl: false,
      autofocus: false,
      yasqe: { value: starter(vocabulary), showQueryButton: true, editorHeight: '260px' },
      yasr: { prefixes: vocabulary.prefixes }
    });
    // The endpoint is always this server's, whatever an older tab in local storage says.
    Object.keys(yasgui._tabs || {}).forEach(function (id) { yasgui.getTab(id).setEndpoint(SPARQL_URL); });
    yasgui.on('tabSelect', function () { setTimeout(function () { adopt(yasgui.getTab()); }, 0); });
    yasgui.on('tabAdd', function () { setTimeout(function () { adopt(yasgui.getTab()); }, 0); });
    // YASGUI tells of a response before its results view has it: look once the view is drawn.
    yasgui.on('queryResponse', function (y, tab) {
      setTimeout(function () { queryResponded(tab || yasgui.getTab()); }, 0);
    });
    adopt(yasgui.getTab());

    el.named.addEventListener('change', onNamedChosen);
    el.params.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    el.run.addEventListener('click', function () { run(); });
    el.download.addEventListener('click', download);
    loadCatalog();
  }

  /** Routes a tab's own Run button (and Ctrl+Enter) through the page, so named queries go to /q. */
  function adopt(tab) {
    if (!tab) { return; }
    tab.setEndpoint(SPARQL_URL);
    var yasqe = tab.getYasqe();
    if (!yasqe || yasqe.newsgraphAdopted) { return; }
    var ownQuery = yasqe.query.bind(yasqe);
    yasqe.newsgraphAdopted = true;
    yasqe.ownQuery = ownQuery;
    yasqe.query = function () { run(yasqe); return Promise.resolve(); };
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
          option.textContent = q.name + (window.NewsPictures.handles(q.name) ? ' ◉' : '');
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
    el.description.textContent = q.description
      + (window.NewsPictures.handles(q.name) ? ' Its answer has a Picture view.' : '');
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
    yasgui.getTab().getYasqe().setValue(q.text);
  }

  function currentYasqe() {
    return yasgui.getTab().getYasqe();
  }

  /** The named query to run for the editor's text: the chosen one while its text is unchanged. */
  function namedRequest(text, accept) {
    var q = chosenQuery();
    if (!q || text !== q.text) { return null; }
    var params = {};
    var search = new URLSearchParams();
    Array.prototype.forEach.call(el.params.elements, function (input) {
      if (input.name && input.value.trim() !== '') {
        params[input.name] = input.value.trim();
        search.append(input.name, input.value.trim());
      }
    });
    var missing = q.params.filter(function (p) { return p.required && !(p.name in params); });
    if (missing.length) {
      throw new Error('fill in: ' + missing.map(function (p) { return p.name; }).join(', '));
    }
    return {
      name: q.name,
      params: params,
      url: NAMED_URL + '/' + encodeURIComponent(q.name) + '?' + search.toString(),
      init: { headers: { Accept: accept } }
    };
  }

  function run(yasqe) {
    var editor = yasqe || currentYasqe();
    var request;
    try {
      request = namedRequest(editor.getValue(), SHOW_ACCEPT);
    } catch (err) {
      showStatus(err.message, 'error');
      return;
    }
    if (!request) {
      window.NewsResults.setSource(null, null);
      showStatus('Running…');
      editor.ownQuery().catch(function () {});
      return;
    }
    runNamed(request);
  }

  function runNamed(request) {
    var tab = yasgui.getTab();
    var yasr = tab.getYasr();
    var started = performance.now();
    busy(true);
    showStatus('Running ' + request.name + '…');
    fetch(request.url, request.init)
      .then(function (response) {
        return response.text().then(function (body) { return { response: response, body: body }; });
      })
      .then(function (r) {
        var ms = Math.round(performance.now() - started);
        if (!r.response.ok) {
          showStatus('HTTP ' + r.response.status + ': ' + r.body.trim(), 'error');
          return;
        }
        window.NewsResults.setSource(request.name, request.params);
        var type = (r.response.headers.get('Content-Type') || '').split(';')[0];
        yasr.setResponse({ data: r.body, contentType: type, status: r.response.status, executionTime: ms });
        if (window.NewsPictures.handles(request.name)) {
          yasr.selectPlugin('picture');
        } else if (yasr.selectedPlugin === 'picture') {
          yasr.selectPlugin('readable');
        }
        reportRows(yasr, ms, r.response.headers.get(TRUNCATED_HEADER));
      })
      .catch(function (err) { showStatus(String(err.message || err), 'error'); })
      .finally(function () { busy(false); });
  }

  function queryResponded(tab) {
    var yasr = tab.getYasr();
    var results = yasr.results;
    if (!results) { return; }
    if (results.getError()) {
      var e = results.getError();
      showStatus('HTTP ' + (e.status || '') + ': ' + (e.text || e.statusText || 'error'), 'error');
      return;
    }
    // YASGUI keeps no response headers; a result as long as the server's cap may have been cut.
    var bindings = results.getBindings ? results.getBindings() : null;
    var cap = bindings && bindings.length === maxRows ? String(maxRows) : null;
    reportRows(yasr, results.getResponseTime(), cap);
  }

  function reportRows(yasr, ms, cap) {
    var results = yasr.results;
    var bindings = results && results.getBindings ? results.getBindings() : null;
    var note;
    if (bindings) {
      note = bindings.length + (bindings.length === 1 ? ' row' : ' rows') + ' in ' + Math.round(ms || 0) + ' ms';
    } else {
      note = 'answer in ' + Math.round(ms || 0) + ' ms';
    }
    if (cap) {
      showStatus(note + ' — cut at the server\'s cap of ' + cap + ' rows', 'warn');
    } else {
      showStatus(note);
    }
  }

  function download() {
    var option = el.downloadFormat.selectedOptions[0];
    var text = currentYasqe().getValue();
    var request;
    try {
      request = namedRequest(text, option.value) || {
        name: 'query',
        url: SPARQL_URL,
        init: {
          method: 'POST',
          headers: { Accept: option.value, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ query: text }).toString()
        }
      };
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

  T.load()
    .then(init)
    .catch(function (err) { showStatus(String(err.message || err), 'error'); });
})();
