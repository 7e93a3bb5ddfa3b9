/* Search text pipeline of languages other than English, and the compact payload encodings.
 *
 * Mirrors renderer/index/text.py (fold, tokens), renderer/index/compact.py (decodeInts,
 * dequantize, decodeTerms, decodeForms) and renderer/index/query.py (oneEdit). Loaded before
 * 50-search.js in the lazy part `search`; exposes window.mrSearchText.
 */
(function () {
  "use strict";

  var MARKS = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  var LETTERS = { "\u00df": "ss", "\u00e6": "ae", "\u0153": "oe", "\u00f8": "o", "\u0111": "d", "\u0142": "l", "\u0131": "i" };
  var LETTER_RE = /[\u00df\u00e6\u0153\u00f8\u0111\u0142\u0131]/g;
  // A word: letters and digits, each with the combining marks that follow it (text.py word_re).
  var WORDS = /(?:[\p{L}\p{N}](?:(?![\uFE00-\uFE0F])\p{M})*)+/gu;
  var CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f";
  var CJK_RUN = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "g");
  var CJK_CHAR = new RegExp("^[" + CJK + "]");
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = {};
  for (var a = 0; a < ALPHABET.length; a++) VALUE[ALPHABET[a]] = a;

  /** NFKD, lower-case, no diacritics, ß æ œ ø đ ł ı spelled out, NFC (text.py fold). */
  function fold(text) {
    return text.normalize("NFKD").toLowerCase().replace(MARKS, "")
      .replace(LETTER_RE, function (ch) { return LETTERS[ch]; }).normalize("NFC");
  }

  function isCjk(token) { return CJK_CHAR.test(token); }

  /** Folded words; Han/kana runs as bigrams (`bigrams`) or single characters (text.py tokens). */
  function tokens(text, bigrams) {
    var out = [];
    (fold(text).match(WORDS) || []).forEach(function (word) {
      (word.match(CJK_RUN) || []).forEach(function (run) {
        if (!isCjk(run)) { out.push(run); return; }
        var chars = Array.from(run);
        if (bigrams && chars.length > 1) {
          for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
        } else out.push.apply(out, chars);
      });
    });
    return out;
  }

  function decodeInts(text) {
    var out = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var g = VALUE[text[i]];
      value = value * 32 + (g & 31);
      if (g < 32) { out.push(value); value = 0; }
    }
    return out;
  }

  function dequantize(q) { return q * q / 4096; }

  function decodeTerms(text) {
    var out = [], previous = "";
    if (!text) return out;
    text.split(" ").forEach(function (item) {
      // Shared lengths count code points, as Python's slices do.
      var cps = Array.from(previous).slice(0, VALUE[item[0]]);
      previous = cps.join("") + item.slice(1);
      out.push(previous);
    });
    return out;
  }

  /** Surface form -> stem (compact.py decode_forms). */
  function decodeForms(terms, encoded) {
    var out = new Map();
    for (var i = 0; i < encoded.length && i < terms.length; i++) {
      if (!encoded[i]) continue;
      encoded[i].split(" ").forEach(function (item) {
        out.set(item[0] === "!" ? item.slice(1) : terms[i] + item, terms[i]);
      });
    }
    return out;
  }

  /** One insertion, deletion, substitution or neighbour swap apart (query.py one_edit). */
  function oneEdit(a, b) {
    if (/[\ud800-\udfff]/.test(a + b)) { a = Array.from(a); b = Array.from(b); }
    var la = a.length, lb = b.length, i = 0;
    if (Math.abs(la - lb) > 1 || same(a, 0, b, 0, la, lb)) return false;
    while (i < Math.min(la, lb) && a[i] === b[i]) i++;
    if (la > lb) return same(a, i + 1, b, i, la, lb);
    if (lb > la) return same(a, i, b, i + 1, la, lb);
    if (same(a, i + 1, b, i + 1, la, lb)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && same(a, i + 2, b, i + 2, la, lb);
  }

  function same(a, i, b, j, la, lb) {
    if (la - i !== lb - j) return false;
    for (; i < la; i++, j++) if (a[i] !== b[j]) return false;
    return true;
  }

  window.mrSearchText = {
    fold: fold, tokens: tokens, isCjk: isCjk, oneEdit: oneEdit,
    decodeInts: decodeInts, dequantize: dequantize, decodeTerms: decodeTerms, decodeForms: decodeForms
  };
})();
