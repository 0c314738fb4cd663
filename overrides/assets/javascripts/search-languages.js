/*
 * Search, the page's side: nothing of search is fetched before the search box is used, and
 * the reader may search all languages. overrides/main.html loads this before Material's
 * bundle, which would fetch the search index and start its worker as the page loads.
 *
 * 1. The bundle fetches the index itself only for a form named "search": the form loses
 *    that name, and our worker (workers/search-i18n.js) loads the page language's index.
 * 2. The bundle's `new Worker(config.search)` gets a stand-in, which starts the real worker
 *    (so its scripts and the index load) when the search box gets the focus or the search
 *    opens, and passes the messages both ways.
 * 3. The choice "search all languages" (a checkbox from the page's <template>, labelled in
 *    the page's language) goes between the search box and the results; the worker then
 *    searches every language's index (message {type: "scope", data: {all}}; the choice is
 *    aria-busy until the worker answers that it is ready with it). Material closes
 *    the search on Tab and moves between the box and the results with the arrow keys: the
 *    checkbox is one stop of those arrows, between the box and the first result.
 * 4. A source of several editions: the choice of edition (a <select> from the page's second
 *    <template>, labelled, its options the editions by name, the page's own chosen) goes beside
 *    it, one stop more of the arrows (its options open with Space, Enter or Alt+ArrowDown, or
 *    change with Home, End or a letter). Each option names the folder of its edition's index
 *    ("" the current edition's): the worker starts with the chosen one (?edition= in its URL,
 *    so an earlier edition's page loads no other index first) and the scope message carries it.
 */
(function () {
  "use strict"

  var SCOPE = "search-scope" // core/contract.py SEARCH_SCOPE: the <template>'s id, the choice's class
  var SCOPE_MESSAGE = "scope" // workers/search-i18n.js
  var EDITION = "search-edition" // core/contract.py SEARCH_EDITION: the <template>'s id, the choice's class
  var EDITION_INDEX = "data-index" // core/contract.py SEARCH_EDITION_INDEX: an option's index folder

  var form = document.forms.namedItem("search")
  var config = document.getElementById("__config")
  var template = document.getElementById(SCOPE)
  if (!form || !config || !template) return
  form.removeAttribute("name")

  var workerUrl = JSON.parse(config.textContent).search
  var box = form.querySelector("[data-md-component=search-query]")
  var toggle = document.querySelector("[data-md-toggle=search]")
  var results = document.querySelector("[data-md-component=search-result]")
  var output = document.querySelector(".md-search__output")

  // The stand-in for Material's search worker
  var Native = window.Worker
  var standIn = null, worker = null, queue = []
  window.Worker = function (url, options) {
    if (standIn || String(url) !== workerUrl) return new Native(url, options)
    standIn = new EventTarget()
    standIn.postMessage = function (message) {
      if (worker) worker.postMessage(message)
      else queue.push(message)
    }
    standIn.terminate = function () {
      if (worker) worker.terminate()
    }
    return standIn
  }

  function start() {
    if (worker || !standIn) return
    var chosen = edition()
    // ?edition= first: from disk, iframe-worker adds "?<time>" to the end of the URL
    worker = new Native(chosen ? workerUrl.replace("?", "?edition=" + encodeURIComponent(chosen) + "&") : workerUrl)
    worker.addEventListener("message", function (ev) {
      var message = ev.data
      if (message && message.type === SCOPE_MESSAGE) {
        if (message.data.all === all.checked && (message.data.edition || "") === edition()) {
          scope.removeAttribute("aria-busy")
        }
      } else {
        standIn.dispatchEvent(new MessageEvent("message", { data: message }))
      }
    })
    queue.splice(0).forEach(function (message) { worker.postMessage(message) })
  }

  box.addEventListener("focus", start)
  toggle.addEventListener("change", function () {
    if (toggle.checked) start()
  })

  // The choice of languages
  var scope = template.content.firstElementChild.cloneNode(true)
  var all = scope.querySelector("input")
  output.insertBefore(scope, output.firstChild)
  var editions = null // the choice of edition, of a source of several
  var editionTemplate = document.getElementById(EDITION)
  if (editionTemplate) {
    scope.appendChild(editionTemplate.content.firstElementChild.cloneNode(true))
    editions = scope.querySelector("." + EDITION + " select")
  }

  // The folder of the chosen edition's index: "" for the current edition's
  function edition() {
    var option = editions && editions.options[editions.selectedIndex]
    return option ? option.getAttribute(EDITION_INDEX) || "" : ""
  }

  function rescope() {
    start()
    scope.setAttribute("aria-busy", "true") // until the worker has the languages and edition chosen
    var data = { all: all.checked }
    if (editions) data.edition = edition()
    standIn.postMessage({ type: SCOPE_MESSAGE, data: data })
  }
  all.addEventListener("change", rescope)
  if (editions) editions.addEventListener("change", rescope)

  // Captured before Material's keys of the open search (which would send a Space to the box)
  window.addEventListener("keydown", function (ev) {
    if (!toggle.checked || ev.metaKey || ev.ctrlKey) return
    var active = document.activeElement
    var next = null
    if (active === all && (ev.key === " " || ev.key === "Enter")) {
      ev.stopPropagation() // a Space ticks the checkbox as in any form
      if (ev.key === "Enter") {
        ev.preventDefault()
        all.click()
      }
      return
    }
    if (editions && active === editions && ev.key !== "ArrowUp" && ev.key !== "ArrowDown") {
      if (ev.key !== "Escape" && ev.key !== "Tab") ev.stopPropagation() // the select's own keys
      return
    }
    if (editions && active === editions && ev.altKey) {
      ev.stopPropagation() // Alt+ArrowDown opens the options
      return
    }
    var last = editions || all // the stop before the results
    if (active === box && ev.key === "ArrowDown") next = all
    else if (active === all && ev.key === "ArrowUp") next = box
    else if (editions && active === all && ev.key === "ArrowDown") next = editions
    else if (editions && active === editions) next = ev.key === "ArrowUp" ? all : results.querySelector("[href]") || editions
    else if (active === results.querySelector("[href]") && ev.key === "ArrowUp") next = last
    if (next) {
      ev.preventDefault()
      ev.stopPropagation()
      next.focus()
    }
  }, true)
})()
