/*
 * Search worker of the trilingual site. It runs Material's own search worker (named in
 * ?worker=, as its file name carries a content hash; see overrides/main.html) and
 * changes two things, through Material's messages {type, data}:
 *
 * 1. Word forms. Material turns every query word into a prefix query ("астаны*"), and
 *    lunr never stems a prefix query, so "Астаны" would not find "Астана", nor
 *    "capitals" "capital". Each word is therefore also searched by its stem: the Russian
 *    Snowball stemmer for Cyrillic words without Kazakh-only letters, the English Porter
 *    stemmer for Latin words (both ship with Material's lunr). The index is not stemmed
 *    (mkdocs.yml, search pipeline), so word and stem both match by prefix. lunr has no
 *    Kazakh stemmer: a Kazakh word finds the words it begins. The stems are hidden
 *    again in the results, so a word found through its stem is not shown as missing.
 * 2. Order. One index serves every language; result groups in the page's language
 *    (?lang=) come first, then the others, each in Material's order of relevance.
 *    ?langs= lists the languages, the default one (served at the root) first.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3 // Material's SearchMessageType
  var KAZAKH_ONLY = /[әғқңөұүһі]/
  var CYRILLIC = /[\u0400-\u04ff]/
  var LATIN = /[a-z]/
  var LUNR_SYNTAX = /^[+-]|[*~^:"]/
  var MIN_STEM = 3 // shorter stems would match too much

  var script = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href
  var params = new URL(script).searchParams
  var pageLanguage = params.get("lang")
  var languages = (params.get("langs") || "").split(",")

  // Take Material's message listener instead of letting it listen itself
  var material = null
  var listen = self.addEventListener
  self.addEventListener = function (type, listener) {
    if (type === "message" && !material) material = listener
    else listen.apply(self, arguments)
  }
  // Material's worker is beside this one. In the offline bundle (file://) workers run in an
  // iframe (iframe-worker), where a relative URL is the page's and importScripts returns a
  // promise: it loads Material's worker later.
  var early = [] // messages that came before Material's worker was loaded
  var loading = importScripts(new URL(params.get("worker"), script).href)
  if (loading && typeof loading.then === "function") loading.then(started)
  else started()

  function started() {
    self.addEventListener = listen
    if (!material) throw new Error("search-i18n.js: Material's worker did not start")
    early.splice(0).forEach(receive)
  }

  var separator = /[\s-]+/
  var pending = [] // {words, stems} of each query handed to Material, oldest first

  var post = self.postMessage
  self.postMessage = function (message) {
    if (message && message.type === RESULT) {
      var query = pending.shift() || { words: [], stems: {} }
      message.data.items = ownLanguageFirst(message.data.items.map(function (group) {
        return group.map(function (item) { return hideStems(item, query) })
      }))
    }
    return post.apply(self, arguments)
  }

  listen.call(self, "message", function (ev) {
    if (self.addEventListener !== listen) early.push(ev)
    else receive(ev)
  })

  function receive(ev) {
    var message = ev.data
    if (message && message.type === SETUP)
      separator = new RegExp(message.data.config.separator)
    if (message && message.type === QUERY) {
      var query = wordsOf(message.data)
      pending.push(query)
      var extra = Object.keys(query.stems).map(function (word) { return query.stems[word] })
      message = { type: QUERY, data: [message.data].concat(extra).join(" ") }
    }
    material({ data: message })
  }

  function stem(word) {
    var lunr = self.lunr
    var stemmer = KAZAKH_ONLY.test(word) ? null
      : CYRILLIC.test(word) ? lunr.ru && lunr.ru.stemmer
      : LATIN.test(word) ? lunr.stemmer
      : null
    if (!stemmer) return null
    var result = stemmer(new lunr.Token(word, {})).toString()
    return result.length >= MIN_STEM && result !== word ? result : null
  }

  // The plain words of a query (not +required, -excluded, field:x…) and their stems
  function wordsOf(query) {
    var words = [], stems = {}
    query.toLowerCase().trim().split(/\s+/).forEach(function (part) {
      if (LUNR_SYNTAX.test(part)) return
      part.split(separator).forEach(function (word) {
        if (!word) return
        words.push(word)
        var result = stem(word)
        if (result) stems[word] = result
      })
    })
    return { words: words, stems: stems }
  }

  // Material lists the query terms each result matched; report the stem's match under
  // the word the reader typed
  function hideStems(item, query) {
    var terms = item.terms
    if (!terms) return item
    Object.keys(query.stems).forEach(function (word) {
      var found = query.stems[word]
      if (!(found in terms)) return
      terms[word] = Boolean(terms[word] || terms[found])
      if (query.words.indexOf(found) < 0) delete terms[found]
    })
    return item
  }

  function languageOf(location) {
    var first = location.split("/")[0]
    return languages.indexOf(first) > 0 ? first : languages[0]
  }

  // Material's Enter key follows the result with the highest score, whatever its
  // group: scale the other languages' scores below the page language's, keeping
  // their order among themselves
  function ownLanguageFirst(groups) {
    var own = [], other = []
    groups.forEach(function (group) {
      (languageOf(group[0].location) === pageLanguage ? own : other).push(group)
    })
    var lowestOwn = Math.min.apply(null, own.map(topScore))
    var highestOther = Math.max.apply(null, other.map(topScore))
    if (own.length && other.length && highestOther >= lowestOwn) {
      var scale = lowestOwn / highestOther / 2
      other.forEach(function (group) {
        group.forEach(function (item) { item.score *= scale })
      })
    }
    return own.concat(other)
  }

  function topScore(group) {
    return Math.max.apply(null, group.map(function (item) { return item.score }))
  }
})()
