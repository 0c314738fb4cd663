/*
 * What a search query asks, read by the search worker (search-i18n.js, which loads this
 * with importScripts): its plain words and its phrases, and whether a text holds a
 * phrase. Pure functions of their arguments, without the worker's state, so that node
 * can test them (tests/unit/site/test_search_query.py); a plain script that sets
 * self.searchQuery, as a worker has no modules from file:// (iframe-worker).
 *
 * - parse(query, separator) -> {query, words, phrases}: `query` is what Material's worker
 *   gets, the reader's query with the quotes of its phrases taken out (Material would make
 *   a phrase's words required, in any order); `words` the plain words typed (not lunr's
 *   syntax: +required, -excluded, field:, wildcards), as typed (the case of a Latin letter
 *   matters to the Kazakh alphabet: I/ı, İ/i); `phrases` the words of each phrase. A phrase
 *   is in "…", «…», “…” or „…“; one whose quote is not closed yet runs to the end, as
 *   Material searches while the reader types.
 * - textWords(text, separator): the words of an index entry's field (HTML: tags out, the
 *   entities are separators), lower-cased.
 * - holdsPhrase(words, phrase): whether the words of a text (each a list of its forms) hold
 *   the phrase (each of its words a list of forms) in that order, one word after another:
 *   a phrase word's form matches a text word's form that it begins, as Material matches a
 *   query word by prefix.
 */
(function () {
  "use strict"

  var PHRASE = /"([^"]*)(?:"|$)|«([^»]*)(?:»|$)|“([^”]*)(?:”|$)|„([^“”]*)(?:[“”]|$)/g
  var LUNR_SYNTAX = /^[+-]|[*~^:]/
  var TAG = /<[^>]*>/g

  function split(text, separator) {
    return text.split(separator).filter(Boolean)
  }

  function parse(value, separator) {
    var phrases = []
    var query = value.replace(PHRASE, function (match, straight, guillemets, curly, low) {
      var words = split(straight || guillemets || curly || low || "", separator)
      if (words.length) phrases.push(words)
      return " " + words.join(" ") + " "
    }).replace(/"/g, " ").trim()
    var words = []
    query.split(/\s+/).forEach(function (part) {
      if (part && !LUNR_SYNTAX.test(part)) words.push.apply(words, split(part, separator))
    })
    return { query: query, words: words, phrases: phrases }
  }

  function textWords(text, separator) {
    return split(text.replace(TAG, " ").toLowerCase(), separator)
  }

  function holdsPhrase(words, phrase) {
    for (var start = 0; start + phrase.length <= words.length; start++) {
      if (phrase.every(function (forms, k) { return matches(forms, words[start + k]) })) return true
    }
    return false
  }

  function matches(phraseForms, textForms) {
    return phraseForms.some(function (form) {
      return textForms.some(function (text) { return text.lastIndexOf(form, 0) === 0 })
    })
  }

  self.searchQuery = { parse: parse, textWords: textWords, holdsPhrase: holdsPhrase }
})()
