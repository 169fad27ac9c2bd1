// Galaxie — progressive enhancement only: every page works without this script.
// Adds, where a page has a `[data-tools]` box, an "Écouter" button that reads the page's main
// text aloud with the browser's speech synthesis (when the browser has it), and a "print"
// button. Labels come from the box's data attributes, in the page's language.
(function () {
  "use strict";
  function text(el) {
    var clone = el.cloneNode(true);
    clone.querySelectorAll("script, style, [data-tools], svg, form, .visually-hidden").forEach(function (n) { n.remove(); });
    return clone.innerText || clone.textContent || "";
  }
  function button(label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button";
    b.textContent = label;
    return b;
  }
  document.querySelectorAll("[data-tools]").forEach(function (box) {
    var region = box.closest("[data-listen]") || document.querySelector("main");
    var synth = window.speechSynthesis;
    if (synth && window.SpeechSynthesisUtterance && region) {
      var listen = button(box.getAttribute("data-listen-label") || "Écouter");
      listen.setAttribute("aria-pressed", "false");
      var speaking = false;
      var stop = function () {
        synth.cancel();
        speaking = false;
        listen.textContent = box.getAttribute("data-listen-label") || "Écouter";
        listen.setAttribute("aria-pressed", "false");
      };
      listen.addEventListener("click", function () {
        if (speaking) { stop(); return; }
        var u = new SpeechSynthesisUtterance(text(region));
        var lang = region.getAttribute("lang") || document.documentElement.lang || "fr";
        u.lang = lang.indexOf("fr") === 0 ? "fr-FR" : "en-GB";
        u.rate = document.body.classList.contains("falc") ? 0.85 : 1;
        u.onend = stop;
        u.onerror = stop;
        speaking = true;
        listen.textContent = box.getAttribute("data-stop-label") || "Arrêter";
        listen.setAttribute("aria-pressed", "true");
        synth.speak(u);
      });
      box.appendChild(listen);
    }
    if (window.print) {
      var print = button(box.getAttribute("data-print-label") || "Imprimer");
      print.addEventListener("click", function () { window.print(); });
      box.appendChild(print);
    }
  });
  // A refused form: bring the list of corrections into view and focus.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
