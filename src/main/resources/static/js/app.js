// CountyHealth page behaviour (CSP forbids inline scripts).
document.addEventListener("DOMContentLoaded", function () {
  // htmx requests carry the CSRF token.
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener("htmx:configRequest", function (e) {
      e.detail.headers[header.content] = token.content;
    });
  }
  // Elements with data-confirm ask before submitting.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
    });
  });
});

// Facility tree: expand or collapse every <details> at once (the tree itself needs no script).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-tree-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("data-tree-toggle") === "open";
      document.querySelectorAll("#facility-tree details").forEach(function (d) {
        d.open = open;
      });
    });
  });
});

// Progress bars: the CSP forbids inline style attributes, so the width comes from aria-valuenow,
// on load and after every htmx swap of the progress fragment.
function countyhealthProgress(root) {
  root.querySelectorAll(".progress[aria-valuenow] .progress-bar").forEach(function (bar) {
    var value = Number(bar.parentElement.getAttribute("aria-valuenow")) || 0;
    bar.style.width = Math.max(0, Math.min(100, value)) + "%";
  });
}
document.addEventListener("DOMContentLoaded", function () {
  countyhealthProgress(document);
  document.body.addEventListener("htmx:afterSettle", function () {
    countyhealthProgress(document);
  });
});
