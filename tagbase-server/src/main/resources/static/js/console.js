// Sends the CSRF token with every htmx request, as Spring Security expects for POSTs.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Swap 4xx answers too: the console answers bad input with a fragment saying what to fix.
document.addEventListener("DOMContentLoaded", function () {
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "4..", swap: true, error: true },
      { code: "...", swap: false, error: true }
    ];
  }
});
