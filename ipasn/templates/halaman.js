/* ipasn: long tables sortable and filterable, and the index pages' employee search.
   Plain JavaScript without network access, shipped with ipasn and written into each page.
   It runs only in a reader's browser: the PDF is printed with JavaScript off, and the controls it
   adds are hidden in print (halaman.css), so the printed layout never changes. */
(function () {
  "use strict";
  var LONG = 15;  // body rows: a table longer than about one screen
  var SHOWN = 50;  // search results listed at most
  var text = new Intl.Collator("id", {numeric: true, sensitivity: "base"});
  var NUMBER = /^[+\-]?(\d{1,3}(\.\d{3})+|\d{1,15})(,\d+)?%?$/;  // 61,20  1.250  −3,10  75%

  /** An Indonesian number ("1.250,5", "−3,10", "75%") as a number; null for text or an empty cell. */
  function number(value) {
    var t = value.trim().replace(/\u2212/g, "-");
    if (!NUMBER.test(t)) return null;
    return parseFloat(t.replace(/%$/, "").replace(/\./g, "").replace(",", "."));
  }

  function empty(value) {
    var t = value.trim();
    return t === "" || t === "\u2013" || t === "-";
  }

  function fold(value) {  // case and accents do not matter when filtering or searching
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function element(name, attributes, children) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent : "";
  }

  /* --- long tables ------------------------------------------------------------------------- */

  function sortable(table) {
    var head = table.tHead;
    if (!head || head.rows.length !== 1) return false;  // grouped headers: which column is meant?
    var spans = table.querySelectorAll("[colspan], [rowspan]");
    for (var i = 0; i < spans.length; i++) {
      if (spans[i].colSpan > 1 || spans[i].rowSpan > 1) return false;
    }
    return true;
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var values = rows.map(function (row) { return cellText(row, column); });
    var numeric = values.every(function (v) { return empty(v) || number(v) !== null; });
    var descending = header.getAttribute("aria-sort") === "ascending";
    var order = rows.map(function (row, index) { return index; });
    order.sort(function (a, b) {
      var x = values[a], y = values[b];
      if (empty(x) || empty(y)) return (empty(x) - empty(y)) || a - b;  // empty cells last, always
      var c = numeric ? number(x) - number(y) : text.compare(x, y);
      return (descending ? -c : c) || a - b;
    });
    Array.prototype.forEach.call(header.parentNode.cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    order.forEach(function (index) { body.appendChild(rows[index]); });
  }

  function filterRows(table, query, count) {
    var wanted = fold(query.trim());
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      rows[i].hidden = wanted !== "" && fold(rows[i].textContent).indexOf(wanted) < 0;
      shown += !rows[i].hidden;
    }
    count.textContent = shown + " dari " + rows.length + " baris";
  }

  function enhance(table) {
    if (table.tBodies.length !== 1 || table.tBodies[0].rows.length <= LONG) return;
    var input = element("input", {type: "search", "class": "saring", "aria-label": "Saring baris tabel",
                                  placeholder: "Saring: ketik NIP, nama, unit, ..."});
    var count = element("span", {"class": "jumlah-baris", "aria-live": "polite"});
    var controls = element("div", {"class": "kendali kendali-tabel"}, [input, " ", count]);
    table.parentNode.insertBefore(controls, table);
    input.addEventListener("input", function () { filterRows(table, input.value, count); });
    filterRows(table, "", count);
    if (!sortable(table)) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.classList.add("urutkan");
      header.tabIndex = 0;
      header.title = "Klik untuk mengurutkan";
      header.addEventListener("click", function () { sortBy(table, column, header); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, column, header); }
      });
    });
  }

  /* --- employee search on the index pages (data in cari-pegawai-<tahun>-data-pribadi.js) ------ */

  function search(section) {
    var years = (window.ipasnPegawai || []).slice().sort(function (a, b) { return b.tahun - a.tahun; });
    var root = section.getAttribute("data-akar");
    var input = element("input", {type: "search", "class": "cari", "aria-label": "Cari pegawai",
                                  placeholder: "NIP atau nama (minimal 3 huruf)"});
    var status = element("p", {"class": "keterangan hasil-cari", "aria-live": "polite"});
    var results = element("table", {"class": "tabel hasil-cari"});
    results.hidden = true;
    section.appendChild(element("div", {"class": "kendali"}, [input, status, results]));
    input.addEventListener("input", function () {
      var query = input.value.trim();
      var digits = query.replace(/\s/g, "");
      var byNip = /^\d+$/.test(digits);
      var wanted = fold(query);
      while (results.rows.length) results.deleteRow(0);
      results.hidden = true;
      if ((byNip ? digits : wanted).length < 3) { status.textContent = ""; return; }
      var found = [];
      years.forEach(function (year) {
        year.pegawai.forEach(function (p) {  // [nip, nama, unit, ip_asn, kategori, dokumen]
          if (byNip ? p[0].indexOf(digits) >= 0 : fold(p[1]).indexOf(wanted) >= 0) found.push([year.tahun, p]);
        });
      });
      status.textContent = found.length === 0 ? "Tidak ditemukan." : found.length + " ditemukan" +
        (found.length > SHOWN ? "; " + SHOWN + " pertama ditampilkan." : ".");
      if (!found.length) return;
      var head = results.createTHead().insertRow();
      ["Tahun", "NIP", "Nama", "Unit kerja", "IP ASN", "Kategori", "Laporan unit"].forEach(function (name) {
        head.appendChild(element("th", {}, [name]));
      });
      var body = results.tBodies[0] || results.appendChild(document.createElement("tbody"));
      found.slice(0, SHOWN).forEach(function (hit) {
        var p = hit[1], row = body.insertRow();
        [String(hit[0]), p[0], p[1], p[2], p[3], p[4]].forEach(function (value, index) {
          row.appendChild(element("td", index === 4 ? {"class": "angka"} : {}, [value]));
        });
        var link = p[5] ? element("a", {href: root + "/" + hit[0] + "/" + p[5]}, ["HTML"]) : "\u2013";
        row.appendChild(element("td", {}, [link]));
      });
      results.hidden = false;
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table"), enhance);
    var section = document.getElementById("cari-pegawai");
    if (section) search(section);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
