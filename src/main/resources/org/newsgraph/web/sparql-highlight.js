/*
 * A small SPARQL 1.1 tokenizer and highlighter for the query page. It never builds HTML from the
 * query text: tokens become text nodes inside spans, so any text is safe to show.
 */
(function (global) {
  'use strict';

  var KEYWORDS = ('BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED AS FROM NAMED WHERE ' +
    'ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING VALUES OPTIONAL UNION MINUS GRAPH SERVICE SILENT ' +
    'FILTER BIND UNDEF EXISTS NOT IN A TRUE FALSE LOAD CLEAR DROP CREATE ADD MOVE COPY INSERT DELETE ' +
    'DATA WITH USING DEFAULT ALL INTO TO SEPARATOR').split(' ');
  var FUNCTIONS = ('STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT ' +
    'STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY ' +
    'HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF ' +
    'STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE COUNT SUM ' +
    'MIN MAX AVG SAMPLE GROUP_CONCAT').split(' ');
  var keywordSet = toSet(KEYWORDS);
  var functionSet = toSet(FUNCTIONS);

  // Order matters: the first rule that matches at a position wins.
  var RULES = [
    ['space', /\s+/y],
    ['comment', /#[^\n]*/y],
    ['iri', /<[^<>"{}|^`\\\s]*>/y],
    ['string', /"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/y],
    ['variable', /[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+/y],
    ['langtag', /@[A-Za-z]+(?:-[A-Za-z0-9]+)*/y],
    ['number', /[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?/y],
    ['pname', /(?:[A-Za-z_][\w.\-]*)?:(?:[\w\-%.:]*[\w\-%:])?/y],
    ['word', /[A-Za-z_][A-Za-z_0-9]*/y],
    ['punct', /\^\^|&&|\|\||!=|<=|>=|[{}()[\].,;*=<>!+\-\/|^]/y]
  ];

  function toSet(words) {
    var set = Object.create(null);
    words.forEach(function (w) { set[w] = true; });
    return set;
  }

  /** Splits SPARQL text into tokens {type, text} that, joined, give back the text exactly. */
  function tokenize(text) {
    var tokens = [];
    var pos = 0;
    while (pos < text.length) {
      var matched = null;
      for (var i = 0; i < RULES.length && !matched; i++) {
        var rule = RULES[i][1];
        rule.lastIndex = pos;
        var m = rule.exec(text);
        if (m && m[0].length > 0) {
          matched = { type: RULES[i][0], text: m[0] };
        }
      }
      if (!matched) {
        matched = { type: 'other', text: text.charAt(pos) };
      }
      if (matched.type === 'word') {
        var upper = matched.text.toUpperCase();
        matched.type = keywordSet[upper] ? 'keyword' : functionSet[upper] ? 'function' : 'other';
      } else if (matched.type === 'langtag') {
        matched.type = 'string';
      }
      tokens.push(matched);
      pos += matched.text.length;
    }
    return tokens;
  }

  /** Replaces the children of an element with the highlighted text. */
  function render(text, target) {
    var fragment = document.createDocumentFragment();
    tokenize(text).forEach(function (token) {
      if (token.type === 'space' || token.type === 'other') {
        fragment.appendChild(document.createTextNode(token.text));
      } else {
        var span = document.createElement('span');
        span.className = 'tok-' + token.type;
        span.textContent = token.text;
        fragment.appendChild(span);
      }
    });
    // A trailing newline needs a character after it, or the overlay ends one line short.
    fragment.appendChild(document.createTextNode('\n'));
    target.replaceChildren(fragment);
  }

  global.SparqlHighlight = { tokenize: tokenize, render: render };
})(window);
