/*
 * What the query page and the resource pages know of the data's terms: the vocabulary the server
 * builds (/assets/vocabulary.json: base IRI, prefixes, ontology classes and properties), IRIs as
 * prefixed names, literals without datatype noise, and the labels of the store's resources,
 * fetched in one SPARQL query per batch. Talks only to this server. Exposes window.NewsTerms.
 */
(function () {
  'use strict';

  // This script is ROOT/assets/terms.js: everything else is under the same root.
  var ROOT = new URL('..', document.currentScript.src).href;
  var XSD = 'http://www.w3.org/2001/XMLSchema#';
  var KINDS = ['article', 'provider', 'topic', 'story'];
  var vocabulary = null;
  var loading = null;
  var labelCache = new Map();

  function url(path) {
    return ROOT + path;
  }

  /** Loads the vocabulary once; resolves to it. */
  function load() {
    if (!loading) {
      loading = fetch(url('assets/vocabulary.json'), { headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (!r.ok) { throw new Error('vocabulary: HTTP ' + r.status); }
          return r.json();
        })
        .then(function (v) { vocabulary = v; return v; });
    }
    return loading;
  }

  /** The prefixes, longest namespace first, so that kind prefixes win over id:. */
  function prefixEntries() {
    return Object.keys(vocabulary.prefixes)
      .map(function (p) { return [p, vocabulary.prefixes[p]]; })
      .sort(function (a, b) { return b[1].length - a[1].length; });
  }

  var LOCAL = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

  /** An IRI as a prefixed name when a prefix covers it and the rest is a plain local name. */
  function shorten(iri) {
    if (!vocabulary) { return iri; }
    var entries = prefixEntries();
    for (var i = 0; i < entries.length; i++) {
      var ns = entries[i][1];
      if (iri.indexOf(ns) === 0 && LOCAL.test(iri.substring(ns.length))) {
        return entries[i][0] + ':' + iri.substring(ns.length);
      }
    }
    return iri;
  }

  /** 'article', 'provider', 'topic' or 'story' for the store's resources; null otherwise. */
  function kindOf(iri) {
    if (!vocabulary || iri.indexOf(vocabulary.base) !== 0) { return null; }
    var rest = iri.substring(vocabulary.base.length);
    var slash = rest.indexOf('/');
    var kind = slash > 0 ? rest.substring(0, slash) : null;
    return KINDS.indexOf(kind) >= 0 ? kind : null;
  }

  /** A literal of SPARQL JSON as {text, title}: the value alone, its datatype or language as hover text. */
  function literal(term) {
    var type = term.datatype || '';
    var text = term.value;
    if (type === XSD + 'dateTime') {
      var m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/.exec(text);
      if (m) { text = m[1] + ' ' + m[2] + (m[5] && m[5] !== 'Z' ? ' ' + m[5] : m[5] ? ' UTC' : ''); }
    } else if (type === XSD + 'decimal' || type === XSD + 'double' || type === XSD + 'float') {
      var n = Number(text);
      if (isFinite(n)) { text = String(Math.round(n * 1000) / 1000); }
    }
    var title = term['xml:lang'] ? '@' + term['xml:lang'] : type ? shorten(type) : '';
    return { text: text, title: title };
  }

  /** Runs a SELECT at the SPARQL endpoint; resolves to its SPARQL JSON. */
  function select(sparql) {
    return fetch(url('newsgraph/sparql'), {
      method: 'POST',
      headers: {
        Accept: 'application/sparql-results+json',
        'Content-Type': 'application/x-www-form-urlencoded'
      },
      body: new URLSearchParams({ query: sparql }).toString()
    }).then(function (r) {
      if (!r.ok) { return r.text().then(function (t) { throw new Error('HTTP ' + r.status + ': ' + t.trim()); }); }
      return r.json();
    });
  }

  /**
   * The labels of resources (headline, name, preferred label; a story by its first report's
   * headline), fetched in one query for all IRIs not already known. Resolves to a Map IRI -> label.
   */
  function labels(iris) {
    var wanted = Array.from(new Set(iris)).filter(function (i) {
      return !labelCache.has(i) && /^https?:\/\/[^\s<>"{}|\\^`]+$/.test(i);
    });
    var done = function () {
      var out = new Map();
      iris.forEach(function (i) { if (labelCache.get(i)) { out.set(i, labelCache.get(i)); } });
      return out;
    };
    if (!wanted.length) { return Promise.resolve(done()); }
    var sparql = [
      'PREFIX news: <https://w3id.org/newsgraph/ns#>',
      'PREFIX schema: <http://schema.org/>',
      'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>',
      'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>',
      'SELECT ?s (COALESCE(MIN(?h), MIN(?n), MIN(?p), MIN(?r), CONCAT("story: ", MIN(?f))) AS ?label) WHERE {',
      '  VALUES ?s { ' + wanted.map(function (i) { return '<' + i + '>'; }).join(' ') + ' }',
      '  OPTIONAL { ?s schema:headline ?h }',
      '  OPTIONAL { ?s schema:name ?n }',
      '  OPTIONAL { ?s skos:prefLabel ?p }',
      '  OPTIONAL { ?s rdfs:label ?r }',
      '  OPTIONAL { ?s news:firstReport/schema:headline ?f }',
      '} GROUP BY ?s'
    ].join('\n');
    return select(sparql).then(function (json) {
      wanted.forEach(function (i) { labelCache.set(i, null); });
      json.results.bindings.forEach(function (b) {
        if (b.label) { labelCache.set(b.s.value, b.label.value); }
      });
      return done();
    });
  }

  /** Whether an IRI may become a link: only web IRIs, never javascript: or data:. */
  function linkable(iri) {
    return /^https?:\/\//i.test(iri);
  }

  window.NewsTerms = {
    root: ROOT,
    url: url,
    load: load,
    vocabulary: function () { return vocabulary; },
    shorten: shorten,
    kindOf: kindOf,
    literal: literal,
    select: select,
    labels: labels,
    linkable: linkable
  };
})();
