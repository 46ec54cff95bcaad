/*
 * Recherche en français pour Material for MkDocs.
 *
 * Material's search box, results list and keyboard handling stay as they are; this file
 * replaces the search worker behind them and speaks its messages (SETUP → READY,
 * QUERY → RESULT: integrations/search/worker in Material's sources). It reads the
 * index written by scripts/dilemmes/search_index.py, piece by piece: only the chunks of
 * the words typed and the blocks of the best results are downloaded.
 *
 * Words follow scripts/dilemmes/search_text.py exactly (a test compares the two):
 * no accents, œ = oe, elisions split off, plurals and common feminines stemmed.
 *
 * Served over http(s), this file runs as a Web Worker and fetches the pieces. Opened
 * from disk (file://), browsers refuse workers and fetch(): main.html then loads this
 * file as a plain script, and the pieces with <script> tags.
 */
(function (scope) {
  "use strict";

  /* ------------------------------------------------------------------ words */

  var LIGATURES = { "œ": "oe", "æ": "ae", "ß": "ss" };
  var ELIDED = new Set(["qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]);
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var MARKS = /\p{M}/gu;
  // Endings stem() removes: a word typed halfway may hold the start of one.
  var COMPLETIONS = ["e", "s", "le", "ne", "es", "les", "nes"];
  var MIN_PREFIX = 3;
  var EXACT = 1;
  var PREFIX = 0.6;

  function length(word) {
    return Array.from(word).length;
  }

  function fold(text) {
    return text
      .toLowerCase()
      .replace(/[œæß]/g, function (c) { return LIGATURES[c]; })
      .normalize("NFD")
      .replace(MARKS, "");
  }

  function stem(word) {
    var chars = Array.from(word);
    var n = chars.length;
    if (n > 3 && (chars[n - 1] === "s" || chars[n - 1] === "x") && chars[n - 2] !== "s") {
      word = word.slice(0, -1);
      n -= 1;
    }
    if (n > 4 && word.endsWith("ee")) return word.slice(0, -1);
    if (n > 5 && word.endsWith("ere")) return word.slice(0, -1);
    if (n > 5 && (word.endsWith("elle") || word.endsWith("enne"))) return word.slice(0, -2);
    return word;
  }

  function spans(text) {
    var out = [];
    WORD.lastIndex = 0;
    for (var match = WORD.exec(text); match; match = WORD.exec(text))
      out.push([match.index, match.index + match[0].length, fold(match[0])]);
    return out;
  }

  function isWord(folded) {
    return length(folded) > 1 && !ELIDED.has(folded);
  }

  function terms(text) {
    return spans(text)
      .filter(function (s) { return isWord(s[2]); })
      .map(function (s) { return stem(s[2]); });
  }

  /* ------------------------------------------------------------------ query */

  // A query word: what was typed, its stem, and whether it is matched as a prefix.
  function parseQuery(value, stopWords) {
    var words = [];
    var found = spans(value);
    found.forEach(function (span, i) {
      var folded = span[2];
      var last = i === found.length - 1;
      if (!isWord(folded)) return;
      if (stopWords.has(folded) && !last) return;
      var key = value.slice(span[0], span[1]);
      if (words.some(function (w) { return w.folded === folded; })) return;
      words.push({ typed: key, folded: folded, stem: stem(folded) });
    });
    return words;
  }

  // How well index term `term` answers query word `word` (0: not at all).
  function matchFactor(term, word) {
    if (term === word.stem) return EXACT;
    if (length(word.stem) >= MIN_PREFIX && term.startsWith(word.stem)) return PREFIX;
    if (word.folded.startsWith(term) && term.length < word.folded.length) {
      for (var i = 0; i < COMPLETIONS.length; i++)
        if (stem(word.folded + COMPLETIONS[i]) === term) return EXACT;
    }
    return 0;
  }

  /* ------------------------------------------------------------------ html */

  function escapeHTML(text) {
    return text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  // Plain text to HTML, with the words that answer the query in <mark>.
  function highlight(text, words) {
    var out = "";
    var at = 0;
    spans(text).forEach(function (span) {
      if (!isWord(span[2])) return;
      var term = stem(span[2]);
      var hit = words.some(function (w) { return matchFactor(term, w) > 0; });
      if (!hit) return;
      out += escapeHTML(text.slice(at, span[0]));
      out += "<mark>" + escapeHTML(text.slice(span[0], span[1])) + "</mark>";
      at = span[1];
    });
    return out + escapeHTML(text.slice(at));
  }

  /* ------------------------------------------------------------------ engine */

  function createEngine(base, loadPiece) {
    var manifest = null;
    var stopWords = new Set();
    var pieces = new Map();
    var parents = new Map();
    var latest = 0;

    function piece(key) {
      if (!pieces.has(key)) {
        var promise = loadPiece(key, new URL(key + ".js", base).href);
        promise.catch(function () { pieces.delete(key); });
        pieces.set(key, promise);
      }
      return pieces.get(key);
    }

    // Numbers of the term chunks that may hold a match for `word`.
    function chunksFor(word) {
      var firsts = manifest.termes;
      var found = new Set();
      function containing(term) {
        var lo = 0;
        var hi = firsts.length - 1;
        while (lo < hi) {
          var mid = (lo + hi + 1) >> 1;
          if (firsts[mid] <= term) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      }
      var start = containing(word.stem);
      found.add(start);
      if (length(word.stem) >= MIN_PREFIX)
        for (var i = start + 1; i < firsts.length && firsts[i].startsWith(word.stem); i++)
          found.add(i);
      // Shorter terms a halfway word may stem to (« professionnell » → professionnel).
      for (var cut = 1; cut <= 3 && cut < word.folded.length; cut++)
        found.add(containing(word.folded.slice(0, -cut)));
      return Array.from(found);
    }

    // For one word: document number → [score, term, spellings].
    function scoreWord(word, chunks) {
      var scores = new Map();
      chunks.forEach(function (chunk) {
        chunk.t.forEach(function (term, i) {
          var factor = matchFactor(term, word);
          if (!factor) return;
          var postings = chunk.p[i];
          var doc = 0;
          for (var j = 0; j < postings.length; j += 2) {
            doc += postings[j];
            var score = postings[j + 1] * factor;
            var best = scores.get(doc);
            if (!best || best[0] < score) scores.set(doc, [score, term, chunk.s[i]]);
          }
        });
      });
      return scores;
    }

    function rank(words, perWord) {
      var total = new Map();
      perWord.forEach(function (scores, w) {
        scores.forEach(function (hit, doc) {
          var entry = total.get(doc);
          if (!entry) total.set(doc, (entry = { doc: doc, score: 0, hits: new Array(words.length) }));
          entry.score += hit[0];
          entry.hits[w] = hit;
        });
      });
      var ranked = Array.from(total.values());
      ranked.forEach(function (entry) {
        var matched = entry.hits.filter(Boolean).length;
        // As Material does: documents with more of the words first.
        entry.score *= 1 + Math.pow(matched / words.length, 2);
        entry.matched = matched;
      });
      ranked.sort(function (a, b) { return b.matched - a.matched || b.score - a.score; });
      return ranked;
    }

    function fetchDocs(numbers) {
      var size = manifest.bloc;
      var blocks = Array.from(new Set(numbers.map(function (n) { return Math.floor(n / size); })));
      return Promise.all(blocks.map(function (b) { return piece("documents/" + b); }))
        .then(function (loaded) {
          var docs = new Map();
          blocks.forEach(function (b, i) {
            loaded[i].forEach(function (record, k) { docs.set(b * size + k, record); });
          });
          return docs;
        });
    }

    function item(record, entry, words) {
      var terms = {};
      words.forEach(function (word, w) {
        var hit = entry && entry.hits[w];
        // Matched words carry their spellings (« clientèle ») for Material's page highlight.
        var key = hit ? [word.typed].concat(hit[2] ? hit[2].split(" ") : []).join(" ") : word.typed;
        terms[key] = !!hit;
      });
      var result = {
        location: record[0],
        title: highlight(record[1], words),
        text: highlight(record[2], words),
        score: entry ? entry.score : 0,
        terms: entry ? terms : {}
      };
      if (record[3].length)
        result.tags = record[3].map(function (tag) { return highlight(tag, words); });
      return result;
    }

    // Results grouped by page, as Material shows them: at most `max` pages.
    function group(ranked) {
      var groups = new Map();
      for (var i = 0; i < ranked.length; i++) {
        var entry = ranked[i];
        var page = parents.has(entry.doc) ? parents.get(entry.doc) : entry.doc;
        if (!groups.has(page)) {
          if (groups.size >= manifest.max) continue;
          groups.set(page, []);
        }
        groups.get(page).push(entry);
      }
      return groups;
    }

    function search(value, ticket) {
      var words = parseQuery(value, stopWords);
      if (!words.length) return Promise.resolve({ items: [] });
      return Promise.all(words.map(function (word) {
        return Promise.all(chunksFor(word).map(function (n) { return piece("termes/" + n); }));
      })).then(function (chunks) {
        // Typing went on meanwhile: the results of this query would never be shown.
        if (ticket !== latest) return null;
        var perWord = words.map(function (word, w) { return scoreWord(word, chunks[w]); });
        var groups = group(rank(words, perWord));
        var numbers = [];
        groups.forEach(function (entries, page) {
          numbers.push(page);
          entries.forEach(function (e) { numbers.push(e.doc); });
        });
        return fetchDocs(numbers).then(function (docs) {
          var items = [];
          groups.forEach(function (entries, page) {
            var list = entries.map(function (e) { return item(docs.get(e.doc), e, words); });
            // Material shows a section under its page: the page goes in, unscored.
            if (!entries.some(function (e) { return e.doc === page; }))
              list.push(item(docs.get(page), null, words));
            items.push(list);
          });
          return { items: items };
        });
      });
    }

    return {
      handle: function (message) {
        switch (message.type) {
          case 0: // SETUP
            manifest = message.data.config.recherche;
            stopWords = new Set(manifest.arret);
            for (var i = 0; i < manifest.parents.length; i += 2)
              parents.set(manifest.parents[i], manifest.parents[i + 1]);
            return Promise.resolve({ type: 1 });
          case 2: // QUERY: only the newest query is answered
            var ticket = ++latest;
            return search(message.data, ticket).then(
              function (data) { return data && ticket === latest ? { type: 3, data: data } : null; },
              function (error) {
                console.warn("Recherche impossible :", error);
                return ticket === latest ? { type: 3, data: { items: [] } } : null;
              }
            );
          default:
            return Promise.reject(new TypeError("Type de message inconnu"));
        }
      }
    };
  }

  /* ------------------------------------------------------------------ loading */

  // A piece is `__recherche("termes/3", {...});`: read over http without eval.
  function fetchPiece(key, url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + " : " + response.status);
      return response.text();
    }).then(function (text) {
      return JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(")")));
    });
  }

  var waiting = new Map();
  scope.__recherche = function (key, data) {
    var resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(data);
    }
  };

  function scriptPiece(key, url) {
    return new Promise(function (resolve, reject) {
      waiting.set(key, resolve);
      var script = document.createElement("script");
      script.src = url;
      script.onerror = function () {
        waiting.delete(key);
        reject(new Error(url));
      };
      script.onload = function () { script.remove(); };
      document.head.appendChild(script);
    });
  }

  scope.__rechercheOutils = { fold: fold, stem: stem, terms: terms, highlight: highlight };

  if (typeof document === "undefined") {
    var engine = createEngine(new URL("../../search/", scope.location.href), fetchPiece);
    scope.addEventListener("message", function (event) {
      engine.handle(event.data).then(function (reply) { if (reply) scope.postMessage(reply); });
    });
  } else {
    // Opened from disk: main.html's stand-in for Worker calls this.
    scope.__rechercheMoteur = function (url, post) {
      var page = createEngine(new URL("../../search/", url), scriptPiece);
      return function (message) {
        page.handle(message).then(function (reply) { if (reply) post(reply); });
      };
    };
  }
})(self);
