// The leadership dashboard: charts drawn with the vendored Chart.js from the page's JSON data island
// (#dashboard-charts), every bar a link to the list it counts; the year selector reloads on change.
(function () {
  "use strict";

  if (window.Chart) {
    // The page's own font, so that the charts read like the tables beside them.
    window.Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.font.size = 12;
    window.Chart.defaults.color = "#3d4b59";
  }

  var island = document.getElementById("dashboard-charts");
  var charts = island ? JSON.parse(island.textContent) : {};
  var lang = document.documentElement.lang || "vi";

  function formatNumber(value, money) {
    var text = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", {maximumFractionDigits: 0}).format(value);
    return money ? money + text : text;
  }

  function draw(canvas) {
    var spec = charts[canvas.getAttribute("data-chart")];
    if (!spec || typeof window.Chart === "undefined") {
      return;
    }
    var horizontal = Boolean(spec.horizontal);
    var valueAxis = horizontal ? "x" : "y";
    var scales = {};
    scales[valueAxis] = {
      beginAtZero: true,
      ticks: {precision: 0, callback: function (value) { return formatNumber(value, spec.money); }},
      grid: {color: "#e9edf2"}
    };
    scales[horizontal ? "y" : "x"] = {
      grid: {display: false},
      title: spec.axis ? {display: true, text: spec.axis} : {display: false}
    };
    var chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (set) {
          return {label: set.label, data: set.data, backgroundColor: set.colour, borderRadius: 3,
                  maxBarThickness: 26};
        })
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        // No animation: the numbers are there at once, and screenshots and tests see the final picture.
        animation: false,
        scales: scales,
        plugins: {
          legend: {position: "bottom", labels: {boxWidth: 12}},
          tooltip: {
            callbacks: {
              title: function (items) {
                var index = items[0].dataIndex;
                return spec.titles ? spec.titles[index] : spec.labels[index];
              },
              label: function (item) {
                return item.dataset.label + ": " + formatNumber(item.raw, spec.money);
              }
            }
          }
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        },
        onClick: function (event, elements) {
          if (!elements.length) {
            return;
          }
          var url = spec.datasets[elements[0].datasetIndex].urls[elements[0].index];
          if (url) {
            window.location.assign(url);
          }
        }
      }
    });
    canvas.setAttribute("data-chart-ready", "true");
    return chart;
  }

  Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart]"), draw);

  // Choosing a year shows it at once; the button stays for keyboards and for browsers without JavaScript.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-dashboard-year] select"), function (select) {
    select.addEventListener("change", function () {
      select.form.submit();
    });
  });
})();
