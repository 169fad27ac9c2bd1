// The Passeport numérique's page (/passeport#…): the answers are in the link's fragment, which
// the browser never sends to a server. This script reads it and asks this site for the sheet
// with a POST (the answers travel in the request body, never in a URL, so no log or proxy
// records them), then shows it in place of the page's explanation. Without JavaScript, the
// page says how to get the same sheet from the questionnaire.
(function () {
  "use strict";
  var box = document.getElementById("passport");
  if (!box || !window.fetch) return;
  var answers = window.location.hash.replace(/^#/, "");
  var status = box.querySelector(".passport-status");
  if (!answers) {
    if (status) status.textContent = box.getAttribute("data-empty");
    return;
  }
  fetch(box.getAttribute("data-sheet"), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: answers,
    credentials: "same-origin",
    cache: "no-store",
  })
    .then(function (response) {
      return response.text().then(function (html) {
        return { ok: response.ok, html: html };
      });
    })
    .then(function (result) {
      // The sheet is rendered by this site's templates (escaped), like any of its pages.
      box.innerHTML = result.html;
      box.setAttribute("data-loaded", result.ok ? "true" : "false");
    })
    .catch(function () {
      if (status) status.textContent = box.getAttribute("data-failed");
    });
})();
