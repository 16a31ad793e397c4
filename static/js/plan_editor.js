// The plan pages: searchable lists, inline forms, drag-and-drop reordering and printing.
// Everything here is an enhancement: without JavaScript the same links and forms open full pages.
(function () {
  "use strict";

  // Accent-insensitive matching the way the server searches: "so tai chinh" finds "Sở Tài chính".
  function fold(text) {
    return (text || "")
      .replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  function searchableScore(search) {
    var words = fold(search).split(/\s+/).filter(Boolean);
    return function (item) {
      var text = fold(item.text);
      for (var i = 0; i < words.length; i++) {
        if (text.indexOf(words[i]) < 0) {
          return 0;
        }
      }
      return 1;
    };
  }

  function makeSearchable(root) {
    if (typeof window.TomSelect === "undefined") {
      return;
    }
    root.querySelectorAll("select[data-searchable]").forEach(function (select) {
      if (select.tomselect) {
        return;
      }
      // eslint-disable-next-line no-new
      new window.TomSelect(select, {
        plugins: select.multiple ? ["remove_button"] : [],
        maxOptions: null,
        create: false,
        allowEmptyOption: !select.multiple && !select.required,
        placeholder: select.getAttribute("data-placeholder") || undefined,
        score: searchableScore,
        highlight: false,
        closeAfterSelect: !select.multiple,
        onItemAdd: function () {
          if (this.settings.mode === "multi") {
            this.setTextboxValue("");
            this.refreshOptions(false);
          }
        },
      });
    });
  }

  // The month decides the quarter: choosing month 8 sets quarter 3.
  document.addEventListener("change", function (event) {
    var month = event.target;
    if (!month.matches || !month.matches("select[name=month]") || !month.form) {
      return;
    }
    var quarter = month.form.querySelector("select[name=quarter]");
    if (quarter && month.value) {
      quarter.value = String(Math.ceil(Number(month.value) / 3));
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) {
      return;
    }
    // "Cancel" on a new inline form: the form goes away, nothing was saved.
    var remove = target.closest("[data-remove]");
    if (remove) {
      var row = document.getElementById(remove.getAttribute("data-remove"));
      if (row) {
        event.preventDefault();
        row.remove();
      }
      return;
    }
    if (target.closest("[data-print]")) {
      event.preventDefault();
      window.print();
    }
  });

  if (typeof window.htmx === "undefined") {
    return;
  }

  window.htmx.onLoad(function (element) {
    makeSearchable(element.querySelectorAll ? element : document);
    if (element.matches && element.matches("select[data-searchable]")) {
      makeSearchable(element.parentNode);
    }
    var first = element.querySelector && element.querySelector("[data-inline-form] textarea, [data-inline-form] input:not([type=hidden])");
    if (first && element.matches && element.matches(".editor-form-row, .task-form-group")) {
      first.focus();
    }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail.elt;
    // "Add" twice opens one form, not two.
    var formId = source.getAttribute && source.getAttribute("data-form-id");
    if (formId) {
      if (document.getElementById(formId)) {
        event.preventDefault();
        var field = document.getElementById(formId).querySelector("textarea, input:not([type=hidden])");
        if (field) {
          field.focus();
        }
      }
      return; // a new form is added next to the others, which stay as they are
    }
    // Moving or deleting redraws a task's rows: do not silently drop a form being filled in there.
    var target = event.detail.target;
    if (!target || source.closest("[data-inline-form]")) {
      return;
    }
    var open = target.querySelector && target.querySelector("[data-inline-form]");
    var table = document.getElementById("appendix-table");
    if (open && table && !window.confirm(table.getAttribute("data-unsaved-message"))) {
      event.preventDefault();
    }
  });

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (error) {
      return "";
    }
  }

  // Drag and drop of activities within their task; the server renumbers them in one transaction.
  var dragged = null;
  var startOrder = "";

  function orderOf(group) {
    return Array.prototype.map.call(group.querySelectorAll("tr.activity-row"), function (row) {
      return row.getAttribute("data-id");
    }).join(",");
  }

  document.addEventListener("mousedown", function (event) {
    var handle = event.target.closest && event.target.closest(".drag-handle");
    if (handle) {
      handle.closest("tr").setAttribute("draggable", "true");
    }
  });

  document.addEventListener("dragstart", function (event) {
    var row = event.target.closest && event.target.closest("tr.activity-row[draggable=true]");
    if (!row) {
      return;
    }
    if (row.parentNode.querySelector("[data-inline-form]")) {
      // A form is being filled in among these rows: finish or cancel it before reordering them.
      event.preventDefault();
      row.removeAttribute("draggable");
      return;
    }
    dragged = row;
    startOrder = orderOf(row.parentNode);
    row.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", row.getAttribute("data-id"));
  });

  document.addEventListener("dragover", function (event) {
    if (!dragged) {
      return;
    }
    var row = event.target.closest && event.target.closest("tr.activity-row");
    if (!row || row === dragged || row.parentNode !== dragged.parentNode) {
      return;
    }
    event.preventDefault();
    var box = row.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
  });

  document.addEventListener("drop", function (event) {
    if (dragged) {
      event.preventDefault();
    }
  });

  document.addEventListener("dragend", function () {
    if (!dragged) {
      return;
    }
    var row = dragged;
    var group = row.parentNode;
    dragged = null;
    row.classList.remove("dragging");
    row.removeAttribute("draggable");
    var order = orderOf(group);
    if (order === startOrder || !group.getAttribute("data-reorder-url")) {
      return;
    }
    window.htmx.ajax("POST", group.getAttribute("data-reorder-url"), {
      source: group,
      target: "#" + group.id,
      swap: "outerHTML",
      values: { order: order },
      headers: { "X-CSRFToken": csrfToken() },
    });
  });
})();
