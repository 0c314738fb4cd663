/*
 * Reader tools: the languages side by side, and the copy buttons of every clause.
 *
 * Everything it shows comes from the page (constitution/site/parallel.py and cite.py write it at
 * generate time): no request is made, so it works on the website and from file:// alike.
 *
 * Side by side (.pl-controls, .pl-row): the reader picks two or three languages and their
 * order; cells are moved in the DOM, so screen readers meet them in the order shown. The
 * choice is kept in localStorage and in the page's URL (?langs=ru,kk), and carried in the
 * links to other side-by-side pages, for browsers that keep no storage for file:// pages.
 *
 * The side-by-side controls are in the page's HTML from the start, so showing them moves
 * nothing (a page without scripts hides them: noscript.css).
 *
 * Search: the search form's submit button (the accessibility hook adds it for screen readers)
 * opens the first result, as Enter in the search box does.
 *
 * Tables wider than the page (the status tables on a phone; the Downloads tables stack
 * instead, constitution.css) scroll sideways in their box; a keyboard reader can scroll only
 * what takes focus, so while a box scrolls it is in the tab order, a region named by the
 * heading above it (WCAG 2.1.1, axe's scrollable-region-focusable), and leaves the tab order
 * when the page is wide enough.
 *
 * Copy buttons (.cite-strings, .unit[data-cite]): a permanent link to the unit (the page's
 * canonical address, the page's own address where there is none, as offline) and its
 * citation in the page's language; a status region announces what was copied. Where the
 * asynchronous clipboard is refused or absent (file://, old browsers), a hidden textarea
 * and execCommand("copy") do it; if that fails too, the text is offered to copy by hand.
 * A page of a source of several editions names its permanent dated address (data-edition-link,
 * relative to the page: "../2026-03-15/art_2/", "" on that page), which the link button copies;
 * the current edition's pages name today's undated one too (data-current-link), copied by a
 * third button (site/cite.py).
 */
(function () {
  "use strict"

  var STORE_KEY = "constitution.parallel.langs"
  var QUERY_KEY = "langs"

  // --- side by side ---------------------------------------------------------------------

  function stored() {
    try { return window.localStorage.getItem(STORE_KEY) } catch (e) { return null }
  }

  function store(value) {
    try { window.localStorage.setItem(STORE_KEY, value) } catch (e) { /* private mode, file:// */ }
  }

  function queried() {
    var match = new RegExp("[?&]" + QUERY_KEY + "=([^&#]*)").exec(location.search)
    if (!match) return null
    try { return decodeURIComponent(match[1]) } catch (e) { return null }  // ?langs=%E0: not a choice
  }

  // "ru,kk" -> ["ru", "kk"] when it names two or three known languages once each
  function parse(value, known) {
    if (!value) return null
    var order = value.split(",")
    var seen = {}
    for (var i = 0; i < order.length; i++) {
      if (known.indexOf(order[i]) < 0 || seen[order[i]]) return null
      seen[order[i]] = true
    }
    return order.length >= 2 && order.length <= known.length ? order : null
  }

  function isParallelLink(link, folder) {
    var pattern = new RegExp("/" + folder + "/(?:[^/]+/)?(?:index\\.html)?$")
    return link.protocol === location.protocol && pattern.test(link.pathname)
  }

  // Carry the choice in every link to a side-by-side page (nav, language switch, next/previous).
  function carry(order, folder) {
    var links = document.querySelectorAll("a[href]")
    for (var i = 0; i < links.length; i++) {
      if (isParallelLink(links[i], folder)) links[i].search = "?" + QUERY_KEY + "=" + order.join(",")
    }
  }

  function showInUrl(order) {
    var url = location.pathname + "?" + QUERY_KEY + "=" + order.join(",") + location.hash
    try { history.replaceState(history.state, "", url) } catch (e) { /* some browsers refuse on file:// */ }
  }

  function arrange(order) {
    var rows = document.querySelectorAll(".pl-row")
    for (var r = 0; r < rows.length; r++) {
      var cells = {}
      var children = rows[r].children
      for (var c = 0; c < children.length; c++) cells[children[c].lang] = children[c]
      for (var lang in cells) cells[lang].hidden = order.indexOf(lang) < 0
      for (var o = 0; o < order.length; o++) if (cells[order[o]]) rows[r].appendChild(cells[order[o]])
    }
  }

  // The reader set column `index` to `value` ("" = no third column): swap with the column
  // that had it, so every language shows at most once and the first two are never empty.
  function choose(order, index, value, known) {
    order = order.slice()
    if (value === "") return order.slice(0, index)
    var other = order.indexOf(value)
    if (other === index) return order
    if (other >= 0 && index < order.length) {
      order[other] = order[index]
    } else if (other >= 0) {
      order[other] = known.filter(function (lang) { return order.indexOf(lang) < 0 })[0]
    }
    order[index] = value
    return order
  }

  function sideBySide() {
    var form = document.querySelector(".pl-controls")
    var folder = form ? form.getAttribute("data-pages") : "parallel"
    var head = document.querySelector(".pl-head")
    if (!form || !head) {
      var kept = stored()  // any other page: links to side-by-side pages keep the choice
      if (kept && /^[a-z]{2}(,[a-z]{2}){1,2}$/.test(kept)) carry(kept.split(","), folder)
      return
    }
    var known = Array.prototype.map.call(head.children, function (cell) { return cell.lang })
    var selects = form.querySelectorAll("select")
    var chosen = parse(queried(), known) || parse(stored(), known)
    var order = chosen || known.slice()

    // A choice (the reader's, a shared link's or a stored one) is kept and shown in the URL.
    function show(isChoice) {
      arrange(order)
      for (var i = 0; i < selects.length; i++) selects[i].value = order[i] || ""
      carry(order, folder)
      if (isChoice) {
        store(order.join(","))
        showInUrl(order)
      }
    }

    for (var i = 0; i < selects.length; i++) {
      selects[i].addEventListener("change", function (index) {
        return function (ev) {
          order = choose(order, index, ev.target.value, known)
          show(true)
        }
      }(i))
    }
    show(chosen !== null)
  }

  // --- copy buttons ---------------------------------------------------------------------

  var ICONS = {
    link: '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.1 1.1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.1-1.1"/>',
    citation: '<path d="M4 17v-4.5C4 9 5.6 7 9 6.5M9 17H4M13 17v-4.5C13 9 14.6 7 18 6.5M18 17h-5M4 12.5h5V17M13 12.5h5V17"/>',
    current: '<path d="M9 15a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.1 1.1M13 11a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.1-1.1"/><circle cx="19.5" cy="19.5" r="2.5"/>'
  }

  function fill(template, unit) {
    return template.split("{unit}").join(unit)
  }

  // The unit's address on this page, or on the page at `relative` from it (a dated address;
  // from disk, a folder's index.html, as a folder does not open there)
  function permalink(id, relative) {
    var canonical = document.querySelector('link[rel="canonical"]')
    var base = (canonical ? canonical.href : location.href).split("#")[0].split("?")[0]
    if (relative) {
      var file = /\/index\.html$/.test(base) ? "index.html" : ""
      base = new URL(relative + file, base).href
    }
    return base + "#" + id
  }

  function copyByHand(text, keepFocus) {
    var area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.className = "cite-scratch"
    document.body.appendChild(area)
    area.select()
    var done = false
    try { done = document.execCommand("copy") } catch (e) { done = false }
    document.body.removeChild(area)
    keepFocus.focus()
    return done
  }

  function copy(text, button, finished) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { finished(true) },
        function () { finished(copyByHand(text, button)) })
    } else {
      finished(copyByHand(text, button))
    }
  }

  function citeButtons() {
    var strings = document.querySelector(".cite-strings")
    if (!strings) return
    var words = strings.dataset
    var status = document.createElement("div")
    status.className = "cite-status"
    status.setAttribute("role", "status")
    document.body.appendChild(status)
    var timer = null

    function announce(message) {
      status.textContent = ""
      window.setTimeout(function () {  // a fresh change, so the same message is read again
        status.textContent = message
        status.classList.add("is-shown")
        window.clearTimeout(timer)
        timer = window.setTimeout(function () { status.classList.remove("is-shown") }, 2500)
      }, 50)
    }

    var named = {  // each button's words: its name and what it announces
      link: [words.copyLink, words.copiedLink], citation: [words.copyCitation, words.copiedCitation],
      current: [words.copyCurrentLink, words.copiedCurrentLink]
    }

    function button(kind, unit, text) {
      var name = fill(named[kind][0], unit.dataset.label)
      var el = document.createElement("button")
      el.type = "button"
      el.className = "cite-btn cite-btn--" + kind
      el.setAttribute("aria-label", name)
      el.title = name
      el.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' + ICONS[kind] + "</svg>"
      el.addEventListener("click", function () {
        var value = text()
        copy(value, el, function (done) {
          if (!done) {
            window.prompt(words.failed, value)
            return
          }
          el.classList.add("is-copied")
          window.setTimeout(function () { el.classList.remove("is-copied") }, 1500)
          announce(fill(named[kind][1], unit.dataset.label))
        })
      })
      return el
    }

    var units = document.querySelectorAll(".unit[data-cite]")
    for (var i = 0; i < units.length; i++) {
      var unit = units[i]
      var tools = document.createElement("span")
      tools.className = "cite-tools"  // the ¶ and the buttons, kept on one line
      var own = unit.querySelector('a.unit__permalink[href="#' + unit.id + '"]')
      if (own) {
        own.parentNode.insertBefore(tools, own)
        tools.appendChild(own)
      } else {
        unit.appendChild(tools)
      }
      tools.appendChild(button("link", unit, permalink.bind(null, unit.id, words.editionLink)))
      if (words.currentLink !== undefined) tools.appendChild(button("current", unit, permalink.bind(null, unit.id, words.currentLink)))
      tools.appendChild(button("citation", unit, fill.bind(null, words.citation, unit.dataset.cite)))
    }
  }

  // --- search -------------------------------------------------------------------------

  function searchSubmit() {
    var form = document.forms.namedItem("search")
    if (!form) return
    form.addEventListener("submit", function (ev) {
      ev.preventDefault()  // the page's URL never changes for a search
      var first = document.querySelector(".md-search-result__item a[href]")
      if (first) first.click()
    })
  }

  // --- tables wider than the page -------------------------------------------------------

  var SCROLL_FOCUS = "data-scroll-focus"  // marks the attributes this script set, to take back

  function headingBefore(box) {
    for (var el = box.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.id ? el : null
    }
    return null
  }

  function scrollableTables() {
    function update() {
      document.querySelectorAll(".md-typeset table").forEach(function (table) {
        // Material's script wraps each table in a box that scrolls; without it the table scrolls
        var box = table.closest(".md-typeset__scrollwrap") || table
        var scrolls = box.scrollWidth > box.clientWidth + 1
        if (scrolls && !box.hasAttribute("tabindex")) {
          var heading = headingBefore(box)
          box.setAttribute("tabindex", "0")
          box.setAttribute("role", "region")
          if (heading) box.setAttribute("aria-labelledby", heading.id)
          box.setAttribute(SCROLL_FOCUS, "")
        } else if (!scrolls && box.hasAttribute(SCROLL_FOCUS)) {
          ["tabindex", "role", "aria-labelledby", SCROLL_FOCUS].forEach(function (name) {
            box.removeAttribute(name)
          })
        }
      })
    }
    // after Material's script has wrapped the tables (it does on DOMContentLoaded)
    if (document.readyState === "complete") update()
    else window.addEventListener("load", update)
    window.addEventListener("resize", update)
  }

  sideBySide()
  citeButtons()
  searchSubmit()
  scrollableTables()
})()
