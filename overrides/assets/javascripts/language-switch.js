/*
 * The language switch keeps your place.
 *
 * Material's language selector links to the same page in the other language but drops
 * the #fragment. Clause ids (art_2__para_4) are the same in every language, so the
 * fragment is carried over: each selector link gets the current hash, on load, on every
 * hash change and at the moment it is clicked, and the browser follows the link itself.
 * Only the links' hash is touched, never their path, so this works on a server and in
 * the offline bundle (file://) alike.
 *
 * On arrival the browser scrolls to the clause and `:target` highlights it
 * (clause-target.css); once the web fonts have loaded and the text has reflowed, the
 * clause is scrolled back into view if the reflow moved it away.
 */
(function () {
  "use strict"

  var SELECTOR_LINK = "a.md-select__link[hreflang]"

  function carryHash(link) {
    link.hash = location.hash // "" removes the fragment
  }

  function carryHashToAll() {
    var links = document.querySelectorAll(SELECTOR_LINK)
    for (var i = 0; i < links.length; i++) carryHash(links[i])
  }

  function target() {
    var id
    try { id = decodeURIComponent(location.hash.slice(1)) } catch (e) { return null }  // #%E0: no unit
    return id ? document.getElementById(id) : null
  }

  function revealTarget() {
    var el = target()
    if (!el) return
    var box = el.getBoundingClientRect()
    if (box.top < 0 || box.top > window.innerHeight / 2) el.scrollIntoView()
  }

  carryHashToAll()
  window.addEventListener("hashchange", carryHashToAll)
  document.addEventListener("click", function (ev) {
    var link = ev.target instanceof Element && ev.target.closest(SELECTOR_LINK)
    if (!link) return
    carryHash(link)
    // Material treats <link rel="alternate"> pages as versions of a site: it would
    // rebuild the URL without the fragment. The link itself is right; let it be followed.
    ev.stopPropagation()
  }, true) // capture: runs before Material's handler on <body>

  if (document.fonts && target()) document.fonts.ready.then(revealTarget)
})()
