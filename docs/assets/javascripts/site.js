/* "Copy link to this section": clicking a heading's ¶ (or a checklist item's ¶) still jumps to the
   section, and also copies its full address, so sales teams can paste it into an email or chat. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.headerlink, a.checklist-link");
  if (!link || !navigator.clipboard) return;
  var url = new URL(link.getAttribute("href"), window.location.href).href;
  navigator.clipboard.writeText(url).then(function () {
    if (window.alert$ && typeof window.alert$.next === "function") {
      var words = document.getElementById("ui-strings");  // this edition's words, if not English
      window.alert$.next((words && JSON.parse(words.textContent).link_copied) || "Link copied");
    }
  }, function () { /* clipboard refused (e.g. not https): the link still works */ });
});

/* Definitions on hover, keyboard focus and tap, for abbreviations and glossary term links. Material's
   content.tooltips mounted a component on every element with a title at load (253 on the glossary page,
   260-280 ms of blocking time on a slowed phone CPU); this mounts nothing: one tooltip element is made on
   first use and moved to whichever term is hovered, focused or tapped. The title stays the accessible
   definition; while the tooltip shows, it is lent to the tooltip (aria-describedby) so the browser does
   not show a second, native one. */
(function () {
  var SELECTOR = "abbr[title], a.term[title]";
  var tip = null;
  var current = null;

  function place(el) {
    var box = el.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
    var below = box.bottom + 6;
    var top = below + tip.offsetHeight > window.innerHeight ? box.top - tip.offsetHeight - 6 : below;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function hide() {
    if (!current) return;
    current.setAttribute("title", tip.textContent);
    current.removeAttribute("aria-describedby");
    tip.hidden = true;
    current = null;
  }

  function show(el) {
    if (el === current) return;
    hide();
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "term-tooltip";
      tip.className = "term-tooltip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = el.getAttribute("title");
    el.removeAttribute("title");
    el.setAttribute("aria-describedby", tip.id);
    tip.hidden = false;
    current = el;
    place(el);
  }

  function term(event) {
    return event.target.closest ? event.target.closest(SELECTOR + ", abbr[aria-describedby], a.term[aria-describedby]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var el = term(event);
    if (el) show(el);
    else if (current && event.target !== tip) hide();
  });
  document.addEventListener("focusin", function (event) {
    var el = term(event);
    if (el) show(el);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (term(event) === current) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  // Touch: a tap on an abbreviation shows its definition (a term link still opens the glossary).
  document.addEventListener("click", function (event) {
    var el = term(event);
    if (el && el.tagName === "ABBR") show(el);
    else if (!el) hide();
  });
  window.addEventListener("scroll", hide, { passive: true });
})();

/* Thai search: Thai writes no spaces between words. The Thai pages carry a zero-width space between
   words (macros/thai.py), where search splits them; this does the same to what the reader types, with
   the browser's own Thai word segmentation (Intl.Segmenter), so "หน่วยรับรอง" searches for its two
   words. Only on Thai pages; nothing to load. */
(function () {
  if (document.documentElement.lang !== "th" || typeof Intl === "undefined" || !Intl.Segmenter) return;
  var words = new Intl.Segmenter("th", { granularity: "word" });
  var thai = /[\u0e00-\u0e7f]+/g;
  function split(text) {
    return text.replace(/\u200b/g, "").replace(thai, function (run) {
      return Array.from(words.segment(run), function (s) { return s.segment; }).join("\u200b");
    });
  }
  document.addEventListener("input", function (event) {
    var box = event.composedPath ? event.composedPath()[0] : event.target;
    if (!box || box.tagName !== "INPUT" || !/search|combobox/.test((box.type || "") + (box.getAttribute("role") || "") + box.className)) return;
    var atEnd = box.selectionStart === box.value.length, value = split(box.value);
    if (value === box.value) return;
    box.value = value;
    if (atEnd) box.setSelectionRange(value.length, value.length);
  }, true);
})();

/* Light and dark: the toggle in the header. overrides/partials/javascripts/palette.html chose the
   colours while the header was parsed (__site_palette); the theme's script, which redid that at load and
   restyled the whole page, does not mount its palette component. This switches on a click (or Enter) on
   the toggle and follows the system's setting until the reader has chosen. */
(function () {
  var form = document.querySelector("[data-site-palette]");
  if (!form || typeof __site_palette !== "function") return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  function show(index, chosen) {
    document.body.setAttribute("data-md-color-switching", "");  // the theme's: no transitions meanwhile
    __site_palette(index, chosen);
    setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
  }
  function currentIndex() {  // the palette shown: its toggle is the visible one
    for (var i = 0; i < inputs.length; i++) if (inputs[i].nextElementSibling && !inputs[i].nextElementSibling.hidden) return i;
    return 0;
  }
  function choose(index) {
    inputs[index].checked = true;
    show(index, true);
  }
  form.addEventListener("change", function (event) {  // Space or an arrow key on the focused toggle
    show(inputs.indexOf(event.target), true);
  });
  form.addEventListener("click", function (event) {  // a click on the visible toggle (a label)
    var label = event.target.closest("label");
    if (!label) return;
    event.preventDefault();  // also when its radio is already checked (chosen in another tab)
    choose(inputs.indexOf(document.getElementById(label.htmlFor)));
  });
  form.addEventListener("keydown", function (event) {  // Enter, as in the theme: the next colours
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = (currentIndex() + 1) % inputs.length;
    choose(next);
    inputs[next].focus();
  });
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
    show(undefined, false);  // a stored choice stays; the "follow the system" option re-reads it
  });
})();
