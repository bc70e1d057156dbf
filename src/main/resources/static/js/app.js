// Sends the CSRF token with every htmx request (forms rendered by Thymeleaf carry it already).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Asks for confirmation on buttons that carry data-confirm (no inline scripts: the CSP forbids them).
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
// The page features' calls to /api/v1 (maps, charts): with the session cookie and the CSRF token of the page,
// as JSON; a refused call (session ended) rejects instead of handing an error body to the chart.
window.anhuanFetchJson = function (url) {
  var headers = { 'Accept': 'application/json' };
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    headers[header.content] = token.content;
  }
  return fetch(url, { headers: headers, credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) { throw new Error(url + ': HTTP ' + r.status); }
    return r.json();
  });
};
// Text for HTML that ECharts renders (tooltips): names come from users and must not become markup.
window.anhuanEscapeHtml = function (text) {
  return String(text === null || text === undefined ? '' : text).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
};
// The skip link's target: every page's main element (templates need not name it).
(function () {
  var main = document.querySelector('main');
  if (main && !main.id) { main.id = 'main'; }
  if (main && !main.hasAttribute('tabindex')) { main.setAttribute('tabindex', '-1'); }
})();
// Links marked data-back return to the previous page (the error page's "go back").
document.addEventListener('click', function (event) {
  var link = event.target.closest('a[data-back]');
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
