// The national portal's tables: filter the municipalities by name, sort the comparison.
// Runs only in the browser, sends nothing anywhere and stores nothing.
(function () {
  "use strict";

  function normalise(text) {
    // Accents off, so that "vasa" finds "Vasa" and "jarva" finds "Järvä".
    return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function setUpFilter(input) {
    var table = document.getElementById(input.getAttribute("data-sky-filter"));
    var count = document.getElementById(input.getAttribute("aria-describedby"));
    var template = count.getAttribute("data-sky-count-template");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    input.addEventListener("input", function () {
      var query = normalise(input.value.trim());
      var shown = 0;
      rows.forEach(function (row) {
        var match = normalise(row.getAttribute("data-sky-names")).indexOf(query) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = template.replace("{n}", String(shown));
    });
  }

  function cellValue(row, index, kind) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-sky-value") || cell.textContent;
    return kind === "number" ? parseFloat(value) : value.toLocaleLowerCase();
  }

  function setUpSorting(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, index) {
      var button = header.querySelector("button[data-sky-sort]");
      if (!button) return;
      button.addEventListener("click", function () {
        var kind = button.getAttribute("data-sky-sort");
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, kind);
          var y = cellValue(b, index, kind);
          var order = kind === "number" ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  }

  document.querySelectorAll("input[data-sky-filter]").forEach(setUpFilter);
  document.querySelectorAll("table[data-sky-sortable]").forEach(setUpSorting);
})();
