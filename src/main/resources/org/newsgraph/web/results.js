/*
 * Two YASR result views for the query page. "Table": the rows a page at a time, the store's
 * articles, providers, topics and stories by their labels (one SPARQL query for the page's IRIs)
 * linked to their description, other IRIs as prefixed names, literals without their datatype (on
 * hover instead). "Picture": the named query's answer drawn by NewsPictures, offered only for the
 * named queries that have one. Registered on window.Yasgui.Yasr before the page builds YASGUI.
 */
(function () {
  'use strict';

  var T = window.NewsTerms;
  var PAGE_SIZE = 50;

  function make(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function icon(text) {
    var span = make('span', 'view-icon', text);
    span.setAttribute('aria-hidden', 'true');
    return span;
  }

  /** The cell of one RDF term; store resources get their label later (see fillLabels). */
  function termCell(term) {
    var td = make('td');
    if (!term) { return td; }
    if (term.type === 'uri') {
      var iri = term.value;
      var shown = T.shorten(iri);
      if (T.linkable(iri)) {
        var a = make('a', null, shown);
        a.href = iri;
        a.title = iri;
        if (T.kindOf(iri)) {
          a.className = 'resource';
          a.dataset.iri = iri;
        } else {
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
        }
        td.appendChild(a);
      } else {
        td.textContent = shown;
      }
    } else if (term.type === 'bnode') {
      td.textContent = '_:' + term.value;
    } else {
      var lit = T.literal(term);
      td.textContent = lit.text;
      if (lit.title) {
        td.title = lit.title;
        td.className = 'typed';
      }
    }
    return td;
  }

  function ReadableTable(yasr) {
    this.yasr = yasr;
    this.page = 0;
    this.label = 'Table';
    this.priority = 10;
  }

  ReadableTable.prototype.canHandleResults = function () {
    var r = this.yasr.results;
    return !!r && !r.getError() && r.getVariables().length > 0;
  };

  ReadableTable.prototype.getIcon = function () { return icon('▦'); };

  ReadableTable.prototype.draw = function () {
    this.page = 0;
    this.render();
  };

  ReadableTable.prototype.render = function () {
    var self = this;
    var vars = this.yasr.results.getVariables();
    var bindings = this.yasr.results.getBindings() || [];
    var pages = Math.max(1, Math.ceil(bindings.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    var from = this.page * PAGE_SIZE;
    var shown = bindings.slice(from, from + PAGE_SIZE);

    var wrap = make('div', 'readable');
    var table = make('table', 'readable-table');
    var head = table.createTHead().insertRow();
    head.appendChild(make('th', 'num', '#'));
    vars.forEach(function (v) { head.appendChild(make('th', null, v)); });
    var body = table.createTBody();
    shown.forEach(function (row, i) {
      var tr = body.insertRow();
      tr.appendChild(make('td', 'num', String(from + i + 1)));
      vars.forEach(function (v) { tr.appendChild(termCell(row[v])); });
    });
    wrap.appendChild(table);

    var nav = make('div', 'pager');
    var prev = make('button', null, '‹ Previous');
    prev.type = 'button';
    prev.disabled = this.page === 0;
    prev.addEventListener('click', function () { self.page -= 1; self.render(); });
    var next = make('button', null, 'Next ›');
    next.type = 'button';
    next.disabled = this.page >= pages - 1;
    next.addEventListener('click', function () { self.page += 1; self.render(); });
    var where = make('span', 'page-info', bindings.length
      ? 'rows ' + (from + 1) + '–' + (from + shown.length) + ' of ' + bindings.length
      : 'no rows');
    nav.append(prev, where, next);
    if (pages > 1) { wrap.appendChild(nav); }

    this.yasr.resultsEl.replaceChildren(wrap);
    fillLabels(wrap);
  };

  /** Replaces the shown names of the store's resources on the page by their labels, in one query. */
  function fillLabels(root) {
    var links = Array.prototype.slice.call(root.querySelectorAll('a.resource'));
    if (!links.length) {
      root.dataset.labelled = 'true';
      return;
    }
    T.labels(links.map(function (a) { return a.dataset.iri; }))
      .then(function (labels) {
        links.forEach(function (a) {
          var label = labels.get(a.dataset.iri);
          if (label) { a.textContent = label; }
        });
      })
      .catch(function (err) { console.warn('labels:', err); })
      .finally(function () { root.dataset.labelled = 'true'; });
  }

  /** The named query the shown results came from, set by the page (app.js); null for own SPARQL. */
  var source = { name: null, params: null };

  function Picture(yasr) {
    this.yasr = yasr;
    this.label = 'Picture';
    this.priority = 20;
  }

  Picture.prototype.canHandleResults = function () {
    var r = this.yasr.results;
    return !!r && !r.getError() && !!source.name && window.NewsPictures.handles(source.name);
  };

  Picture.prototype.getIcon = function () { return icon('◉'); };

  Picture.prototype.draw = function () {
    var el = make('div', 'picture');
    this.yasr.resultsEl.replaceChildren(el);
    var bindings = this.yasr.results.getBindings() || [];
    window.NewsPictures.forQuery(el, source.name, source.params, bindings)
      .then(function () { el.dataset.drawn = 'true'; })
      .catch(function (err) {
        el.replaceChildren(make('p', 'error', String(err.message || err)));
        el.dataset.drawn = 'error';
      });
  };

  window.Yasgui.Yasr.registerPlugin('readable', ReadableTable);
  window.Yasgui.Yasr.registerPlugin('picture', Picture);

  window.NewsResults = {
    /** Tells the views which named query (and parameters) the next results come from. */
    setSource: function (name, params) {
      source.name = name;
      source.params = params;
    }
  };
})();
