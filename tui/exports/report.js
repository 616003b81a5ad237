(function () {
  "use strict";
  // n / N (Shift+n): the next / previous disputed row, as in the app. The ↑ ↓ buttons do the same.
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row[data-disputed]"));
  var status = document.getElementById("jump-at");
  var current = null;

  function number(row) {
    return Number(row.getAttribute("data-row"));
  }

  function mark(row) {
    if (current) current.classList.remove("current");
    current = row;
    if (row) row.classList.add("current");
    if (status) {
      var at = rows.indexOf(row);
      status.textContent = "≠ " + (at < 0 ? "–" : at + 1) + "/" + rows.length;
    }
  }

  function go(step) {
    if (!rows.length) return;
    var here = current ? number(current) : step > 0 ? 0 : Infinity;
    var target = null;
    var i;
    if (step > 0) {
      for (i = 0; i < rows.length && !target; i++) if (number(rows[i]) > here) target = rows[i];
      target = target || rows[0];
    } else {
      for (i = rows.length - 1; i >= 0 && !target; i--) if (number(rows[i]) < here) target = rows[i];
      target = target || rows[rows.length - 1];
    }
    mark(target);
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    var hash = "#" + target.id;
    if (location.hash !== hash) {
      try {
        history.replaceState(null, "", hash);
      } catch (error) {
        location.hash = hash;
      }
    }
  }

  function fromHash() {
    var id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var target = id ? document.getElementById(id) : null;
    var row = target && target.closest ? target.closest("tr.row") : null;
    if (row) mark(row);
  }

  function typing(target) {
    if (!target || !target.tagName) return false;
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === "n") go(1);
    else if (event.key === "N") go(-1);
    else return;
    event.preventDefault();
  });

  Array.prototype.forEach.call(document.querySelectorAll("#jump [data-step]"), function (button) {
    button.addEventListener("click", function () {
      go(Number(button.getAttribute("data-step")));
    });
  });

  window.addEventListener("hashchange", fromHash);
  var jump = document.getElementById("jump");
  if (jump && rows.length) jump.hidden = false;
  mark(null);
  fromHash();
})();
