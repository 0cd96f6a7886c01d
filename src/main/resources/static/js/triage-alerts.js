// Service-level alerts for supervisors: recent ones on arrival, then live ones as toasts.
(function () {
  'use strict';
  const box = document.querySelector('[data-triage-alerts]');
  if (!box) {
    return;
  }
  const api = box.dataset.triageAlerts;
  const RECENT_MS = 15 * 60 * 1000;
  const MAX_TOASTS = 3;
  const dismissed = new Set(JSON.parse(sessionStorage.getItem('heard-triage-dismissed') || '[]'));
  const shown = new Set();

  function key(alert) {
    return alert.conversationId + ':' + alert.what + ':' + alert.warning + ':' + alert.dueAt;
  }

  function show(alert) {
    const id = key(alert);
    if (shown.has(id) || dismissed.has(id)) {
      return;
    }
    shown.add(id);
    const toast = document.createElement('div');
    toast.className = 'triage-toast' + (alert.warning ? ' warning' : '');
    toast.setAttribute('role', alert.warning ? 'status' : 'alert');
    const link = document.createElement('a');
    link.href = alert.link;
    link.textContent = alert.message;
    const close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', function () {
      dismissed.add(id);
      sessionStorage.setItem('heard-triage-dismissed', JSON.stringify(Array.from(dismissed)));
      toast.remove();
    });
    toast.append(link, close);
    box.prepend(toast);
    // In a crisis many clocks run out at once; three toasts say so without burying the page.
    const toasts = box.querySelectorAll('.triage-toast');
    for (let i = MAX_TOASTS; i < toasts.length; i++) {
      toasts[i].remove();
    }
  }

  fetch(api, { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (alerts) {
      alerts.filter(function (a) { return Date.now() - Date.parse(a.at) < RECENT_MS; })
        .reverse()
        .forEach(show);
    })
    .catch(function () { /* the live stream still brings new ones */ });

  const stream = new EventSource(api + '/stream');
  stream.addEventListener('alert', function (event) {
    show(JSON.parse(event.data));
  });
  window.addEventListener('pagehide', function () { stream.close(); });
})();
