/* Letters, checklists and the certificate check (macros/render.py writes their markup; this script
   turns it on). Everything stays in this browser: values and ticks go to localStorage, nothing is
   sent anywhere. Safe to run twice, and re-run on Material's instant navigation (document$). */
(function () {
  "use strict";
  var KEY = "iso9001-cnc:";
  var store = {
    get: function (k) { try { return localStorage.getItem(KEY + k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(KEY + k, v); } catch (e) { /* private mode */ } },
    del: function (k) { try { localStorage.removeItem(KEY + k); } catch (e) { /* private mode */ } }
  };
  /* This edition's words (data/i18n/<lang>/strings.yml, js:, written into the page); English otherwise. */
  var WORDS = {};
  try { WORDS = JSON.parse(document.getElementById("ui-strings").textContent); } catch (e) { /* English */ }
  function T(key, english, values) {
    return (key in WORDS ? WORDS[key] : english).replace(/\{(\w+)\}/g, function (all, k) { return values && k in values ? values[k] : all; });
  }
  function $$(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function say(el, text) { el.textContent = ""; window.setTimeout(function () { el.textContent = text; }, 50); }
  function copy(text, status, done) {
    var ok = function () { say(status, done); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(ok, function () { say(status, T("copy_failed", "Copy failed: select the text and copy it by hand.")); });
    } else { say(status, T("copy_unavailable", "Copy is not available here: select the text and copy it by hand.")); }
  }

  /* Letters: fill the fields, see the letter, copy / mail / download it. */
  function letter(tool) {
    var data = JSON.parse(tool.querySelector("script.letter-data").textContent);
    var form = tool.querySelector("form"), pre = tool.querySelector("pre.letter-text code");
    var status = tool.querySelector(".letter-status"), mail = tool.querySelector("[data-action=mail]");
    var inputs = {};
    $$(form, "input, textarea").forEach(function (el) { inputs[el.name] = el; });
    var pre_fill = {};
    try {  // handed over by the certificate check, used once
      pre_fill = JSON.parse(sessionStorage.getItem(KEY + "prefill:" + data.id) || "{}");
      sessionStorage.removeItem(KEY + "prefill:" + data.id);
    } catch (e) { /* private mode */ }
    Object.keys(inputs).forEach(function (name) {
      var f = data.fields[name], v = pre_fill[name] || (f.remember ? store.get("field:" + name) : null);
      if (v) inputs[name].value = v;
    });
    function fill(text) {
      return text.split("\n").filter(function (line) {
        // A line that holds only an empty optional field (and a list number) is dropped.
        var m = line.match(/^\s*(\d+\.\s*)?\{([a-z][a-z0-9_]*)\}\s*$/);
        return !(m && !data.fields[m[2]].required && !inputs[m[2]].value.trim());
      }).join("\n").replace(/\{([a-z][a-z0-9_]*)\}/g, function (_, name) {
        var v = inputs[name].value.trim();
        return v || (data.fields[name].required ? "[" + data.fields[name].label.toUpperCase() + "]" : "");
      }).replace(/[ \t]+$/gm, "");
    }
    function render() {
      var subject = fill(data.subject), body = fill(data.body);
      pre.textContent = "Subject: " + subject + "\n\n" + body;
      mail.href = "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
      return { subject: subject, body: body };
    }
    function missing() {
      var empty = Object.keys(inputs).filter(function (n) { return data.fields[n].required && !inputs[n].value.trim(); });
      if (!empty.length) return false;
      say(status, T("fill_in_first", "Fill in first: {fields}.", { fields: empty.map(function (n) { return data.fields[n].label; }).join(", ") }));
      inputs[empty[0]].focus();
      return true;
    }
    form.addEventListener("input", function (ev) {
      var name = ev.target.name;
      if (data.fields[name] && data.fields[name].remember) store.set("field:" + name, ev.target.value);
      render();
    });
    form.addEventListener("click", function (ev) {
      var action = ev.target.closest("[data-action]");
      if (!action) return;
      var kind = action.getAttribute("data-action");
      if (kind === "forget") {
        ev.preventDefault();
        Object.keys(data.fields).forEach(function (n) { if (data.fields[n].remember) { store.del("field:" + n); inputs[n].value = ""; } });
        render();
        return say(status, T("details_forgotten", "Your details are forgotten in this browser."));
      }
      if (missing()) return ev.preventDefault();
      var text = render();
      if (kind === "copy") copy("Subject: " + text.subject + "\n\n" + text.body, status, T("letter_copied", "Letter copied: subject and body."));
      if (kind === "download") {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(new Blob(["Subject: " + text.subject + "\r\n\r\n" + text.body.replace(/\n/g, "\r\n")], { type: "text/plain" }));
        a.download = data.id + ".txt";
        document.body.appendChild(a); a.click(); a.remove();
        say(status, T("letter_downloaded", "Letter downloaded as {file}.", { file: data.id + ".txt" }));
      }
      if (kind === "mail") say(status, T("opening_mail", "Opening your mail app."));
    });
    form.hidden = false;
    tool.classList.add("letter-tool--on");
    render();
  }

  /* Checklists: ticks kept per checklist and item id, progress, clear all, red-flag summary. */
  function checklist(list) {
    var id = list.getAttribute("data-checklist");
    var items = $$(list, "li[data-item]");
    var tools = document.querySelector('[data-checklist-tools="' + id + '"]');
    var summary = document.querySelector('[data-summary="' + id + '"]');
    function box(li) { return li.querySelector("input[type=checkbox]"); }
    function key(li) { return "tick:" + id + ":" + li.getAttribute("data-item"); }
    function update() {
      var ticked = items.filter(function (li) { return box(li).checked; });
      say(tools.querySelector(".checklist-progress"), summary
        ? T("progress_flagged", "{n} of {total} flagged", { n: ticked.length, total: items.length })
        : T("progress_done", "{n} of {total} done", { n: ticked.length, total: items.length }));
      if (!summary) return;
      var verdict = !ticked.length ? "none" : ticked.some(function (li) { return li.getAttribute("data-severity") === "stop"; }) ? "stop" : "ask";
      summary.querySelector(".checklist-verdict").textContent = summary.getAttribute("data-" + verdict);
      var ul = summary.querySelector(".checklist-flags");
      ul.textContent = "";
      ticked.forEach(function (li) {
        var row = document.createElement("li");
        var strong = document.createElement("strong");
        strong.textContent = li.querySelector("strong").textContent;
        row.appendChild(strong);
        row.appendChild(document.createTextNode(" " + li.querySelector(".checklist-if-fails").textContent));
        ul.appendChild(row);
      });
    }
    items.forEach(function (li) {
      box(li).checked = store.get(key(li)) === "1";
      box(li).addEventListener("change", function () {
        if (box(li).checked) store.set(key(li), "1"); else store.del(key(li));
        update();
      });
    });
    tools.querySelector("[data-action=clear]").addEventListener("click", function () {
      items.forEach(function (li) { box(li).checked = false; store.del(key(li)); });
      update();
    });
    if (summary) {
      summary.querySelector("[data-action=copy-summary]").addEventListener("click", function () {
        var lines = [summary.querySelector(".checklist-verdict").textContent];
        $$(summary, ".checklist-flags li").forEach(function (li) { lines.push("- " + li.textContent); });
        copy(lines.join("\n"), summary.querySelector(".checklist-copied"), T("summary_copied", "Summary copied."));
      });
      summary.hidden = false;
    }
    tools.hidden = false;
    update();
  }

  /* Certificate check: the rules of data/certificate-rules.yml over what the buyer types. */
  function certificateCheck(tool) {
    var rules = JSON.parse(tool.querySelector("script.cert-check-data").textContent);
    var form = tool.querySelector("form"), result = tool.querySelector(".cert-check-result");
    var verdict = result.querySelector(".cert-check-verdict"), list = result.querySelector(".cert-check-flags");
    function value(name) { var el = form.elements[name]; return el ? el.value.trim() : ""; }
    function words(text) { return text.toLowerCase().split(/[^a-z0-9\u00c0-\u024f]+/).filter(function (w) { return w.length > 2; }); }
    function fires(rule) {
      var v = rule.field === "*" ? $$(form, "input, textarea").map(function (el) { return el.value; }).join("\n") : value(rule.field);
      var today = new Date().toISOString().slice(0, 10);
      switch (rule.test) {
        case "missing": return !v;
        case "date-past": return !!v && v < today;
        case "date-within":
          return !!v && v >= today && v <= new Date(Date.now() + rule.days * 864e5).toISOString().slice(0, 10);
        case "matches": return !!v && new RegExp(rule.pattern, "i").test(v);
        case "not-matches": return !!v && !new RegExp(rule.pattern, "i").test(v);
        case "lacks-words-of":
          var need = words(value(rule.other)), have = words(v);
          return need.length > 0 && !need.some(function (w) { return have.indexOf(w) >= 0; });
      }
      return false;
    }
    var timer;
    function update() {
      var typed = $$(form, "input, textarea").some(function (el) { return el.value.trim(); });
      list.textContent = "";
      if (!typed) { verdict.textContent = T("type_certificate", "Type what the certificate shows; flags appear here."); return; }
      var found = rules.filter(fires), counts = { stop: 0, ask: 0, check: 0 };
      found.forEach(function (rule) {
        counts[rule.severity] += 1;
        var source = document.getElementById("rule-" + rule.id), li = document.createElement("li");
        var label = document.createElement("strong"), a = document.createElement("a");
        label.textContent = source.querySelector(".rule-severity").textContent + " ";
        a.href = source.querySelector("a.rule-see").href;
        a.textContent = T("why_this_matters", "Why this matters");
        li.appendChild(label);
        li.appendChild(document.createTextNode(source.querySelector(".rule-flag").textContent + " "));
        li.appendChild(a);
        list.appendChild(li);
      });
      var flags = counts.stop + counts.ask;
      var text = counts.stop ? T("verdict_stop", "Stop: ") : counts.ask ? T("verdict_ask", "Ask before you order: ") : T("verdict_none", "No red flags found. ");
      text += flags === 1 ? T("red_flags_one", "{n} red flag", { n: flags }) : T("red_flags", "{n} red flags", { n: flags });
      text += !counts.check ? T("end", ".") : counts.check === 1
        ? T("points_one", ", {n} point to check.", { n: counts.check }) : T("points", ", {n} points to check.", { n: counts.check });
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { verdict.textContent = text; }, 400);
    }
    form.addEventListener("input", update);
    result.querySelector("[data-action=prefill]").addEventListener("click", function () {
      var values = {};
      $$(form, "input, textarea").forEach(function (el) { if (el.value.trim()) values[el.name] = el.value.trim(); });
      try { sessionStorage.setItem(KEY + "prefill:certificate-confirmation-request", JSON.stringify(values)); } catch (e) { /* private mode */ }
    });
    form.hidden = false;
    result.hidden = false;
    update();
  }

  function init() {
    $$(document, ".letter-tool:not([data-on])").forEach(function (tool) { tool.setAttribute("data-on", ""); letter(tool); });
    $$(document, "ul[data-checklist]:not([data-on])").forEach(function (list) { list.setAttribute("data-on", ""); checklist(list); });
    $$(document, ".cert-check:not([data-on])").forEach(function (tool) { tool.setAttribute("data-on", ""); certificateCheck(tool); });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
