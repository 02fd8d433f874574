// Long work shows progress. A form that is sent (a Word upload, an import, a
// decision) says it is working and cannot be sent twice; a download link
// says the file is being prepared. The words come translated from the page
// (base.html, #busy-status); the page's security policy allows no inline
// script, hence this file.
(function () {
  "use strict";
  var status = document.getElementById("busy-status");
  if (!status) return;

  // The region stays in the page, empty, so screen readers announce the
  // words when they appear.
  function say(text) {
    status.textContent = text;
  }

  // Coming back with the Back button shows the page as it was left: ready.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    say("");
    document.querySelectorAll("form[aria-busy]").forEach(function (form) {
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button").forEach(function (button) { button.disabled = false; });
    });
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "").toLowerCase() !== "post") return;
    if (form.classList.contains("language-switch")) return;
    form.setAttribute("aria-busy", "true");
    var buttons = form.querySelectorAll("button[type=submit], button:not([type])");
    // Disabled after this event, so the button's own name and value still go.
    window.setTimeout(function () {
      buttons.forEach(function (button) { button.disabled = true; });
    }, 0);
    say(status.dataset.working);
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[download]");
    if (!link) return;
    say(status.dataset.download);
    // The browser gives no sign when a download ends; the note goes away.
    window.setTimeout(function () { say(""); }, 20000);
  });
})();
