// Record pages: print button, child-row formsets ("Add a row"), and a filter box above long select lists.
// Kept out of the HTML so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  // Print the record (print.css hides the portal around it).
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });

  // "Add a row": copy the formset's empty row, numbered after the existing ones.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-formset-add]");
    if (!button) {
      return;
    }
    var prefix = button.getAttribute("data-formset-add");
    var fieldset = button.closest("[data-formset]");
    var total = fieldset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var template = fieldset.querySelector("template[data-formset-template]");
    var index = parseInt(total.value, 10);
    var body = fieldset.querySelector("[data-formset-body]");
    body.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
    total.value = String(index + 1);
    var rows = body.querySelectorAll("[data-formset-row]");
    var first = rows[rows.length - 1].querySelector("input:not([type=hidden]), select, textarea");
    if (first) {
      first.focus();
    }
  });

  // Accent-insensitive matching: "dong thap" finds "Đồng Tháp".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function addFilter(select) {
    if (select.options.length < 8 || select.dataset.filterReady) {
      return;
    }
    select.dataset.filterReady = "1";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "form-control form-control-sm mb-1";
    input.placeholder = document.documentElement.lang === "vi" ? "Lọc danh sách…" : "Filter the list…";
    input.setAttribute("aria-label", input.placeholder);
    input.setAttribute("data-select-filter", select.id);
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(select.options, function (option) {
        var text = fold(option.text);
        var match = option.selected || words.every(function (word) { return text.indexOf(word) >= 0; });
        option.hidden = !match;
      });
    });
  }

  function init(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select[data-searchable]"), addFilter);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
