/* Search: evaluates lunr queries on the compact index of renderer/search.py, and the Cmd/Ctrl+K modal.
 *
 * Query evaluation reproduces lunr.py's Index.search (lunr 2.3.9 semantics) for query strings
 * made of plain terms and terms with a trailing `*`: the search pipeline (Porter stemmer),
 * wildcard expansion in the order of lunr's TokenSet.to_list, the query vector, the per-field
 * similarity dot(query, field) / |query|, summed per document in lunr's order, stable sort.
 * Scores are bit-identical; tests/test_search_ranking.py checks it against lunr.py.
 *
 * Page contract: <button data-component="search-trigger">, <meta name="mr-root">,
 * <meta name="mr-offline" content="1"> (offline builds), <meta name="mr-search-index">.
 * Lazy part `search` with 50-search.css (see ../parts.json): 10-theme.js loads both on first use.
 */
(function () {
  "use strict";

  var FORMAT = "mintrender-search/1";
  var MAX_RESULTS = 10;
  var DEBOUNCE_MS = 40;

  // ---- Text: mirrors renderer/search.py normalize_text / query_string ----------------------

  var NON_WORD = /[^\p{L}\p{N}]+/gu;
  // A display word: one Han ideograph or kana, or a run of other letters and digits.
  var WORD = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]|(?:(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f])[\p{L}\p{N}])+/gu;

  var CJK = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f])/g;

  function normalizeText(text) {
    return text.toLowerCase().replace(NON_WORD, " ").replace(CJK, " $1 ").replace(/\s+/g, " ").trim();
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

  function Index(payload) {
    if (!payload || payload.format !== FORMAT) throw new Error("mintrender: unknown search index format");
    var F = payload.fields.length, terms = payload.terms, T = terms.length;
    var vectors = payload.vectors, D = vectors.length;
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
          vecVal[p] = flat[i + 1] / 1000;
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
    var s = this._sorted, lo = 0, hi = s.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (cmpCodePoints(s[mid], prefix) < 0) lo = mid + 1; else hi = mid;
    }
    var out = [];
    for (var i = lo; i < s.length && s[i].lastIndexOf(prefix, 0) === 0; i++) out.push(s[i]);
    out.sort(cmpExpansion);
    var ids = this._ids;
    return out.map(function (w) { return ids.get(w); });
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

  /** lunr's Index.search: [{ref, score, terms}] best first, `terms` the matched index terms. */
  Index.prototype.search = function (query) {
    var F = this.F, qv = this._qv, touched = [], order = [], seenRef = new Map();
    var seenTermField = new Set(), matched = new Map();
    var clauses = parseQuery(query);
    for (var c = 0; c < clauses.length; c++) {
      var clause = clauses[c], expanded;
      if (clause.prefix) expanded = this.expandPrefix(clause.term);
      else {
        var id = this._ids.get(porterStem(clause.term));
        expanded = id === undefined ? [] : [id];
      }
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

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  function isMatch(word, terms) {
    var w = word.toLowerCase();
    return terms.has(w) || terms.has(porterStem(w));
  }

  /** HTML of `text` with words whose stem is among `terms` wrapped in <mark>. */
  function highlight(text, terms) {
    var out = "", last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (isMatch(m[0], terms)) {
        out += escapeHtml(text.slice(last, m.index)) + "<mark>" + escapeHtml(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    }
    return out + escapeHtml(text.slice(last));
  }

  /** Excerpt starting shortly before the first matched word, if that is far in. */
  function excerpt(text, terms) {
    var m, first = -1;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (isMatch(m[0], terms)) { first = m.index; break; }
    }
    if (first > 60) {
      var from = text.lastIndexOf(" ", first - 24);
      if (from > 0) text = "\u2026" + text.slice(from + 1);
    }
    return highlight(text, terms);
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

  var index = null, loading = null;

  function loadIndex() {
    if (index) return Promise.resolve(index);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      function done() {
        try { index = new Index(window.__MR_SEARCH__); resolve(index); } catch (err) { reject(err); }
      }
      if (window.__MR_SEARCH__) return done();
      var src = meta("mr-search-index") || (meta("mr-root") || "/") + "_mintrender/search-index.js";
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = done;
      script.onerror = function () { reject(new Error("mintrender: cannot load " + src)); };
      document.head.appendChild(script);
    });
    loading.catch(function () { loading = null; });
    return loading;
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

  function build() {
    if (modal) return;
    var prompt = trigger && trigger.querySelector(".mr-search-trigger__text");
    modal = document.createElement("div");
    modal.className = "mr-search";
    modal.setAttribute("data-component", "search-modal");
    modal.hidden = true;
    modal.innerHTML =
      '<div class="mr-search__backdrop" data-search-close></div>' +
      '<div class="mr-search__dialog" role="dialog" aria-modal="true" aria-label="Search">' +
      '<div class="mr-search__bar">' + ICON_SEARCH +
      '<input class="mr-search__input" type="text" autocomplete="off" autocorrect="off" autocapitalize="off" ' +
      'spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" ' +
      'aria-controls="mr-search-results" enterkeyhint="go">' +
      '<button type="button" class="mr-search__esc" data-search-close aria-label="Close search">Esc</button></div>' +
      '<div class="mr-search__body"><div class="mr-search__status" aria-live="polite"></div>' +
      '<div class="mr-search__results" id="mr-search-results" role="listbox" aria-label="Results"></div></div>' +
      '<div class="mr-search__footer" aria-hidden="true"><span><kbd>\u2191</kbd><kbd>\u2193</kbd> to navigate</span>' +
      "<span><kbd>\u21b5</kbd> to select</span><span><kbd>esc</kbd> to close</span></div></div>";
    document.body.appendChild(modal);
    input = modal.querySelector(".mr-search__input");
    list = modal.querySelector(".mr-search__results");
    status = modal.querySelector(".mr-search__status");
    input.placeholder = (prompt && prompt.textContent.trim()) || "Search...";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", onKey);
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

  function update() {
    clearTimeout(timer);
    timer = 0;
    var typed = input.value, query = mapQuery(typed);
    list.setAttribute("data-query", query);
    if (!query) { render([], query); setStatus(""); return; }
    if (index) return show(typed, query);
    setStatus('<p class="mr-search__empty">Loading the search index\u2026</p>');
    loadIndex().then(function () {
      if (input.value === typed) show(typed, query);
    }, function () {
      render([], query);
      setStatus('<p class="mr-search__empty">Search is unavailable: the index could not be loaded.</p>');
    });
  }

  function show(typed, query) {
    var t0 = performance.now();
    var results = index.search(query);
    list.setAttribute("data-ms", (performance.now() - t0).toFixed(3));
    render(results.slice(0, MAX_RESULTS), query);
    setStatus(results.length ? "" :
      '<p class="mr-search__empty">No results for \u201c<strong>' + escapeHtml(typed.trim()) + "</strong>\u201d</p>");
  }

  function render(results, query) {
    var groups = [], byPage = new Map();
    results.forEach(function (r, rank) {
      var doc = index.docs[r.ref], page = doc[0], g = byPage.get(page);
      if (!g) { g = { page: index.pages[page], items: [] }; byPage.set(page, g); groups.push(g); }
      g.items.push({ r: r, rank: rank, doc: doc });
    });
    var html = "", n = 0;
    groups.forEach(function (g) {
      var url = g.page[0], crumbs = g.page[2];
      html += '<div class="mr-search__group" role="group" aria-label="' + escapeHtml(g.page[1]) + '">' +
        '<div class="mr-search__group-head">' +
        (crumbs.length ? '<span class="mr-search__crumbs">' + crumbs.map(escapeHtml).join(
          '<span class="mr-search__sep" aria-hidden="true">\u203a</span>') + "</span>" : "") +
        "</div>";
      g.items.forEach(function (it) {
        var doc = it.doc, terms = it.r.terms, top = !doc[1];
        html += '<a class="mr-search__result" role="option" id="mr-search-opt-' + n++ + '" href="' +
          escapeHtml(pageHref(url, doc[1])) + '" data-ref="' + it.r.ref + '" data-rank="' + it.rank +
          '" data-score="' + it.r.score + '" aria-selected="false">' +
          '<span class="mr-search__result-title">' + (top ? ICON_PAGE : ICON_HASH) +
          '<span class="mr-search__result-text">' +
          (top ? "" : '<span class="mr-search__result-page">' + escapeHtml(g.page[1]) +
            '<span class="mr-search__sep" aria-hidden="true">\u203a</span></span>') +
          highlight(doc[2], terms) + "</span></span>" +
          (doc[3] ? '<span class="mr-search__excerpt">' + excerpt(doc[3], terms) + "</span>" : "") +
          "</a>";
      });
      html += "</div>";
    });
    list.innerHTML = html;
    list.setAttribute("data-count", String(results.length));
    list.setAttribute("data-rendered", query);
    options = Array.prototype.slice.call(list.querySelectorAll(".mr-search__result"));
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    select(options.length ? 0 : -1, false);
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
      if (timer) update();
      var opt = options[active];
      if (!opt) return;
      if (ev.metaKey || ev.ctrlKey) { window.open(opt.href, "_blank", "noopener"); return; }
      var href = opt.href;
      close();
      window.location.href = href;
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      close();
    } else if (ev.key === "Tab") {
      ev.preventDefault();
    }
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
    open: function (el) { if (el && el.nodeType === 1) trigger = el; open(); },
    isOpen: function () { return !!modal && !modal.hidden; },
    search: function (query) { return loadIndex().then(function (idx) { return idx.search(query); }); }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
