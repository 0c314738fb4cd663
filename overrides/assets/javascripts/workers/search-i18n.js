/*
 * Search worker of the trilingual site. It runs Material's own search worker (named in
 * ?worker=, as its file name carries a content hash; see overrides/main.html) and
 * changes five things, through Material's messages {type, data} and two patches of lunr:
 *
 * 1. Indexes. Each language has its own index (constitution/site/search_index.py):
 *    search/kk.json, ru.json, en.json, or as scripts search/kk.js … from disk (file://),
 *    where a worker fetches nothing. The page's Material bundle loads no index
 *    (search-languages.js sees to it); this worker loads the page language's (?lang=) when
 *    it starts, which is when the search box is first used, and hands it to Material's
 *    worker. On the page's message {type: "scope", data: {all: true}} it loads the other
 *    languages' indexes too, searches them all and runs the last query again ({all: false}:
 *    back to the page's language alone); once ready, it answers with the same message.
 *    A source of several editions has each language's index of each edition besides the
 *    current one in a folder of its own (search/2026-01-30/kk.json, as a script
 *    search/2026-01-30/kk.js setting __search_index_2026_01_30_kk); ?edition= names the
 *    folder of the edition searched first ("" or none: the current one's, search/kk.json),
 *    and the scope message's `edition` a new one.
 * 2. Word forms. Material turns every query word into a prefix query ("астаны*"), and
 *    lunr never stems a prefix query, so "Астаны" would not find "Астана", nor
 *    "capitals" "capital". Each word is therefore also searched by its stem, for each
 *    language searched: the Russian Snowball stemmer for Cyrillic words without
 *    Kazakh-only letters, the English Porter stemmer for Latin words (both ship with
 *    Material's lunr), the Kazakh stemmer (kazakh.js, beside this file) for Cyrillic words.
 *    The index is not stemmed (mkdocs.yml, search pipeline), so word and stem both match by
 *    prefix; but a Kazakh stem is not always a prefix of its forms (құқығы: құқық, as a
 *    final қ/к/п turns ғ/г/б before a vowel), so such a word of a Kazakh entry is indexed
 *    under its stem as well, which the Kazakh index lists (see stemKazakhEntries). The stems are hidden again in the
 *    results, so a word found through its stem is not shown as missing.
 * 3. Latin script. Where Kazakh is searched, a word in Latin letters is also searched as
 *    kazakh.fromLatin spells it in Cyrillic (the 2021 alphabet: "qūqyq" finds «құқық»),
 *    and by that spelling's stem; as typed too, so English words still find English text.
 * 4. Phrases. A phrase in quotes ("…", «…», “…”, „…“) is handed to Material as plain words,
 *    and only the entries whose title or text holds its words in that order, one after
 *    another, are kept (search-query.js; each word matched as the search matches it:
 *    by prefix, by its stems and, in Kazakh text, by the stem of the text's word).
 * 5. Order. Searching all languages, result groups in the page's language come first,
 *    then the others, each in Material's order of relevance. ?langs= lists the languages,
 *    the default one (served at the root) first.
 */
(function () {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3 // Material's SearchMessageType
  var SCOPE = "scope" // search-languages.js: search the page's language or all
  var SCRIPT_GLOBAL = "__search_index_" // core/contract.py: search/kk.js sets __search_index_kk
  var FOLDER = "search/" // core/contract.py SEARCH_DIR, from the site's root
  var STEMS = "stems" // core/contract.py SEARCH_STEMS: the Kazakh index's {word: stem}
  var HELPERS = ["kazakh.js", "search-query.js"] // beside this file: self.kazakh, self.searchQuery
  var KAZAKH = "kk", RUSSIAN = "ru", ENGLISH = "en" // core/languages.py
  var KAZAKH_ONLY = /[әғқңөұүһі]/
  var CYRILLIC = /[\u0400-\u04ff]/
  var LATIN = /[a-zäğıñöşūü]/
  var MIN_STEM = 3 // shorter stems would match too much

  var script = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href
  var params = new URL(script).searchParams
  var pageLanguage = params.get("lang")
  var languages = (params.get("langs") || "").split(",")
  var edition = params.get("edition") || "" // the folder of the edition's indexes searched, "" the current one's
  var root = new URL("../../../", script) // this file is the site's assets/javascripts/workers/
  var fromDisk = root.protocol === "file:"

  var separator = /[\s-]+/
  var pending = [] // what each query handed to Material asked (see ask), oldest first
  var all = false // searching every language, not only the page's
  var setups = 0 // SETUPs handed to Material: only the first one's READY goes to the page
  var readies = 0
  var searched = false // what the last SETUP holds: all languages or the page's
  var searchedEdition = edition // and which edition's
  var lastQuery = null
  var loaded = {} // "kk", "2026-01-30/kk" -> promise of that index
  var choice = 0 // the reader's latest choice of languages, counted
  var entries = {} // location -> entry of the indexes searched, for phrases
  var entryWords = {} // location + field -> the words of that field, each with its forms
  var indexedStems = Object.create(null) // word -> its Kazakh stem, where the stem does not begin it (the index's)

  // Take Material's message listener instead of letting it listen itself
  var material = null
  var listen = self.addEventListener
  self.addEventListener = function (type, listener) {
    if (type === "message" && !material) material = listener
    else listen.apply(self, arguments)
  }
  // Material's worker is beside this one, after our helpers. In the offline bundle (file://)
  // workers run in an iframe (iframe-worker), where a relative URL is the page's and
  // importScripts returns a promise: it loads the scripts later.
  var early = [] // messages that came before Material's worker was loaded
  var loading = importScripts.apply(self, HELPERS.concat(params.get("worker")).map(function (name) {
    return new URL(name, script).href
  }))
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
    stemKazakhEntries(self.lunr)
    markEachWordOnce(self.lunr)
    setup()
    early.splice(0).forEach(receive)
  }


  var post = self.postMessage
  self.postMessage = function (message) {
    if (message && message.type === READY) {
      ++readies
      if (readies === setups) post.call(self, { type: SCOPE, data: { all: searched, edition: searchedEdition } }) // the page: ready
      if (readies > 1) {
        // a new set of indexes is ready: the reader's last query again, on them
        if (readies === setups && lastQuery !== null) search(lastQuery)
        return
      }
    }
    if (message && message.type === RESULT) {
      var asked = pending.shift() || { words: [], forms: {}, phrases: [] }
      var groups = message.data.items.map(function (group) {
        return group.map(function (item) { return hideForms(item, asked) })
      })
      if (asked.phrases.length) groups = withPhrases(groups, asked.phrases)
      message.data.items = ownLanguageFirst(groups)
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
      if (message.data && typeof message.data.edition === "string") edition = message.data.edition
      setup()
    } else if (message && message.type === QUERY) {
      lastQuery = message.data
      search(message.data)
    } else {
      material({ data: message })
    }
  }

  function search(value) {
    var asked = ask(value)
    pending.push(asked)
    var extra = []
    Object.keys(asked.forms).forEach(function (word) { extra.push.apply(extra, asked.forms[word]) })
    material({ data: { type: QUERY, data: [asked.query].concat(extra).join(" ") } })
  }

  // Material's worker gets the indexes of the languages searched, as one; a newer choice
  // wins over one still loading
  function setup() {
    var mine = ++choice
    var wanted = all ? languages : [pageLanguage]
    var folder = edition
    Promise.all(wanted.map(function (language) { return indexOf(language, folder) })).then(function (indexes) {
      if (mine !== choice) return
      separator = new RegExp(indexes[0].config.separator)
      searched = all
      searchedEdition = folder
      setups++
      var docs = [].concat.apply([], indexes.map(function (index) { return index.docs }))
      entries = {}
      entryWords = {}
      docs.forEach(function (doc) { entries[doc.location] = doc })
      indexedStems = Object.create(null)
      indexes.forEach(function (index) {
        var stems = index[STEMS] || {}
        Object.keys(stems).forEach(function (word) { indexedStems[word] = stems[word] })
      })
      material({ data: { type: SETUP, data: {
        config: indexes[0].config,
        docs: docs,
        options: {} // mkdocs.yml turns on no search feature (search.suggest …)
      } } })
    }) // an index that does not load is an unhandled rejection: the console names it
  }

  // A language's index of an edition (its folder; "" the current one's): search/2026-01-30/kk.json;
  // from disk the script that sets __search_index_2026_01_30_kk (search_index.py script_global)
  function indexOf(language, folder) {
    var name = (folder ? folder + "/" : "") + language
    if (!loaded[name]) loaded[name] = fromDisk
      ? Promise.resolve(importScripts(new URL(FOLDER + name + ".js", root).href))
        .then(function () { return self[SCRIPT_GLOBAL + name.replace(/[^A-Za-z0-9_]/g, "_")] })
      : fetch(new URL(FOLDER + name + ".json", root)).then(function (response) {
        if (!response.ok) throw new Error(response.url + ": " + response.status)
        return response.json()
      })
    return loaded[name]
  }

  function searching(language) {
    return searched ? languages.indexOf(language) >= 0 : language === pageLanguage
  }

  // A stem worth searching: long enough, and not the word itself
  function worthIt(stem, word) {
    return stem && stem.length >= MIN_STEM && stem !== word ? stem : null
  }

  function snowball(stemmer, word) {
    return stemmer ? worthIt(stemmer(new self.lunr.Token(word, {})).toString(), word) : null
  }

  // The other forms a query word (as typed) is searched by, in the languages searched
  function formsOf(typed) {
    var word = typed.toLowerCase()
    var forms = []
    function add(form) {
      if (form && form !== word && forms.indexOf(form) < 0) forms.push(form)
    }
    if (CYRILLIC.test(word)) {
      if (searching(KAZAKH)) add(worthIt(self.kazakh.stem(word), word))
      if (searching(RUSSIAN) && !KAZAKH_ONLY.test(word)) add(snowball(self.lunr.ru && self.lunr.ru.stemmer, word))
    } else if (LATIN.test(word)) {
      if (searching(ENGLISH)) add(snowball(self.lunr.stemmer, word))
      if (searching(KAZAKH)) {
        // the case as typed: the alphabet's I/ı and İ/i are not JavaScript's pairs
        var cyrillic = self.kazakh.fromLatin(typed).toLowerCase()
        if (CYRILLIC.test(cyrillic) && !LATIN.test(cyrillic)) {
          add(cyrillic)
          add(worthIt(self.kazakh.stem(cyrillic), cyrillic))
        }
      }
    }
    return forms
  }

  // What a query asks (search-query.js): the query for Material, its words lower-cased with
  // the other forms of each, and each phrase's words, each with all its forms
  function ask(value) {
    var parsed = self.searchQuery.parse(value, separator)
    var forms = {}
    parsed.words.forEach(function (typed) {
      var found = formsOf(typed)
      if (found.length) forms[typed.toLowerCase()] = found
    })
    var phrases = parsed.phrases.map(function (phrase) {
      return phrase.map(function (typed) { return [typed.toLowerCase()].concat(formsOf(typed)) })
    })
    var words = parsed.words.map(function (typed) { return typed.toLowerCase() })
    return { query: parsed.query, words: words, forms: forms, phrases: phrases }
  }

  // Material lists the query terms each result matched; report a form's match under
  // the word the reader typed
  function hideForms(item, asked) {
    var terms = item.terms
    if (!terms) return item
    Object.keys(asked.forms).forEach(function (word) {
      asked.forms[word].forEach(function (found) {
        if (!(found in terms)) return
        terms[word] = Boolean(terms[word] || terms[found])
        if (asked.words.indexOf(found) < 0) delete terms[found]
      })
    })
    return item
  }

  // Each phrase must be in one field of the entry itself (a clause's text, or its title);
  // an article that holds none stays its group's head, unscored (as Material adds it)
  function withPhrases(groups, phrases) {
    var kept = []
    groups.forEach(function (group) {
      var found = group.filter(function (item) { return holdsPhrases(item.location, phrases) })
      if (!found.length) return
      group.forEach(function (item) {
        if (found.indexOf(item) < 0 && item.location.indexOf("#") < 0) {
          item.score = 0
          item.terms = {}
          found.push(item)
        }
      })
      kept.push(found)
    })
    return kept.sort(function (a, b) { return topScore(b) - topScore(a) })
  }

  function holdsPhrases(location, phrases) {
    return phrases.every(function (phrase) {
      return ["title", "text"].some(function (field) {
        return self.searchQuery.holdsPhrase(wordsOf(location, field), phrase)
      })
    })
  }

  // The words of an entry's field, each with the forms it is indexed under
  function wordsOf(location, field) {
    var key = location + "\n" + field
    if (!entryWords[key]) {
      var entry = entries[location] || {}
      var kazakh = languageOf(location) === KAZAKH
      entryWords[key] = self.searchQuery.textWords(String(entry[field] || ""), separator).map(function (word) {
        var stem = kazakh && indexedStems[word]
        return stem ? [word, stem] : [word]
      })
    }
    return entryWords[key]
  }

  // Index time, for the entries of Kazakh pages: a Cyrillic word whose Kazakh stem does not
  // begin it (құқығы: құқық) is also indexed under that stem, as a second token at the same
  // position. So a query's stem (a prefix query, as Material makes every word one) finds
  // every form of the word, the result stays the clause's entry, and Material marks the word
  // as written (a position is a place in the entry's text). A stem that begins its word
  // finds it by prefix already: indexed too, it would count the word twice. The stems are
  // the index's own, {word: stem} (search_index.py stems them at build time, with the same
  // rules as kazakh.js): a field of stems instead would mark nothing in the text when a
  // stem matched, and stemming every word here would slow each page's first search.
  function stemKazakhEntries(lunr) {
    var add = lunr.Builder.prototype.add
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (languageOf(doc.location) !== KAZAKH) return add.apply(this, arguments)
      var tokenize = this.tokenizer
      this.tokenizer = function () {
        var tokens = []
        tokenize.apply(this, arguments).forEach(function (token) {
          tokens.push(token)
          var stem = indexedStems[token.toString()]
          if (stem) tokens.push(new lunr.Token(stem, token.metadata))
        })
        return tokens
      }
      try {
        return add.apply(this, arguments)
      } finally {
        this.tokenizer = tokenize
      }
    }
  }

  // A word indexed under itself and its stem, or found by a query word and by that word's
  // stem through two different terms, has its position twice in a result: Material would
  // mark it twice, one <mark> cutting into the other. Each position is kept once per field.
  function markEachWordOnce(lunr) {
    var query = lunr.Index.prototype.query
    lunr.Index.prototype.query = function () {
      var results = query.apply(this, arguments)
      results.forEach(function (result) {
        var seen = {}
        var metadata = result.matchData.metadata
        Object.keys(metadata).forEach(function (term) {
          Object.keys(metadata[term]).forEach(function (field) {
            var data = metadata[term][field]
            if (!data.position) return
            var marked = seen[field] || (seen[field] = {})
            data.position = data.position.filter(function (position) {
              var key = String(position)
              return marked[key] ? false : (marked[key] = true)
            })
          })
        })
      })
      return results
    }
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
