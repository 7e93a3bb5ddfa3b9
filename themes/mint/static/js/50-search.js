/* Search: evaluates lunr queries on the compact index of renderer/search.py, and the Cmd/Ctrl+K modal.
 *
 * Query evaluation reproduces lunr.py's Index.search (lunr 2.3.9 semantics) for query strings
 * made of plain terms and terms with a trailing `*`: the search pipeline (Porter stemmer),
 * wildcard expansion in the order of lunr's TokenSet.to_list, the query vector, the per-field
 * similarity dot(query, field) / |query|, summed per document in lunr's order, stable sort.
 * Scores are bit-identical; tests/test_search_ranking.py checks it against lunr.py.
 *
 * Page contract: <button data-component="search-trigger">, <meta name="mr-root">,
 * <meta name="mr-offline" content="1"> (offline builds), <meta name="mr-search-index">; optional
 * <meta name="mr-search-language"> per language, <meta name="mr-version"> and, on versioned
 * sites, <meta name="mr-search-all"> (the manifest of every language and version's index).
 * Lazy part `search` with 50-search.css (see ../parts.json): 10-theme.js loads both on first use.
 */
(function () {
  "use strict";

  var FORMAT = "mintrender-search/1";
  var MAX_RESULTS = 10;
  var DEBOUNCE_MS = 40;

  // ---- Text: mirrors renderer/search.py normalize_text / query_string ----------------------

  // A word: letters and digits, each with the combining marks that follow it (Devanagari
  // vowel signs and viramas, Thai vowels; not an emoji's variation selector): text.py word_re.
  var WORDS = /(?:[\p{L}\p{N}](?:(?![\uFE00-\uFE0F])\p{M})*)+/gu;
  // A display word: one Han ideograph or kana, or a run of other letters, digits and marks.
  var WORD = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]|(?:(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f])[\p{L}\p{N}](?:(?![\uFE00-\uFE0F])\p{M})*)+/gu;

  var CJK = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f])/g;
  var MARK = /\p{M}/u;
  var LUNR_TRIM = /^\p{M}*([\p{L}\p{N}]+)\p{M}*$/u;

  /** A word that is one run of letters and digits between marks loses the marks, as lunr's
   * trimmer does at indexing (search.py _words). */
  function trimMarks(word) {
    var m = LUNR_TRIM.exec(word);
    return m ? m[1] : word;
  }

  function normalizeText(text) {
    var out = (text.toLowerCase().match(WORDS) || []).join(" ").replace(CJK, " $1 ").replace(/\s+/g, " ").trim();
    return MARK.test(out) ? out.split(" ").map(trimMarks).join(" ") : out;
  }

  /** Typed text -> lunr query string (see the docstring of renderer/search.py). */
  function mapQuery(typed) {
    var norm = normalizeText(typed);
    if (!norm) return "";
    var words = norm.split(" ");
    if (/\s$/.test(typed)) return words.join(" ");
    return words.concat([words[words.length - 1] + "*"]).join(" ");
  }

  // ---- Porter stemmer, with the departures of lunr.py's stemmer ----------------------------
  // Buffer semantics as in the classic C/Python implementations: `b` keeps characters past
  // the end marker `k`; negative indexes wrap around like Python's.

  function porterStem(word) {
    if (!/[\ud800-\udfff]/.test(word)) return stemBmp(word);
    // lunr.py counts code points: stand each astral character in for one private-use
    // consonant (suffix rules only touch ASCII letters), then put the originals back.
    var cps = Array.from(word), stem = stemBmp(cps.map(function (c) {
      return c.length > 1 ? "\ue000" : c;
    }).join(""));
    var out = "";
    for (var i = 0; i < stem.length; i++) out += stem[i] === "\ue000" ? cps[i] : stem[i];
    return out;
  }

  function stemBmp(word) {
    var b = word, k = word.length - 1, j = 0;
    if (k <= 1) return word;

    function at(i) { return b.charAt(i < 0 ? b.length + i : i); }
    function cons(i) {
      var ch = at(i);
      if (ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u") return false;
      if (ch === "y") return i === 0 ? true : !cons(i - 1);
      return true;
    }
    // Number of VC sequences in b[0..j].
    function measure() {
      var n = 0, i = 0;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
        i++; n++;
        for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
        i++;
      }
    }
    function vowelInStem() {
      for (var i = 0; i <= j; i++) if (!cons(i)) return true;
      return false;
    }
    function doubleC(i) {
      if (i < 1 || at(i) !== at(i - 1)) return false;
      return cons(i);
    }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      var ch = at(i);
      return ch !== "w" && ch !== "x" && ch !== "y";
    }
    function ends(s) {
      var len = s.length;
      if (s.charAt(len - 1) !== at(k)) return false;
      if (len > k + 1) return false;
      if (b.slice(k - len + 1, k + 1) !== s) return false;
      j = k - len;
      return true;
    }
    function setTo(s) {
      b = b.slice(0, j + 1) + s + b.slice(j + s.length + 1);
      k = j + s.length;
    }
    function r(s) { if (measure() > 0) setTo(s); }
    function pick(table) {
      for (var i = 0; i < table.length; i += 2) {
        if (ends(table[i])) { r(table[i + 1]); return; }
      }
    }

    // Step 1ab: plurals, -ed, -ing.
    if (at(k) === "s") {
      if (ends("sses")) k -= 2;
      else if (ends("ies")) setTo("i");
      else if (at(k - 1) !== "s") k -= 1;
    }
    if (ends("eed")) {
      if (measure() > 0) k -= 1;
    } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
      k = j;
      if (ends("at")) setTo("ate");
      else if (ends("bl")) setTo("ble");
      else if (ends("iz")) setTo("ize");
      else if (doubleC(k)) {
        k -= 1;
        var ch = at(k);
        if (ch === "l" || ch === "s" || ch === "z") k += 1;
      } else if (measure() === 1 && cvc(k)) setTo("e");
    }
    // Step 1c: y -> i when the stem has a vowel.
    if (ends("y") && vowelInStem()) b = b.slice(0, k) + "i" + b.slice(k + 1);
    // Step 2: double suffixes (with the "bli" and "logi" departures).
    var STEP2 = {
      a: ["ational", "ate", "tional", "tion"],
      c: ["enci", "ence", "anci", "ance"],
      e: ["izer", "ize"],
      l: ["bli", "ble", "alli", "al", "entli", "ent", "eli", "e", "ousli", "ous"],
      o: ["ization", "ize", "ation", "ate", "ator", "ate"],
      s: ["alism", "al", "iveness", "ive", "fulness", "ful", "ousness", "ous"],
      t: ["aliti", "al", "iviti", "ive", "biliti", "ble"],
      g: ["logi", "log"]
    };
    var t2 = STEP2[at(k - 1)];
    if (t2) pick(t2);
    // Step 3: -ic-, -full, -ness.
    var STEP3 = {
      e: ["icate", "ic", "ative", "", "alize", "al"],
      i: ["iciti", "ic"],
      l: ["ical", "ic", "ful", ""],
      s: ["ness", ""]
    };
    var t3 = STEP3[at(k)];
    if (t3) pick(t3);
    // Step 4: -ant, -ence, ... when m > 1.
    var STEP4 = {
      a: ["al"], c: ["ance", "ence"], e: ["er"], i: ["ic"], l: ["able", "ible"],
      n: ["ant", "ement", "ment", "ent"], o: ["ion", "ou"], s: ["ism"], t: ["ate", "iti"],
      u: ["ous"], v: ["ive"], z: ["ize"]
    };
    var t4 = STEP4[at(k - 1)];
    if (t4) {
      var hit = false;
      for (var i4 = 0; i4 < t4.length && !hit; i4++) {
        if (ends(t4[i4])) {
          hit = t4[i4] !== "ion" || at(j) === "s" || at(j) === "t";
        }
      }
      if (hit && measure() > 1) k = j;
    }
    // Step 5: final -e, -ll.
    j = k;
    if (at(k) === "e") {
      var m = measure();
      if (m > 1 || (m === 1 && !cvc(k - 1))) k -= 1;
    }
    if (at(k) === "l" && doubleC(k) && measure() > 1) k -= 1;
    return b.slice(0, k + 1);
  }

  // ---- Index ------------------------------------------------------------------------------

  // Code point order (Python's str order), also for astral characters.
  function cmpCodePoints(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) {
        var xs = x >= 0xd800 && x <= 0xdfff, ys = y >= 0xd800 && y <= 0xdfff;
        if (xs !== ys) return xs ? 1 : -1;
        return x - y;
      }
    }
    return a.length - b.length;
  }

  // Order of lunr's TokenSet.to_list on a prefix intersection: depth first, a word before its
  // extensions, siblings from the highest character down.
  function cmpExpansion(a, b) {
    if (a.length !== b.length) {
      if (b.lastIndexOf(a, 0) === 0) return -1;
      if (a.lastIndexOf(b, 0) === 0) return 1;
    }
    return -cmpCodePoints(a, b);
  }

  var FORMAT_2 = "mintrender-search/2";
  // lunr's English stop words of five letters or more: never matched with a typo.
  var ENGLISH_STOP = new Set(("about across after almost among because cannot could either every " +
    "however least likely might neither often other rather should since their there these wants " +
    "where which while would").split(" "));
  var TYPO_MIN_LETTERS = 5;

  function Index(payload, lang) {
    if (!payload || (payload.format !== FORMAT && payload.format !== FORMAT_2)) {
      throw new Error("mintrender: unknown search index format");
    }
    var TX = window.mrSearchText, compact = payload.format === FORMAT_2;
    var F = payload.fields.length, terms = compact ? TX.decodeTerms(payload.terms) : payload.terms;
    var T = terms.length, D = payload.vectors.length;
    var vectors = compact ? payload.vectors.map(function (perField) {
      return perField.map(TX.decodeInts);
    }) : payload.vectors;
    var value = compact ? TX.dequantize : function (v) { return v / 1000; };
    var termIds = new Map();
    for (var t = 0; t < T; t++) termIds.set(terms[t], t);
    var sorted = terms.slice().sort(cmpCodePoints);

    // Field vectors as CSR arrays over field refs (d * F + f).
    var start = new Int32Array(D * F + 1), total = 0, d, f, flat, i;
    for (d = 0; d < D; d++) {
      for (f = 0; f < F; f++) { start[d * F + f] = total; total += vectors[d][f].length >> 1; }
    }
    start[D * F] = total;
    var vecTerm = new Int32Array(total), vecVal = new Float64Array(total);
    var nonZero = new Uint8Array(D * F), postCount = new Int32Array(T * F + 1), p = 0;
    for (d = 0; d < D; d++) {
      for (f = 0; f < F; f++) {
        flat = vectors[d][f];
        t = 0;
        for (i = 0; i < flat.length; i += 2) {
          t += flat[i];
          vecTerm[p] = t;
          vecVal[p] = value(flat[i + 1]);
          if (flat[i + 1] !== 0) nonZero[d * F + f] = 1;
          postCount[t * F + f]++;
          p++;
        }
      }
    }
    // Postings (term, field) -> documents, in document order as lunr's posting dicts.
    var postStart = new Int32Array(T * F + 1), sum = 0;
    for (i = 0; i < T * F; i++) { postStart[i] = sum; sum += postCount[i]; }
    postStart[T * F] = sum;
    var postDoc = new Int32Array(sum), cursor = postStart.slice(0, T * F);
    for (d = 0; d < D; d++) {
      for (f = 0; f < F; f++) {
        for (i = start[d * F + f]; i < start[d * F + f + 1]; i++) postDoc[cursor[vecTerm[i] * F + f]++] = d;
      }
    }

    var pipeline = payload.pipeline || {};
    this.lang = lang || payload.language || "";
    this.compact = compact;
    this.bigrams = !!pipeline.bigrams;
    this.stop = compact ? new Set(pipeline.stop || []) : ENGLISH_STOP;
    this.forms = compact ? TX.decodeForms(terms, payload.forms || []) : new Map();
    var keys = sorted;
    if (compact) {
      keys = terms.slice();
      this.forms.forEach(function (_, surface) { if (!termIds.has(surface)) keys.push(surface); });
      keys.sort(cmpCodePoints);
    }
    this.keys = keys;
    this.fields = payload.fields;
    this.terms = terms;
    this.pages = payload.pages;
    this.docs = payload.docs;
    this.F = F; this.T = T; this.D = D;
    this._ids = termIds; this._sorted = sorted;
    this._start = start; this._vecTerm = vecTerm; this._vecVal = vecVal; this._nonZero = nonZero;
    this._postStart = postStart; this._postDoc = postDoc;
    this._qv = new Float64Array(T);
  }

  Index.prototype.expandPrefix = function (prefix) {
    var s = this._sorted, lo = lowerBound(s, prefix);
    var out = [];
    for (var i = lo; i < s.length && s[i].lastIndexOf(prefix, 0) === 0; i++) out.push(s[i]);
    out.sort(cmpExpansion);
    var ids = this._ids;
    return out.map(function (w) { return ids.get(w); });
  };

  function lowerBound(s, key) {
    var lo = 0, hi = s.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (cmpCodePoints(s[mid], key) < 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Term ids whose surface forms (or themselves) start with `prefix`, in key order (query.py _prefixed). */
  Index.prototype.prefixed = function (prefix) {
    var keys = this.keys, out = [], seen = new Set();
    for (var i = lowerBound(keys, prefix); i < keys.length && keys[i].lastIndexOf(prefix, 0) === 0; i++) {
      var id = this._ids.get(this.forms.get(keys[i]) || keys[i]);
      if (!seen.has(id)) { seen.add(id); out.push(id); }
    }
    return out;
  };

  Index.prototype.typoCandidate = function (word) {
    return Array.from(word).length >= TYPO_MIN_LETTERS && !this.stop.has(word) &&
      !window.mrSearchText.isCjk(word) && !/^[0-9]+$/.test(word);
  };

  /** Term ids one edit from any of `words`, in key order, not in `taken` (query.py _typos). */
  Index.prototype.typos = function (words, taken, out) {
    var keys = this.keys, oneEdit = window.mrSearchText.oneEdit;
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i], hit = false;
      for (var w = 0; w < words.length && !hit; w++) {
        if (Math.abs(key.length - words[w].length) <= 2 && oneEdit(words[w], key)) hit = true;
      }
      if (!hit) continue;
      var id = this._ids.get(this.forms.get(key) || key);
      if (!taken.has(id) && out.indexOf(id) === -1) out.push(id);
    }
  };

  /** What `typed` searches for (renderer/index/query.py plan_query): {query, clauses, fuzzy}. */
  Index.prototype.plan = function (typed) {
    var finished = /\s$/.test(typed), fuzzy = [], taken = new Set(), self = this, words;
    var perWord = [];
    if (!this.compact) {
      var norm = normalizeText(typed);
      words = norm ? norm.split(" ") : [];
      words.forEach(function (w, i) {
        var last = i === words.length - 1 && !finished, stem = porterStem(w);
        // the index terms this word reaches: its stem, and the completions of the last word
        var reached = self._ids.has(stem) ? [self._ids.get(stem)] : [];
        if (last) reached = reached.concat(self.prefixed(w));
        if (reached.length) perWord.push(reached);
        else if (self.typoCandidate(w)) self.typos([w, stem], taken, fuzzy);
      });
      return { query: mapQuery(typed), clauses: null, fuzzy: fuzzy, words: perWord };
    }
    var clauses = [];
    words = window.mrSearchText.tokens(typed, this.bigrams);
    words.forEach(function (w, i) {
      var last = i === words.length - 1 && !finished, found = false, first = clauses.length;
      if (!self.stop.has(w)) {
        var id = self._ids.get(self.forms.get(w) || w);
        if (id !== undefined) { clauses.push([id]); taken.add(id); found = true; }
      }
      if (last) {
        // Completions only: the word's own stem is its stem clause already.
        var expanded = self.prefixed(w).filter(function (id) { return !taken.has(id); });
        if (expanded.length) {
          clauses.push(expanded);
          expanded.forEach(function (e) { taken.add(e); });
          found = true;
        }
      }
      if (found) perWord.push([].concat.apply([], clauses.slice(first)));
      else if (self.typoCandidate(w)) self.typos([w], taken, fuzzy);
    });
    return { query: null, clauses: clauses, fuzzy: fuzzy, words: perWord };
  };

  /** The typed text's results: those of its plan, then those found only through typos. */
  Index.prototype.find = function (typed) {
    var plan = this.plan(typed);
    var clauses = plan.clauses || this.lunrClauses(plan.query);
    var results = this.score(clauses), words = plan.words || [], terms = this.terms;
    if (words.length > 1) {
      // The share of typed words each result matched (query.py reference_search).
      results.forEach(function (r) {
        var k = 0;
        words.forEach(function (ids) {
          if (ids.some(function (id) { return r.terms.has(terms[id]); })) k++;
        });
        r.score = r.score * k / words.length;
      });
      results.sort(function (a, b) { return b.score - a.score; });
    }
    if (!plan.fuzzy.length) return results;
    var seen = new Set(results.map(function (r) { return r.ref; }));
    this.score(clauses.concat(plan.fuzzy.map(function (id) { return [id]; }))).forEach(function (r) {
      if (!seen.has(r.ref)) { r.typo = true; results.push(r); }
    });
    return results;
  };

  /** Clauses of a lunr query string made of plain terms and trailing-`*` terms. */
  function parseQuery(query) {
    var out = [];
    query.toLowerCase().split(/[ \t\n\r\f\v\u00a0-]+/).forEach(function (term) {
      if (!term) return;
      var star = term.indexOf("*");
      if (star === -1) out.push({ term: term, prefix: false });
      else if (star > 0) out.push({ term: term.slice(0, star), prefix: true });
    });
    return out;
  }

  /** A lunr query string's clauses as lists of term ids (stemmed terms, expanded prefixes). */
  Index.prototype.lunrClauses = function (query) {
    var self = this;
    return parseQuery(query).map(function (clause) {
      if (clause.prefix) return self.expandPrefix(clause.term);
      var id = self._ids.get(porterStem(clause.term));
      return id === undefined ? [] : [id];
    });
  };

  /** lunr's Index.search: [{ref, score, terms}] best first, `terms` the matched index terms. */
  Index.prototype.search = function (query) {
    return this.score(this.lunrClauses(query));
  };

  /** lunr's Index.query on clauses of term ids (query weight 1 per term, every field). */
  Index.prototype.score = function (clauses) {
    var F = this.F, qv = this._qv, touched = [], order = [], seenRef = new Map();
    var seenTermField = new Set();
    for (var c = 0; c < clauses.length; c++) {
      var expanded = clauses[c];
      for (var e = 0; e < expanded.length; e++) {
        var t = expanded[e];
        if (qv[t] === 0) touched.push(t);
        qv[t] += 1;
        for (var f = 0; f < F; f++) {
          var key = t * F + f;
          if (seenTermField.has(key)) continue;
          seenTermField.add(key);
          for (var i = this._postStart[key]; i < this._postStart[key + 1]; i++) {
            var ref = this._postDoc[i] * F + f;
            var terms = seenRef.get(ref);
            if (!terms) { terms = []; seenRef.set(ref, terms); order.push(ref); }
            terms.push(t);
          }
        }
      }
    }
    var sq = 0;
    touched.sort(function (a, b) { return a - b; });
    for (var k = 0; k < touched.length; k++) sq += qv[touched[k]] * qv[touched[k]];
    var magnitude = Math.sqrt(sq);
    var byDoc = new Map(), results = [];
    for (var o = 0; o < order.length; o++) {
      var fr = order[o], doc = (fr / F) | 0, score = 0;
      if (magnitude !== 0 && this._nonZero[fr]) {
        var dot = 0;
        for (var v = this._start[fr]; v < this._start[fr + 1]; v++) {
          var q = qv[this._vecTerm[v]];
          if (q !== 0) dot += q * this._vecVal[v];
        }
        score = dot / magnitude;
      }
      var hit = byDoc.get(doc);
      if (hit) hit.score += score;
      else { hit = { ref: doc, score: score, terms: new Set() }; byDoc.set(doc, hit); results.push(hit); }
      seenRef.get(fr).forEach(function (id) { hit.terms.add(this.terms[id]); }, this);
    }
    for (k = 0; k < touched.length; k++) qv[touched[k]] = 0;
    results.sort(function (a, b) { return b.score - a.score; });
    return results;
  };

  // ---- Result rendering -------------------------------------------------------------------

  /** The theme's word `key` in the page's language (`mr.text`, 10-theme.js), else `fallback`. */
  function uiText(key, fallback) {
    var mr = window.mr;
    return mr && mr.text ? mr.text(key, fallback) : fallback;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  /** "No results for “typed”" in the page's language, `typed` in bold. */
  function noResults(typed) {
    var parts = uiText("no_results", "No results for \u201c{query}\u201d").split("{query}");
    return parts.map(escapeHtml).join("<strong>" + escapeHtml(typed) + "</strong>");
  }

  /** Does the display word at m (a WORD match in `text`) belong to a matched index term? */
  function isMatch(idx, text, m, terms) {
    var word = m[0];
    if (!idx || !idx.compact) {
      var w = word.toLowerCase();
      return terms.has(w) || terms.has(porterStem(w));
    }
    var TX = window.mrSearchText, folded = TX.fold(word);
    if (TX.isCjk(word) && idx.bigrams) {
      // One Han/kana character: marked when a bigram it is part of was matched.
      var before = text.slice(Math.max(0, m.index - 2), m.index), after = text.slice(m.index + word.length);
      var prev = Array.from(before).pop() || "", next = Array.from(after)[0] || "";
      return terms.has(folded) || terms.has(TX.fold(prev + word)) || terms.has(TX.fold(word + next));
    }
    return terms.has(idx.forms.get(folded) || folded);
  }

  /** HTML of `text` with words whose stem is among `terms` wrapped in <mark>. */
  function highlight(idx, text, terms) {
    var out = "", last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (isMatch(idx, text, m, terms)) {
        out += escapeHtml(text.slice(last, m.index)) + "<mark>" + escapeHtml(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    }
    return out + escapeHtml(text.slice(last));
  }

  /** Excerpt starting shortly before the first matched word, if that is far in. */
  function excerpt(idx, text, terms) {
    var m, first = -1;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (isMatch(idx, text, m, terms)) { first = m.index; break; }
    }
    if (first > 60) {
      var from = text.lastIndexOf(" ", first - 24);
      if (from > 0) text = "\u2026" + text.slice(from + 1);
    }
    return highlight(idx, text, terms);
  }

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  function pageHref(url, anchor) {
    var root = meta("mr-root"), offline = meta("mr-offline") === "1";
    if (root === null) root = "/";
    var path = url.replace(/^\/+/, "");
    if (offline) path = path ? path.replace(/\/?$/, "/") + "index.html" : "index.html";
    else if (path) path = path.replace(/\/?$/, "/");
    return root + path + (anchor ? "#" + anchor : "");
  }

  // ---- Index loading (a <script> tag, so it works from file://) ---------------------------

  // Every index of the site: [{lang, label, url}], the page's own first. One script at a time,
  // since each assigns window.__MR_SEARCH__.
  var index = null, loaded = new Map(), queue = Promise.resolve(), presetUsed = false;

  /** A URL as the document resolves it (one key per file, however a meta spells it). */
  function absolute(url) {
    try { return new URL(url, document.baseURI).href; } catch (err) { return url; }
  }

  function sources() {
    var own = absolute(meta("mr-search-index") || (meta("mr-root") || "/") + "_mintrender/search-index.js");
    var all = [];
    document.querySelectorAll('meta[name="mr-search-language"]').forEach(function (el) {
      all.push({ lang: el.content, label: el.getAttribute("data-label") || el.content, url: absolute(el.getAttribute("data-src")) });
    });
    var mine = all.filter(function (s) { return s.url === own; })[0];
    if (!mine) { mine = { lang: "", label: "", url: own }; all.unshift(mine); }
    return [mine].concat(all.filter(function (s) { return s !== mine; }));
  }

  var manifest = null;

  /** A versioned site's indexes, one per language and version (`mr-search-all`: a script
   * setting __MR_SEARCH_SOURCES__ = [[lang, label, version, file]], file names relative to
   * it), or null: the language indexes of sources() are all there is. */
  function listed() {
    var src = meta("mr-search-all");
    if (!src) return Promise.resolve(null);
    if (manifest) return manifest;
    manifest = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () {
        var rows = window.__MR_SEARCH_SOURCES__;
        if (!Array.isArray(rows)) return reject(new Error("mintrender: no indexes in " + src));
        resolve(rows.map(function (row) {
          return { lang: row[0], label: row[1] || row[0], url: new URL(row[3], script.src).href };
        }));
      };
      script.onerror = function () { reject(new Error("mintrender: cannot load " + src)); };
      document.head.appendChild(script);
    });
    manifest.catch(function () { manifest = null; });
    return manifest;
  }

  function loadScript(source) {
    var cached = loaded.get(source.url);
    if (cached) return cached;
    var promise = queue.then(function () {
      return new Promise(function (resolve, reject) {
        function done() {
          var payload = window.__MR_SEARCH__;
          window.__MR_SEARCH__ = undefined;
          try {
            var idx = new Index(payload, source.lang);
            idx.label = source.label || source.lang;
            resolve(idx);
          } catch (err) { reject(err); }
        }
        if (window.__MR_SEARCH__ && !presetUsed) { presetUsed = true; return done(); }
        var script = document.createElement("script");
        script.src = source.url;
        script.async = true;
        script.onload = done;
        script.onerror = function () { reject(new Error("mintrender: cannot load " + source.url)); };
        document.head.appendChild(script);
      });
    });
    loaded.set(source.url, promise);
    promise.catch(function () { loaded.delete(source.url); });
    queue = promise.catch(function () {});
    return promise;
  }

  /** The page's own index (loaded once; the reader's version picks it, window.mrVersions). */
  function loadIndex() {
    var own = sources()[0];
    if (index && index.url === own.url) return Promise.resolve(index);
    return loadScript(own).then(function (idx) { idx.url = own.url; index = idx; return idx; });
  }

  /** Every index of the site, the page's own first (each loaded once, one at a time). */
  function loadAll() {
    return listed().catch(function () { return null; }).then(function (rows) {
      var own = sources();
      if (rows) {
        own = own.slice(0, 1).concat(rows.filter(function (s) { return s.url !== own[0].url; }));
      }
      return Promise.all(own.map(loadScript));
    });
  }

  // ---- Scope: the page's language and version, or everything ------------------------------

  // a page in no version of a versioned site (its home, a shared page) searches every version
  var scopeAll = !meta("mr-version") && !!meta("mr-search-all");

  function versioned() { return !!meta("mr-version") || !!meta("mr-search-all"); }

  function hasScope() { return sources().length > 1 || versioned(); }

  function scopeLabel() {
    var langs = sources().length > 1, versions = versioned();
    return langs && versions ? uiText("all_both", "All languages and versions") :
      langs ? uiText("all_languages", "All languages") : uiText("all_versions", "All versions");
  }

  /** Results of `typed` in scope: [{idx, r}] ranked; other versions left out unless scopeAll;
   * a section several indexes hold (a page outside versions is in each version's index) once. */
  function searchScoped(typed, indexes) {
    var version = meta("mr-version"), rows = [];
    indexes.forEach(function (idx, n) {
      idx.find(typed).forEach(function (r, i) {
        var page = idx.pages[idx.docs[r.ref][0]], v = page[3] || "";
        if (!scopeAll && version !== null && v && v !== version) return;
        rows.push({ idx: idx, r: r, n: n, i: i });
      });
    });
    if (indexes.length > 1) {
      // Typo-only results after the rest; then by score; the page's own language first on ties.
      rows.sort(function (a, b) {
        return (!!a.r.typo - !!b.r.typo) || (b.r.score - a.r.score) || (a.n - b.n) || (a.i - b.i);
      });
      var seen = new Set();
      rows = rows.filter(function (row) {
        var doc = row.idx.docs[row.r.ref], key = row.idx.lang + "\n" + row.idx.pages[doc[0]][0] + "\n" + doc[1];
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    return rows;
  }

  // ---- Modal -----------------------------------------------------------------------------

  var ICON_SEARCH = '<svg class="mr-search__icon" width="18" height="18" viewBox="0 0 24 24" fill="none" ' +
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">' +
    '<circle cx="11" cy="11" r="8"></circle><path d="m21 21-4.3-4.3"></path></svg>';
  var ICON_HASH = '<svg class="mr-search__kind" width="14" height="14" viewBox="0 0 24 24" fill="none" ' +
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">' +
    '<path d="M4 9h16M4 15h16M10 3 8 21M16 3l-2 18"></path></svg>';
  var ICON_PAGE = '<svg class="mr-search__kind" width="14" height="14" viewBox="0 0 24 24" fill="none" ' +
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">' +
    '<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"></path><path d="M14 3v5h5"></path></svg>';

  var modal = null, input, list, status, trigger = null, timer = 0, active = -1, options = [];
  // Enter pressed before the results of what was typed were shown (the index still loading):
  // followed once they are, to the first result, not to a stale one or nowhere.
  var enterWhenShown = null;

  function build() {
    if (modal) return;
    var prompt = trigger && trigger.querySelector(".mr-search-trigger__text");
    modal = document.createElement("div");
    modal.className = "mr-search";
    modal.setAttribute("data-component", "search-modal");
    modal.hidden = true;
    modal.innerHTML =
      '<div class="mr-search__backdrop" data-search-close></div>' +
      '<div class="mr-search__dialog" role="dialog" aria-modal="true" aria-label="' +
      escapeHtml(uiText("search", "Search")) + '">' +
      '<div class="mr-search__bar">' + ICON_SEARCH +
      '<input class="mr-search__input" type="text" autocomplete="off" autocorrect="off" autocapitalize="off" ' +
      'spellcheck="false" dir="auto" role="combobox" aria-autocomplete="list" aria-expanded="false" ' +
      'aria-controls="mr-search-results" enterkeyhint="go">' +
      '<button type="button" class="mr-search__esc" data-search-close aria-label="' +
      escapeHtml(uiText("close_search", "Close search")) + '">Esc</button></div>' +
      '<label class="mr-search__scope" hidden><input type="checkbox" class="mr-search__scope-box">' +
      '<span class="mr-search__scope-text"></span></label>' +
      '<div class="mr-search__body"><div class="mr-search__status" aria-live="polite"></div>' +
      '<div class="mr-search__results" id="mr-search-results" role="listbox" aria-label="Results"></div></div>' +
      '<div class="mr-search__footer" aria-hidden="true"><span><kbd>\u2191</kbd><kbd>\u2193</kbd> ' +
      escapeHtml(uiText("kbd_navigate", "to navigate")) + "</span><span><kbd>\u21b5</kbd> " +
      escapeHtml(uiText("kbd_select", "to select")) + "</span><span><kbd>esc</kbd> " +
      escapeHtml(uiText("kbd_close", "to close")) + "</span></div></div>";
    document.body.appendChild(modal);
    input = modal.querySelector(".mr-search__input");
    list = modal.querySelector(".mr-search__results");
    status = modal.querySelector(".mr-search__status");
    input.placeholder = (prompt && prompt.textContent.trim()) || "Search...";
    input.addEventListener("input", function () {
      enterWhenShown = null;
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", onKey);
    var scope = modal.querySelector(".mr-search__scope");
    scope.hidden = !hasScope();
    scope.querySelector(".mr-search__scope-text").textContent = scopeLabel();
    scope.querySelector("input").checked = scopeAll;
    scope.querySelector("input").addEventListener("change", function (ev) {
      scopeAll = ev.target.checked;
      update();
      input.focus();
    });
    modal.addEventListener("click", function (ev) {
      if (ev.target.closest("[data-search-close]")) close();
      else if (ev.target.closest(".mr-search__result")) setTimeout(close, 0);
    });
    list.addEventListener("mousemove", function (ev) {
      var opt = ev.target.closest(".mr-search__result");
      if (opt) select(options.indexOf(opt), false);
    });
  }

  function setStatus(html) {
    status.innerHTML = html;
    status.hidden = !html;
  }

  var everything = null;

  function update() {
    clearTimeout(timer);
    timer = 0;
    var typed = input.value, query = mapQuery(typed), all = scopeAll;
    list.setAttribute("data-query", query);
    if (!query) { render([], query); setStatus(""); return; }
    var ready = all ? everything : index && index.url === sources()[0].url && [index];
    if (ready) return show(typed, query, ready);
    setStatus('<p class="mr-search__empty">Loading the search index\u2026</p>');
    (all ? loadAll() : loadIndex().then(function (idx) { return [idx]; })).then(function (idxs) {
      if (all) everything = idxs;
      if (input.value === typed && scopeAll === all) show(typed, query, idxs);
    }, function () {
      render([], query);
      setStatus('<p class="mr-search__empty">Search is unavailable: the index could not be loaded.</p>');
    });
  }

  function show(typed, query, indexes) {
    var t0 = performance.now();
    var rows = searchScoped(typed, indexes);
    list.setAttribute("data-ms", (performance.now() - t0).toFixed(3));
    render(rows.slice(0, MAX_RESULTS), query);
    setStatus(rows.length ? "" : '<p class="mr-search__empty">' + noResults(typed.trim()) + "</p>");
  }

  function render(rows, query) {
    var groups = [], byPage = new Map();
    rows.forEach(function (row, rank) {
      var idx = row.idx, r = row.r, doc = idx.docs[r.ref], g;
      var key = idx.lang + "\n" + idx.pages[doc[0]][0];  // a page's URL: one group per page
      g = byPage.get(key);
      if (!g) { g = { idx: idx, page: idx.pages[doc[0]], items: [] }; byPage.set(key, g); groups.push(g); }
      g.items.push({ r: r, rank: rank, doc: doc });
    });
    var html = "", n = 0, many = rows.some(function (row) { return row.idx !== rows[0].idx; });
    groups.forEach(function (g) {
      var url = g.page[0], crumbs = g.page[2].slice(), idx = g.idx;
      // The page's version, and its language when results span several.
      if (g.page[3] && (scopeAll || g.page[3] !== meta("mr-version"))) crumbs.unshift(g.page[3]);
      if ((scopeAll || many) && idx.label) crumbs.unshift(idx.label);
      html += '<div class="mr-search__group" role="group" aria-label="' + escapeHtml(g.page[1]) + '"' +
        (idx.lang ? ' lang="' + escapeHtml(idx.lang) + '"' : "") + ">" +
        '<div class="mr-search__group-head">' +
        (crumbs.length ? '<span class="mr-search__crumbs">' + crumbs.map(escapeHtml).join(
          '<span class="mr-search__sep" aria-hidden="true">\u203a</span>') + "</span>" : "") +
        "</div>";
      g.items.forEach(function (it) {
        var doc = it.doc, terms = it.r.terms, top = !doc[1];
        html += '<a class="mr-search__result" role="option" id="mr-search-opt-' + n++ + '" href="' +
          escapeHtml(pageHref(url, doc[1])) + '" data-ref="' + it.r.ref + '" data-rank="' + it.rank +
          '" data-score="' + it.r.score + '"' + (idx.lang ? ' data-lang="' + escapeHtml(idx.lang) + '"' : "") +
          (it.r.typo ? " data-typo" : "") + ' aria-selected="false">' +
          '<span class="mr-search__result-title">' + (top ? ICON_PAGE : ICON_HASH) +
          '<span class="mr-search__result-text">' +
          (top ? "" : '<span class="mr-search__result-page">' + escapeHtml(g.page[1]) +
            '<span class="mr-search__sep" aria-hidden="true">\u203a</span></span>') +
          highlight(idx, doc[2], terms) + "</span></span>" +
          (doc[3] ? '<span class="mr-search__excerpt">' + excerpt(idx, doc[3], terms) + "</span>" : "") +
          "</a>";
      });
      html += "</div>";
    });
    list.innerHTML = html;
    list.setAttribute("data-count", String(rows.length));
    list.setAttribute("data-rendered", query);
    options = Array.prototype.slice.call(list.querySelectorAll(".mr-search__result"));
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    select(options.length ? 0 : -1, false);
    if (enterWhenShown && query && query === mapQuery(input.value)) {
      var newTab = enterWhenShown.newTab;
      enterWhenShown = null;
      go(newTab);
    }
  }

  function select(i, scroll) {
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = i;
    if (i < 0 || !options[i]) { input.removeAttribute("aria-activedescendant"); return; }
    options[i].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[i].id);
    if (scroll) options[i].scrollIntoView({ block: "nearest" });
  }

  function onKey(ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!options.length) return;
      var step = ev.key === "ArrowDown" ? 1 : -1;
      select((active + step + options.length) % options.length, true);
    } else if (ev.key === "Enter") {
      if (ev.isComposing) return;
      ev.preventDefault();
      enter(ev.metaKey || ev.ctrlKey);
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      close();
    } else if (ev.key === "Tab") {
      ev.preventDefault();
    }
  }

  function enter(newTab) {
    if (timer) update();
    if (input.value.trim() && list.getAttribute("data-rendered") !== mapQuery(input.value)) {
      enterWhenShown = { newTab: newTab };  // its results are still on their way
      return;
    }
    go(newTab);
  }

  function go(newTab) {
    var opt = options[active];
    if (!opt) return;
    if (newTab) { window.open(opt.href, "_blank", "noopener"); return; }
    var href = opt.href;
    close();
    window.location.href = href;
  }

  // What was typed while this file loaded (10-theme.js kept the keys): the query, as if typed
  // here; a "\n" in it is Enter.
  function typeIn(text) {
    if (!input || modal.hidden) return;
    input.value = text.replace(/\n/g, "");
    enterWhenShown = null;
    update();
    if (text.indexOf("\n") >= 0) enter(false);
  }

  function open() {
    build();
    if (!modal.hidden) { input.focus(); input.select(); return; }
    modal.hidden = false;
    document.documentElement.classList.add("mr-search-open");
    input.focus();
    input.select();
    loadIndex().then(function () { if (input.value) update(); }, function () {});
  }

  function close() {
    if (!modal || modal.hidden) return;
    modal.hidden = true;
    document.documentElement.classList.remove("mr-search-open");
    if (trigger) trigger.focus({ preventScroll: true });
  }

  // In a built site 10-theme.js binds the triggers and Ctrl/Cmd+K, loads this file (lazy part
  // `search`) on first use and calls mrSearch.open(trigger); on its own this file binds them.
  var stubbed = !!(window.mrSearch && window.mrSearch.stub);

  function init() {
    var triggers = document.querySelectorAll('[data-component="search-trigger"]');
    if (!trigger) trigger = triggers[0] || null;
    if (stubbed) return;
    Array.prototype.forEach.call(triggers, function (el) {
      el.addEventListener("click", function (ev) { ev.preventDefault(); trigger = el; open(); });
      // Fetch the index as soon as the user shows intent, not at page load.
      el.addEventListener("pointerenter", function () { loadIndex().catch(function () {}); }, { once: true });
      el.addEventListener("focus", function () { loadIndex().catch(function () {}); }, { once: true });
    });
    document.addEventListener("keydown", function (ev) {
      if ((ev.metaKey || ev.ctrlKey) && !ev.altKey && !ev.shiftKey && (ev.key === "k" || ev.key === "K")) {
        ev.preventDefault();
        if (modal && !modal.hidden) close(); else open();
      }
    });
  }

  window.mrSearch = {
    mapQuery: mapQuery, stem: porterStem, load: loadIndex, close: close,
    plan: function (typed) {
      return loadIndex().then(function (idx) {
        var p = idx.plan(typed), name = function (id) { return idx.terms[id]; };
        return { clauses: p.clauses && p.clauses.map(function (c) { return c.map(name); }), fuzzy: p.fuzzy.map(name) };
      });
    },
    find: function (typed) {
      return loadIndex().then(function (idx) {
        return idx.find(typed).map(function (r) { return [String(r.ref), r.score]; });
      });
    },
    setScope: function (all) { scopeAll = !!all; var box = modal && modal.querySelector(".mr-search__scope-box"); if (box) box.checked = scopeAll; },
    open: function (el) { if (el && el.nodeType === 1) trigger = el; open(); },
    type: typeIn,
    isOpen: function () { return !!modal && !modal.hidden; },
    search: function (query) { return loadIndex().then(function (idx) { return idx.search(query); }); }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
