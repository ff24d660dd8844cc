/* "Copy link to this section": clicking a heading's ¶ (or a checklist item's ¶) still jumps to the
   section, and also copies its full address, so sales teams can paste it into an email or chat. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.headerlink, a.checklist-link");
  if (!link || !navigator.clipboard) return;
  var url = new URL(link.getAttribute("href"), window.location.href).href;
  navigator.clipboard.writeText(url).then(function () {
    if (window.alert$ && typeof window.alert$.next === "function") {
      window.alert$.next("Link copied");
    }
  }, function () { /* clipboard refused (e.g. not https): the link still works */ });
});
