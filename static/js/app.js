// Site-wide behaviour. Kept out of the HTML so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  // Ask before destructive actions: any form with data-confirm.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Filter forms send every field; drop the empty ones so the shared URL says only what is filtered.
  document.addEventListener("htmx:configRequest", function (event) {
    var data = event.detail.formData;
    if (!data || event.detail.verb !== "get") {
      return;
    }
    var empty = [];
    data.forEach(function (value, key) {
      var values = data.getAll(key);
      var blank = values.every(function (each) { return each === "" || each === "unknown"; });
      if (blank && empty.indexOf(key) < 0) {
        empty.push(key);
      }
    });
    empty.forEach(function (key) { data.delete(key); });
  });
})();
