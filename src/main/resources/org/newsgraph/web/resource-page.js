/*
 * The pictures of a resource page (serve/resource/HtmlPage): the element #pictures names the
 * resource and its kind; NewsPictures draws what fits it from the named queries. An article:
 * its story with the article marked. A story: its network and timeline. A provider: its citation
 * neighbourhood and its articles per month. A topic: its articles per day.
 */
(function () {
  'use strict';

  var host = document.getElementById('pictures');
  if (!host) { return; }
  var P = window.NewsPictures;
  var kind = host.dataset.kind;
  var iri = host.dataset.iri;

  function part(title) {
    var section = document.createElement('div');
    section.className = 'picture';
    var heading = document.createElement('h2');
    heading.textContent = title;
    host.append(heading, section);
    return section;
  }

  function drawn(el, promise) {
    return promise
      .then(function () { el.dataset.drawn = 'true'; })
      .catch(function (err) {
        var p = document.createElement('p');
        p.className = 'error';
        p.textContent = String(err.message || err);
        el.replaceChildren(p);
        el.dataset.drawn = 'error';
      });
  }

  var jobs = [];
  if ((kind === 'article' || kind === 'story') && host.dataset.article) {
    var story = part(kind === 'article' ? 'Its story' : 'The story');
    jobs.push(drawn(story, P.storyView(story, host.dataset.article,
      { highlight: kind === 'article' ? iri : null })));
  } else if (kind === 'provider') {
    var links = part('Citations');
    jobs.push(drawn(links, P.runAndDraw(links, 'provider-links', { self: 'include', limit: '10000' },
      function (rows) { return P.citationNetwork(links, rows, host.dataset.domain || null); })));
    var months = part('Articles per month');
    jobs.push(drawn(months, P.runAndDraw(months, 'provider-profile', { provider: iri })));
  } else if (kind === 'topic') {
    var days = part('Articles per day');
    jobs.push(drawn(days, P.runAndDraw(days, 'timeline', { topic: iri, granularity: 'day' })));
  }
  Promise.all(jobs).then(function () { host.dataset.ready = 'true'; });
})();
