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
