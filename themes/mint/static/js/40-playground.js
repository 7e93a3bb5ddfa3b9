/* API pages: tabs and selectors of the reference, and the "Try it" playground.
 *
 * Hooks (emitted by themes/mint/templates/api/*.html):
 *   [data-component="api-tabs"], [data-api-tabs]   tab groups (role=tab / role=tabpanel, data-tab-title)
 *   select[data-component="api-select"]            shows the sibling [data-api-panel=<value>]
 *   select[data-component="api-server-select"]     server of the endpoint bar
 *   button[data-component="api-tryit"]             opens the playground of its endpoint
 *   script[data-component="api-playground-data"]   the operation (servers, security, params, body)
 *
 * In a built site this file is the lazy part `playground` (with 41-playground.css): the page
 * links only 39-api.api.js, which binds the tabs and selectors, sets `window.mrApi` and loads
 * this file on the first "Try it". Loaded on its own (no `window.mrApi`), it binds them itself.
 *
 * Nothing is sent until the user presses Send. Credentials stay in this page's memory, and in
 * localStorage only when "Remember" is ticked; they go nowhere but the API on Send.
 */
(function () {
  "use strict";
  var doc = document;
  var STORE = "mintrender.api.credential.";
  var GROUP = '[data-component="api-tabs"], [data-api-tabs]';

  /* The theme's word `key` in the page's language (`mr.text`, 10-theme.js), `english` when the
   * page has none (or this file runs without the theme's script); {slot}s filled from `slots`. */
  function say(key, english, slots) {
    var text = window.mr && window.mr.text ? window.mr.text(key, english) : english;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return slots && slots[name] !== undefined ? slots[name] : all;
    });
  }

  function own(group, selector) {
    return Array.prototype.filter.call(group.querySelectorAll(selector), function (el) {
      return el.closest(GROUP) === group;
    });
  }

  function selectTab(group, title) {
    own(group, '[role="tab"]').forEach(function (t) {
      t.setAttribute("aria-selected", t.getAttribute("data-tab-title") === title ? "true" : "false");
    });
    own(group, '[role="tabpanel"]').forEach(function (p) {
      p.hidden = p.getAttribute("data-tab-title") !== title;
    });
  }

  if (!window.mrApi) {
    doc.addEventListener("click", function (e) {
      var tab = e.target.closest('[role="tab"]');
      if (tab) {
        var group = tab.closest(GROUP);
        if (group) selectTab(group, tab.getAttribute("data-tab-title"));
        return;
      }
      var tryit = e.target.closest('[data-component="api-tryit"]');
      if (tryit) openPlayground(tryit.closest('[data-component="api-endpoint"]'), tryit);
    });

    doc.addEventListener("change", function (e) {
      var sel = e.target;
      if (!sel.matches) return;
      if (sel.matches('select[data-component="api-select"]')) {
        var scope = sel.closest('[role="tabpanel"], section, .mr-api-example') || sel.parentElement;
        Array.prototype.forEach.call(scope.querySelectorAll("[data-api-panel]"), function (p) {
          if (p.parentElement.closest('[role="tabpanel"], section, .mr-api-example') !== scope) return;
          p.hidden = p.getAttribute("data-api-panel") !== sel.value;
        });
      } else if (sel.matches('select[data-component="api-server-select"]')) {
        var endpoint = sel.closest('[data-component="api-endpoint"]');
        if (endpoint) endpoint.setAttribute("data-server", sel.value);
      }
    });
  }

  /* ---- Playground ------------------------------------------------------- */

  doc.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var open = doc.querySelector('[data-component="api-playground"]:not([hidden])');
    if (open) hide(open);
  });

  function el(tag, attrs, children) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "hidden") node.hidden = !!attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function readStore(key) {
    try { return window.localStorage.getItem(STORE + key); } catch (err) { return null; }
  }
  function writeStore(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(STORE + key);
      else window.localStorage.setItem(STORE + key, value);
    } catch (err) { /* storage disabled: memory only */ }
  }

  var memory = {};

  function inputFor(field, prefix) {
    var id = prefix + "-" + field.name.replace(/[^A-Za-z0-9_-]/g, "-");
    var input;
    var kind = field.kind;
    if (kind === "enum" || kind === "boolean") {
      input = el("select", { id: id });
      input.appendChild(el("option", { value: "", text: field.required ? say("pg_select", "Select…") : say("pg_not_set", "(not set)") }));
      var values = kind === "boolean" ? [true, false] : field.enum || [];
      values.forEach(function (v) { input.appendChild(el("option", { value: String(v), text: String(v) })); });
    } else if (kind === "json") {
      input = el("textarea", { id: id, rows: "6", spellcheck: "false" });
      input.value = field.value || "";
      input.placeholder = field.placeholder || "";
    } else if (kind === "file" || kind === "files") {
      input = el("input", { id: id, type: "file", multiple: kind === "files" ? "" : null });
    } else {
      input = el("input", {
        id: id,
        type: kind === "integer" || kind === "number" ? "number" : "text",
        step: kind === "number" ? "any" : null,
        autocomplete: "off",
        spellcheck: "false"
      });
      var hint = field.placeholder || (field["default"] !== undefined ? String(field["default"]) : "");
      if (kind === "array") hint = hint || say("pg_list_hint", "comma, separated, values");
      input.placeholder = hint;
    }
    if (field.value !== undefined && kind !== "json" && kind !== "file" && kind !== "files") input.value = String(field.value);
    input.classList.add("mr-api-playground__input");
    input.setAttribute("data-name", field.name);
    input.setAttribute("data-kind", kind);
    if (field["in"]) input.setAttribute("data-in", field["in"]);
    if (field.list) input.setAttribute("data-list", field.list);
    if (field.required) input.setAttribute("aria-required", "true");
    var label = el("label", { "for": id, "class": "mr-api-playground__label" }, [
      el("span", { "class": "mr-api-playground__name", text: field.name }),
      el("span", { "class": "mr-api-pill mr-api-pill--type", text: kind === "json" ? "json" : kind }),
      field.required ? el("span", { "class": "mr-api-pill mr-api-pill--required", text: say("required", "required") }) : null
    ]);
    var row = el("div", { "class": "mr-api-playground__row" }, [label, input]);
    if (field.description) row.appendChild(el("p", { "class": "mr-api-playground__hint", text: field.description }));
    return row;
  }

  function section(title, rows) {
    if (!rows.length) return null;
    return el("fieldset", { "class": "mr-api-playground__section" }, [el("legend", { text: title })].concat(rows));
  }

  // Browsers forbid a page to set `Cookie` on fetch: cookie inputs say they are not sent.
  function cookieNote() {
    return el("p", { "class": "mr-api-playground__hint mr-api-playground__cookie-note", "data-cookie-note": "", text: say("pg_cookie_note", "Not sent from here: browsers do not let a page set cookies on a request. Send them with a code sample.") });
  }

  function authInputs(req, uid, setIndex) {
    var rows = [];
    req.schemes.forEach(function (s) {
      var id = uid + "-auth" + setIndex + "-" + s.key.replace(/[^A-Za-z0-9_-]/g, "-");
      var saved = memory[s.key] !== undefined ? memory[s.key] : readStore(s.key);
      var label = s.kind === "bearer" ? say("pg_bearer", "Bearer token") : s.kind === "basic" ? "username:password" : s.name + " (" + s["in"] + ")";
      var input = el("input", {
        id: id, type: "password", autocomplete: "off", spellcheck: "false",
        "class": "mr-api-playground__input", "data-auth": s.key, placeholder: s.kind === "bearer" ? "<token>" : ""
      });
      input.value = saved !== null && saved !== undefined ? saved : s["default"] || "";
      input.addEventListener("input", function () { memory[s.key] = input.value; });
      rows.push(el("div", { "class": "mr-api-playground__row" }, [
        el("label", { "for": id, "class": "mr-api-playground__label" }, [
          el("span", { "class": "mr-api-playground__name", text: label }),
          el("span", { "class": "mr-api-pill mr-api-pill--required", text: say("required", "required") })
        ]),
        input
      ]));
      if (s["in"] === "cookie") rows.push(cookieNote());
    });
    return rows;
  }

  // Each security alternative (OR) is a set of inputs; with several, a select picks the one sent.
  function authRows(data, uid) {
    var rows = [];
    var alternatives = data.security || [];
    if (!alternatives.length) return rows;
    var sets = alternatives.map(function (req, i) {
      var set = el("div", { "class": "mr-api-playground__auth-set", "data-auth-set": String(i) }, authInputs(req, uid, i));
      set.hidden = i > 0;
      return set;
    });
    if (alternatives.length > 1) {
      var sel = el("select", { id: uid + "-auth", "class": "mr-api-playground__input", "data-auth-choice": "" });
      alternatives.forEach(function (req, i) { sel.appendChild(el("option", { value: String(i), text: req.label })); });
      sel.addEventListener("change", function () {
        sets.forEach(function (set, i) { set.hidden = String(i) !== sel.value; });
      });
      rows.push(el("div", { "class": "mr-api-playground__row" }, [
        el("label", { "for": uid + "-auth", "class": "mr-api-playground__label", text: say("pg_auth_method", "Authentication method") }), sel
      ]));
    }
    rows = rows.concat(sets);
    var remember = el("input", { type: "checkbox", id: uid + "-remember", "data-remember": "" });
    remember.checked = alternatives.some(function (req) {
      return req.schemes.some(function (s) { return readStore(s.key) !== null; });
    });
    rows.push(el("label", { "class": "mr-api-playground__remember", "for": uid + "-remember" }, [
      remember, el("span", { text: say("pg_remember", "Remember in this browser (stored locally, sent only to this API)") })
    ]));
    return rows;
  }

  // The security alternative chosen (the first when there is no choice) and its inputs.
  function chosenAuth(root, data) {
    var sel = root.querySelector("select[data-auth-choice]");
    var index = sel ? parseInt(sel.value, 10) : 0;
    var req = (data.security || [])[index];
    var set = root.querySelector('[data-auth-set="' + index + '"]');
    return {
      req: req,
      input: function (key) { return set ? set.querySelector('[data-auth="' + key + '"]') : null; }
    };
  }

  function build(endpoint, data) {
    var uid = "mr-pg-" + Math.random().toString(36).slice(2, 8);
    var servers = data.servers || [];
    var serverRows = [];
    if (servers.length > 1) {
      var sel = el("select", { id: uid + "-server", "class": "mr-api-playground__input", "data-server": "" });
      servers.forEach(function (s, i) { sel.appendChild(el("option", { value: String(i), text: s.url })); });
      sel.value = endpoint.getAttribute("data-server") || "0";
      serverRows.push(el("div", { "class": "mr-api-playground__row" }, [
        el("label", { "for": uid + "-server", "class": "mr-api-playground__label", text: say("pg_server", "Server") }), sel
      ]));
    }
    servers.forEach(function (s, i) {
      (s.variables || []).forEach(function (v) {
        var f = { name: v.name, kind: v["enum"] && v["enum"].length ? "enum" : "string", "enum": v["enum"], value: v["default"], required: !!v.required };
        var row = inputFor(f, uid + "-var" + i);
        row.querySelector("[data-name]").setAttribute("data-var", String(i));
        serverRows.push(row);
      });
    });
    var groups = { path: [], query: [], header: [], cookie: [] };
    (data.params || []).forEach(function (p) { if (groups[p["in"]]) groups[p["in"]].push(inputFor(p, uid + "-" + p["in"])); });
    if (groups.cookie.length) groups.cookie.unshift(cookieNote());
    var bodyRows = [];
    var body = data.body;
    var bodies = bodiesOf(data);
    if (bodies.length > 1) {  // several content types: the reader picks the one to send
      var choice = el("select", { id: uid + "-ctype", "class": "mr-api-playground__input", "data-body-choice": "" });
      bodies.forEach(function (b, i) { choice.appendChild(el("option", { value: String(i), text: b.contentType })); });
      choice.addEventListener("change", function () {
        values(choice.form || document, "[data-body]").forEach(function (box) { box.hidden = box.getAttribute("data-body") !== choice.value; });
      });
      bodyRows.push(el("div", { "class": "mr-api-playground__row" }, [
        el("label", { "for": uid + "-ctype", "class": "mr-api-playground__label", text: say("pg_content_type", "Content type") }), choice
      ]));
    }
    bodies.forEach(function (b, i) {
      var rows = [];
      var prefix = uid + "-body" + (i ? i : "");
      if (b.raw !== undefined) {
        var ta = el("textarea", { id: prefix + "-raw", rows: "10", spellcheck: "false", "class": "mr-api-playground__input", "data-raw": "" });
        ta.value = b.raw;
        ta.placeholder = b.rawHint || "";  // an example to read, not sent: as the fields' examples
        if (b.required) ta.setAttribute("aria-required", "true");  // so Send asks for it, as for a field
        rows.push(el("div", { "class": "mr-api-playground__row" }, [
          el("label", { "for": prefix + "-raw", "class": "mr-api-playground__label" }, [
            el("span", { "class": "mr-api-playground__name", text: b.contentType }),
            b.required ? el("span", { "class": "mr-api-pill mr-api-pill--required", text: say("required", "required") }) : null
          ]), ta
        ]));
      } else if (b.binary) {
        rows.push(inputFor({ name: "file", kind: "file", required: b.required }, prefix));
      } else {
        (b.fields || []).forEach(function (f) { rows.push(inputFor(f, prefix)); });
      }
      var box = el("div", { "class": "mr-api-playground__body", "data-body": String(i) }, rows);
      box.hidden = i > 0;
      bodyRows.push(box);
    });
    var form = el("form", { "class": "mr-api-playground__form", novalidate: "" }, [
      section(say("pg_server", "Server"), serverRows),
      section(say("pg_authorization", "Authorization"), authRows(data, uid)),
      section(say("pg_path", "Path"), groups.path),
      section(say("pg_query", "Query"), groups.query),
      section(say("headers", "Headers"), groups.header),
      section(say("cookies", "Cookies"), groups.cookie),
      section(say("body", "Body") + (bodies.length === 1 ? " (" + body.contentType + ")" : ""), bodyRows)
    ]);
    var pill = endpoint.querySelector(".method-pill");
    var send = el("button", { type: "button", "class": "mr-api-playground__send tryit-button", "data-component": "api-send", text: say("send", "Send") });
    var close = el("button", { type: "button", "class": "mr-api-playground__close", "aria-label": say("close", "Close"), text: "×" });
    var urlView = el("code", { "class": "mr-api-playground__url" });
    var result = el("div", { "class": "mr-api-playground__result", "aria-live": "polite", "data-component": "api-result" }, [
      el("p", { "class": "mr-api-playground__empty", text: say("pg_empty", "Fill in the fields and press Send. Nothing is sent before that.") })
    ]);
    var header = el("div", { "class": "mr-api-playground__header" }, [
      pill ? pill.cloneNode(true) : null, urlView, send, close
    ]);
    var panel = el("div", { "class": "mr-api-playground__panel", role: "dialog", "aria-modal": "true", "aria-label": say("try_it", "Try it") + ": " + data.method + " " + data.path }, [
      header, el("div", { "class": "mr-api-playground__main" }, [form, result])
    ]);
    var root = el("div", { "class": "mr-api-playground", "data-component": "api-playground", hidden: true }, [
      el("div", { "class": "mr-api-playground__backdrop", "data-close": "" }), panel
    ]);
    send.addEventListener("click", function (e) { e.preventDefault(); run(root, data, result); });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(root, data, result); });
    close.addEventListener("click", function () { hide(root); });
    root.addEventListener("click", function (e) { if (e.target.hasAttribute("data-close")) hide(root); });
    form.addEventListener("input", function () { urlView.textContent = requestUrl(root, data); });
    form.addEventListener("change", function () { urlView.textContent = requestUrl(root, data); });
    root._opener = null;
    doc.body.appendChild(root);
    urlView.textContent = requestUrl(root, data);
    return root;
  }

  function hide(root) {
    root.hidden = true;
    doc.documentElement.classList.remove("mr-api-playground-open");
    markUrl(false);
    if (root._opener) root._opener.focus();
  }

  // `?playground=open` in the address while the playground is open, as Mintlify's deep
  // links have it: the address can be shared, and opens the page with it open (39-api.api.js).
  function markUrl(open) {
    if (!window.history || !history.replaceState || typeof URL !== "function") return;
    try {
      var url = new URL(location.href);
      if (open === (url.searchParams.get("playground") === "open")) return;
      if (open) url.searchParams.set("playground", "open"); else url.searchParams.delete("playground");
      history.replaceState(history.state, "", url.href);
    } catch (err) { /* an address this page may not rewrite */ }
  }

  function openPlayground(endpoint, opener) {
    if (!endpoint) return;
    var root = endpoint._mrPlayground;
    if (!root) {
      var script = endpoint.querySelector('script[data-component="api-playground-data"]');
      if (!script) return;
      var data;
      try { data = JSON.parse(script.textContent); } catch (err) { return; }
      root = endpoint._mrPlayground = build(endpoint, data);
    }
    root._opener = opener;
    root.hidden = false;
    doc.documentElement.classList.add("mr-api-playground-open");
    markUrl(true);
    var first = root.querySelector(".mr-api-playground__form input, .mr-api-playground__form select, .mr-api-playground__form textarea");
    (first || root.querySelector(".mr-api-playground__send")).focus();
  }

  // The request body's forms: the first content type's, then the others' (a choice).
  function bodiesOf(data) {
    return data.body ? [data.body].concat(data.body.others || []) : [];
  }

  function values(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function convert(kind, raw, itemType, choices) {
    if (kind === "enum" && choices) {  // the choice as the spec types it (`2`, not `"2"`)
      var typed = choices.filter(function (c) { return String(c) === raw; });
      return typed.length ? typed[0] : raw;
    }
    if (kind === "integer") return parseInt(raw, 10);
    if (kind === "number") return parseFloat(raw);
    if (kind === "boolean") return raw === "true";
    if (kind === "json") return JSON.parse(raw);
    if (kind === "array") {
      return raw.split(",").map(function (s) { return s.trim(); }).filter(Boolean).map(function (s) {
        return itemType === "integer" || itemType === "number" ? Number(s) : s;
      });
    }
    return raw;
  }

  // A list input's items ("1, 2" -> ["1", "2"]), and a value as a URL carries it: a list's
  // items joined by its separator (`data-list`: "," | " " | "|"; "multi" repeats the name).
  function listItems(input) {
    return input.value.split(",").map(function (v) { return v.trim(); }).filter(Boolean);
  }

  function encodedValue(input) {
    var sep = input.getAttribute("data-list");
    if (!sep || sep === "multi") return encodeURIComponent(input.value);
    return listItems(input).map(encodeURIComponent).join(sep === "," ? "," : encodeURIComponent(sep));
  }

  function requestUrl(root, data) {
    var servers = data.servers || [];
    var sel = root.querySelector("select[data-server]");
    var index = sel ? parseInt(sel.value, 10) : 0;
    var server = servers[index] || { url: "", variables: [] };
    var base = server.url;
    values(root, '[data-var="' + index + '"]').forEach(function (input) {
      base = base.split("{" + input.getAttribute("data-name") + "}").join(input.value);
    });
    var path = data.path.replace(/\{([^}]+)\}/g, function (m, name) {
      var input = values(root, '[data-in="path"]').filter(function (i) { return i.getAttribute("data-name") === name; })[0];
      return input && input.value ? encodedValue(input) : m;
    });
    var query = [];
    values(root, '[data-in="query"]').forEach(function (input) {
      if (input.value === "") return;
      var key = encodeURIComponent(input.getAttribute("data-name"));
      if (input.getAttribute("data-list") === "multi") {
        listItems(input).forEach(function (v) { query.push(key + "=" + encodeURIComponent(v)); });
      } else query.push(key + "=" + encodedValue(input));
    });
    var auth = chosenAuth(root, data);
    if (auth.req) auth.req.schemes.forEach(function (s) {
      var a = auth.input(s.key);
      if (s.kind === "apiKey" && s["in"] === "query" && a && a.value) query.push(encodeURIComponent(s.name) + "=" + encodeURIComponent(a.value));
    });
    return base.replace(/\/$/, "") + path + (query.length ? "?" + query.join("&") : "");
  }

  function collect(root, data) {
    var headers = {};
    var auth = chosenAuth(root, data);
    var remember = root.querySelector("[data-remember]");
    if (auth.req) auth.req.schemes.forEach(function (s) {
      var a = auth.input(s.key);
      var v = a ? a.value : "";
      writeStore(s.key, remember && remember.checked && v ? v : null);
      if (!v) return;
      if (s.kind === "bearer") headers.Authorization = "Bearer " + v;
      else if (s.kind === "basic") headers.Authorization = "Basic " + btoa(v);
      else if (s["in"] === "header") headers[s.name] = v;
    });
    values(root, '[data-in="header"]').forEach(function (input) {
      if (input.value === "") return;
      headers[input.getAttribute("data-name")] = input.getAttribute("data-list") ? listItems(input).join(",") : input.value;
    });
    var body = null;
    var chosen = root.querySelector("select[data-body-choice]");
    var index = chosen ? parseInt(chosen.value, 10) || 0 : 0;
    var spec = bodiesOf(data)[index];
    if (spec) {
      var ctype = spec.contentType || "application/json";
      var box = root.querySelector('[data-body="' + index + '"]') || root;
      var raw = box.querySelector("[data-raw]");
      var fields = values(box, "[data-name]:not([data-in]):not([data-var])");
      if (raw) {
        body = raw.value;
        headers["Content-Type"] = ctype;
      } else if (spec.binary) {
        var fi = fields[0];
        body = fi && fi.files && fi.files[0] ? fi.files[0] : null;
        headers["Content-Type"] = ctype;
      } else if (ctype.indexOf("multipart/") === 0) {
        body = new FormData();
        fields.forEach(function (input) {
          var name = input.getAttribute("data-name");
          if (input.type === "file") {
            Array.prototype.forEach.call(input.files || [], function (f) { body.append(name, f); });
          } else if (input.value !== "") body.append(name, input.value);
        });
      } else if (ctype.indexOf("x-www-form-urlencoded") !== -1) {
        body = new URLSearchParams();
        fields.forEach(function (input) { if (input.value !== "") body.append(input.getAttribute("data-name"), input.value); });
        headers["Content-Type"] = ctype;
      } else {
        var obj = {};
        fields.forEach(function (input) {
          if (input.type === "file" || input.value === "") return;
          var f = (spec.fields || []).filter(function (x) { return x.name === input.getAttribute("data-name"); })[0] || {};
          try {
            obj[f.name || input.getAttribute("data-name")] = convert(input.getAttribute("data-kind"), input.value, f.itemType, f["enum"]);
          } catch (err) {
            throw new Error(say("pg_bad_json", "“{name}” is not valid JSON: {error}", { name: input.getAttribute("data-name"), error: err.message }));
          }
        });
        body = JSON.stringify(obj);
        headers["Content-Type"] = ctype;
      }
    }
    return { headers: headers, body: body };
  }

  function showError(result, message) {
    result.innerHTML = "";
    result.appendChild(el("div", { "class": "mr-api-playground__error", role: "alert", text: message }));
  }

  function run(root, data, result) {
    var url = requestUrl(root, data);
    var parts;
    try { parts = collect(root, data); } catch (err) { showError(result, err.message); return; }
    var missing = values(root, '[aria-required="true"]').filter(function (i) {
      if (i.closest("[data-body][hidden]")) return false;  // a content type not chosen
      if (i.hasAttribute("data-raw")) return i.value.trim() === "";  // a body written whole
      return i.type === "file" ? !(i.files && i.files.length) : i.value === "";
    });
    if (missing.length) {
      missing[0].focus();
      showError(result, say("pg_missing", "Required: {names}", { names: missing.map(function (i) { return i.getAttribute("data-name") || say("body", "Body"); }).join(", ") }));
      return;
    }
    var send = root.querySelector(".mr-api-playground__send");
    send.disabled = true;
    result.innerHTML = "";
    result.appendChild(el("p", { "class": "mr-api-playground__empty", text: say("pg_sending", "Sending…") }));
    var started = performance.now();
    var init = { method: data.method, headers: parts.headers, credentials: data.credentials ? "include" : "omit" };
    if (parts.body !== null && data.method !== "GET" && data.method !== "HEAD") init.body = parts.body;
    fetch(url, init).then(function (res) {
      var ctype = res.headers.get("content-type") || "";
      var media = /^(image|audio|video)\//.test(ctype);
      return (media ? res.blob() : res.text()).then(function (payload) {
        render(result, res, payload, ctype, performance.now() - started);
      });
    }).catch(function (err) {
      showError(result, say("pg_failed", "Request failed: {error}. The API may not allow requests from this site (CORS), or the network is unreachable.", { error: err.message }));
    }).then(function () { send.disabled = false; });
  }

  function render(result, res, payload, ctype, ms) {
    result.innerHTML = "";
    var kind = res.status < 300 ? "success" : res.status < 400 ? "redirect" : "error";
    result.appendChild(el("div", { "class": "mr-api-playground__status" }, [
      el("span", { "class": "mr-api-status mr-api-status--" + kind, "data-component": "api-status" }, [
        el("span", { "class": "mr-api-status__dot", "aria-hidden": "true" }),
        el("span", { text: res.status + (res.statusText ? " " + res.statusText : "") })
      ]),
      el("span", { "class": "mr-api-playground__time", text: Math.round(ms) + " ms" })
    ]));
    var list = el("dl", { "class": "mr-api-playground__headers" });
    res.headers.forEach(function (value, name) {
      list.appendChild(el("dt", { text: name }));
      list.appendChild(el("dd", { text: value }));
    });
    result.appendChild(el("details", { "class": "mr-api-playground__headers-box" }, [el("summary", { text: say("headers", "Headers") }), list]));
    var view;
    if (typeof payload !== "string") {
      var src = URL.createObjectURL(payload);
      var tag = ctype.indexOf("image/") === 0 ? "img" : ctype.indexOf("audio/") === 0 ? "audio" : "video";
      view = el(tag, { src: src, controls: tag === "img" ? null : "", alt: tag === "img" ? say("pg_image", "Response image") : null, "class": "mr-api-playground__media" });
    } else {
      var text = payload;
      if (/json/.test(ctype) || /^\s*[{[]/.test(text)) {
        try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (err) { /* not JSON after all */ }
      }
      view = el("pre", { "class": "mr-api-playground__body", "data-component": "api-response-body" }, [el("code", { text: text })]);
    }
    result.appendChild(view);
  }

  window.mrPlayground = { open: openPlayground };
})();
