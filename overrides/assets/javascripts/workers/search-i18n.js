/*
 * Search worker of the trilingual site. It runs Material's own search worker (named in
 * ?worker=, as its file name carries a content hash; see overrides/main.html) and
 * changes three things, through Material's messages {type, data}:
 *
 * 1. Indexes. Each language has its own index (constitution/site/search_index.py):
 *    search/kk.json, ru.json, en.json, or as scripts search/kk.js … from disk (file://),
 *    where a worker fetches nothing. The page's Material bundle loads no index
 *    (search-languages.js sees to it); this worker loads the page language's (?lang=) when
 *    it starts, which is when the search box is first used, and hands it to Material's
 *    worker. On the page's message {type: "scope", data: {all: true}} it loads the other
 *    languages' indexes too, searches them all and runs the last query again ({all: false}:
 *    back to the page's language alone); once ready, it answers with the same message.
 * 2. Word forms. Material turns every query word into a prefix query ("астаны*"), and
 *    lunr never stems a prefix query, so "Астаны" would not find "Астана", nor
 *    "capitals" "capital". Each word is therefore also searched by its stem: the Russian
 *    Snowball stemmer for Cyrillic words without Kazakh-only letters, the English Porter
 *    stemmer for Latin words (both ship with Material's lunr). The index is not stemmed
 *    (mkdocs.yml, search pipeline), so word and stem both match by prefix. lunr has no
 *    Kazakh stemmer: a Kazakh word finds the words it begins. The stems are hidden
 *    again in the results, so a word found through its stem is not shown as missing.
 * 3. Order. Searching all languages, result groups in the page's language come first,
 *    then the others, each in Material's order of relevance. ?langs= lists the languages,
 *    the default one (served at the root) first.
 */
(function () {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3 // Material's SearchMessageType
  var SCOPE = "scope" // search-languages.js: search the page's language or all
  var SCRIPT_GLOBAL = "__search_index_" // core/contract.py: search/kk.js sets __search_index_kk
  var FOLDER = "search/" // core/contract.py SEARCH_DIR, from the site's root
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
  var root = new URL("../../../", script) // this file is the site's assets/javascripts/workers/
  var fromDisk = root.protocol === "file:"

  var separator = /[\s-]+/
  var pending = [] // {words, stems} of each query handed to Material, oldest first
  var all = false // searching every language, not only the page's
  var setups = 0 // SETUPs handed to Material: only the first one's READY goes to the page
  var readies = 0
  var searched = false // what the last SETUP holds: all languages or the page's
  var lastQuery = null
  var loaded = {} // language -> promise of its index
  var choice = 0 // the reader's latest choice of languages, counted

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
  // Each SETUP makes Material's worker import lunr's languages: a script runs once
  var imported = {}
  var importScript = self.importScripts
  self.importScripts = function () {
    var urls = Array.prototype.filter.call(arguments, function (url) { return !imported[url] })
    urls.forEach(function (url) { imported[url] = true })
    return urls.length ? importScript.apply(self, urls) : undefined
  }
  if (loading && typeof loading.then === "function") loading.then(started)
  else started()

  function started() {
    self.addEventListener = listen
    if (!material) throw new Error("search-i18n.js: Material's worker did not start")
    setup()
    early.splice(0).forEach(receive)
  }


  var post = self.postMessage
  self.postMessage = function (message) {
    if (message && message.type === READY) {
      ++readies
      if (readies === setups) post.call(self, { type: SCOPE, data: { all: searched } }) // the page: ready
      if (readies > 1) {
        // a new set of indexes is ready: the reader's last query again, on them
        if (readies === setups && lastQuery !== null) search(lastQuery)
        return
      }
    }
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
    if (message && message.type === SCOPE) {
      all = Boolean(message.data && message.data.all)
      setup()
    } else if (message && message.type === QUERY) {
      lastQuery = message.data
      search(message.data)
    } else {
      material({ data: message })
    }
  }

  function search(value) {
    var query = wordsOf(value)
    pending.push(query)
    var extra = Object.keys(query.stems).map(function (word) { return query.stems[word] })
    material({ data: { type: QUERY, data: [value].concat(extra).join(" ") } })
  }

  // Material's worker gets the indexes of the languages searched, as one; a newer choice
  // wins over one still loading
  function setup() {
    var mine = ++choice
    var wanted = all ? languages : [pageLanguage]
    Promise.all(wanted.map(indexOf)).then(function (indexes) {
      if (mine !== choice) return
      separator = new RegExp(indexes[0].config.separator)
      searched = all
      setups++
      material({ data: { type: SETUP, data: {
        config: indexes[0].config,
        docs: [].concat.apply([], indexes.map(function (index) { return index.docs })),
        options: {} // mkdocs.yml turns on no search feature (search.suggest …)
      } } })
    }) // an index that does not load is an unhandled rejection: the console names it
  }

  function indexOf(language) {
    if (!loaded[language]) loaded[language] = fromDisk
      ? Promise.resolve(importScripts(new URL(FOLDER + language + ".js", root).href))
        .then(function () { return self[SCRIPT_GLOBAL + language] })
      : fetch(new URL(FOLDER + language + ".json", root)).then(function (response) {
        if (!response.ok) throw new Error(response.url + ": " + response.status)
        return response.json()
      })
    return loaded[language]
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
