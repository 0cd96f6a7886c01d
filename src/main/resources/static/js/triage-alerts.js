// Service-level alerts for supervisors: one button in the top bar says how many waiting customers are close to or past
// a target; it opens a board grouped by queue. The board is read again whenever a clock warns or runs out, whenever
// the live stream (re)opens, and every half minute, since a reply takes a customer off it.
(function () {
  'use strict';
  const area = document.querySelector('[data-triage-alerts]');
  if (!area || !window.htmx) {
    return;
  }
  const boardUrl = area.dataset.triageAlerts;
  let open = false;
  let missedBefore = null;

  function button() { return area.querySelector('.sla-button'); }
  function board() { return area.querySelector('.sla-board'); }

  // After every new board: keep it open or closed as the supervisor left it, and ring once when more are missed.
  function apply() {
    const toggle = button();
    const panel = board();
    if (!toggle || !panel) {
      return;
    }
    toggle.disabled = false;
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    const missed = Number(toggle.dataset.missed || 0);
    if (missedBefore !== null && missed > missedBefore) {
      toggle.classList.add('ring');
    }
    missedBefore = missed;
  }

  function refresh() {
    htmx.ajax('GET', boardUrl, { target: area, swap: 'innerHTML' });
  }

  function setOpen(value) {
    open = value;
    apply();
  }

  area.addEventListener('htmx:afterSwap', apply);
  area.addEventListener('click', function (event) {
    if (event.target.closest('.sla-button')) {
      setOpen(!open);
    }
  });
  document.addEventListener('click', function (event) {
    if (open && event.target.isConnected && !area.contains(event.target)) {
      setOpen(false);
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      const toggle = button();
      if (toggle) {
        toggle.focus();
      }
    }
  });

  const stream = new EventSource(area.dataset.triageStream);
  stream.addEventListener('open', refresh);
  stream.addEventListener('alert', refresh);
  window.addEventListener('pagehide', function () { stream.close(); });
  setInterval(refresh, 30000);
  refresh();
})();
