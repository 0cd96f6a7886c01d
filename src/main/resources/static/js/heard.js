// Heard's small amount of browser code: CSRF for htmx, the reply counter, keyboard shortcuts,
// live refresh of the open conversation, and the sandbox page's reply buttons. Customer text is never
// put into the page from here; the server renders it, escaped.
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });

  // On a phone the page menu and the list's filters open and close under their buttons.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-toggles]") : null;
    if (!button) return;
    var open = button.parentElement.classList.toggle(button.dataset.toggles);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });

  // Count the reply the way networks do: by code points, not UTF-16 units.
  function updateCounter(textarea) {
    var counter = document.getElementById(textarea.dataset.counter);
    if (!counter) return;
    var max = parseInt(textarea.dataset.max || "0", 10);
    var length = Array.from(textarea.value).length;
    counter.textContent = length + " / " + max;
    counter.classList.toggle("over", max > 0 && length > max);
    var send = textarea.form && textarea.form.querySelector("[data-send]");
    if (send) send.disabled = max > 0 && length > max;
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-counter]")) {
      updateCounter(event.target);
    }
  });

  // A list that acts when a choice is made: at once for a choice made with the mouse; from the keyboard, arrows and
  // typed letters only move through the choices (each would otherwise act), and Enter acts on the one chosen.
  function submitChoice(form) {
    if (form.hasAttribute("hx-post")) {
      htmx.trigger(form, "submit");
    } else {
      form.requestSubmit();
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.matches || !target.matches("select[data-autosubmit]")) return;
    if (event.key === "Enter") {
      event.preventDefault();
      delete target.dataset.keyed;
      submitChoice(target.form);
    } else if (event.key.length === 1 || /^(Arrow|Page|Home|End)/.test(event.key)) {
      target.dataset.keyed = "true";
    }
  }, true);

  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest) {
      var select = event.target.closest("select[data-autosubmit]");
      if (select) delete select.dataset.keyed;
    }
  }, true);

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-autosubmit]") && !event.target.dataset.keyed) {
      submitChoice(event.target.form);
    }
  });

  // The template picker: only the chosen template's inputs are shown and sent, and the preview shows the
  // body as the customer will read it, a variable not filled in yet shown as [{{n}}]. Text only: textContent.
  function showTemplate(form) {
    var picker = form.querySelector("select[data-template-picker]");
    var preview = form.querySelector("[data-template-preview]");
    if (!picker || !preview) return;
    var body = "";
    form.querySelectorAll("fieldset[data-template]").forEach(function (fieldset) {
      var chosen = fieldset.dataset.template === picker.value;
      fieldset.disabled = !chosen;
      fieldset.hidden = !chosen;
      if (chosen) {
        var values = Array.from(fieldset.querySelectorAll("input[name=variable]")).map(function (input) {
          return input.value.trim();
        });
        body = fieldset.dataset.body.replace(/\{\{(\d+)\}\}/g, function (all, n) {
          var value = values[parseInt(n, 10) - 1];
          return value ? value : "[" + all + "]";
        });
      }
    });
    preview.textContent = body;
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-template-picker]")) {
      showTemplate(event.target.form);
    }
  });

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.classList.contains("template-composer")) {
      showTemplate(form);
    }
  });

  document.addEventListener("htmx:load", function (event) {
    var root = event.detail.elt;
    var forms = root.matches && root.matches("form.template-composer")
      ? [root] : Array.from(root.querySelectorAll ? root.querySelectorAll("form.template-composer") : []);
    forms.forEach(showTemplate);
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.template-composer").forEach(showTemplate);
  });

  function openConversationId() {
    var pane = document.getElementById("pane");
    return pane ? pane.dataset.conversationId : null;
  }

  // A change to the open conversation refreshes its thread, but never the reply being typed. A change
  // can land while the agent's own request (a reply, an assignment) is on its way, and answers can
  // arrive out of order, so the thread is fetched again once such a request is answered.
  var ownRequests = new WeakSet();
  var panePress = { down: false, refreshWaiting: false };
  var ownPending = 0;
  var refreshSeq = 0;

  // A live change to the conversation must not wipe the reason the agent's own action was refused (the network
  // would not hide a comment, say): the reason moves into the fresh pane, next to what it is about.
  function keepProblems(current, fresh) {
    current.querySelectorAll(".problem[data-keep]").forEach(function (problem) {
      var anchor = fresh.querySelector('[data-problem-anchor="' + problem.dataset.keep + '"]');
      if (anchor && !anchor.querySelector(".problem")) {
        anchor.appendChild(problem.cloneNode(true));
      }
    });
  }

  // Boxes typed into at the top of the conversation (a tag being added) keep what was typed, and the focus, when a live
  // change brings a fresh conversation in; so does a list being chosen from with the keyboard (the assignee).
  function keepTyping(current, fresh) {
    var focused = null;
    current.querySelectorAll("input[id]:not([type=hidden]), select[id]").forEach(function (typed) {
      var same = fresh.querySelector("#" + typed.id);
      if (!same) return;
      if (typed.tagName === "SELECT") {
        if (typed.dataset.keyed) {
          same.value = typed.value;
          same.dataset.keyed = "true";
        }
      } else if (typed.value) {
        same.value = typed.value;
      }
      if (document.activeElement === typed) focused = same;
    });
    return focused;
  }

  // Only the answer to the newest refresh is shown: answers that arrive out of order are dropped.
  function refreshOpenConversation() {
    var id = openConversationId();
    if (!id || !document.getElementById("conv-live")) return;
    var seq = ++refreshSeq;
    fetch("/inbox/" + id + "/pane", { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // While the agent's own action is on its way the pane stays: replacing it would take the action's form off the
        // page, and its answer (a refusal with its reason, say) would land where no one sees it. A read follows it.
        if (html === null || seq !== refreshSeq || ownPending > 0 || openConversationId() !== id) return;
        if (panePress.down) {
          panePress.refreshWaiting = true;
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("conv-live");
        var current = document.getElementById("conv-live");
        if (fresh && current) {
          keepProblems(current, fresh);
          var typing = keepTyping(current, fresh);
          current.replaceWith(fresh);
          htmx.process(fresh);
          if (typing) typing.focus();
          document.dispatchEvent(new CustomEvent("heard:conversationRefreshed"));
        }
      })
      .catch(function () {
        // the next change or action refreshes again
      });
  }

  // Changes published while the stream was not open (before it first connected, during a reconnect after a
  // restart or a network blip) never arrive: each time it opens, the open conversation and the list read anew.
  document.addEventListener("htmx:sseOpen", function () {
    refreshOpenConversation();
    var list = document.getElementById("conversation-list");
    if (list) htmx.trigger(list, "sse:conversation");
  });

  document.addEventListener("htmx:sseMessage", function (event) {
    if (event.detail.type !== "conversation") return;
    var id = openConversationId();
    if (!id) return;
    try {
      var change = JSON.parse(event.detail.data);
      if (String(change.id) === id) {
        refreshOpenConversation();
      }
    } catch (e) {
      // not a conversation change
    }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.tagName === "FORM" && elt.closest("#pane")) {
      ownRequests.add(event.detail.xhr);
      ownPending++;
      // Counted down by the request itself, which ends even if its form is no longer on the page.
      event.detail.xhr.addEventListener("loadend", function () { ownPending--; });
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (ownRequests.delete(event.detail.xhr)) {
      var xhr = event.detail.xhr;
      if (xhr && /data-shown-once/.test(xhr.responseText || "")) {
        // The answer shows something only it has (why the action was refused, a revealed payment detail) and nothing
        // changed: a refresh would replace it with the same conversation, so one still on its way is dropped, and
        // none is started.
        refreshSeq++;
        return;
      }
      // Always read the thread once more after the agent's own action: a refresh started before the
      // action committed may land after the action's answer and show the older state.
      refreshOpenConversation();
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form && form.matches) {
      if (form.matches("form[data-reset]")) form.reset();
      if (form.matches("form[data-reset-text]")) {
        var text = form.querySelector("textarea");
        if (text) text.value = "";
        cancelSandboxReply();
      }
    }
  });

  // An action the server refused or could not do says so, instead of silently leaving the page as it was.
  function toast(text) {
    var box = document.getElementById("toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "toast";
      box.className = "toast";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.hidden = true; }, 8000);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var detail = "That did not work; please try again.";
    try {
      var problem = JSON.parse(event.detail.xhr.responseText);
      if (problem && problem.detail) detail = problem.detail;
    } catch (e) {
      // not a problem detail
    }
    toast(detail);
  });

  document.addEventListener("htmx:sendError", function () {
    toast("Heard cannot be reached; check your connection. Nothing was sent.");
  });

  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll("textarea[data-counter]").forEach(updateCounter);
  });

  // A press on a row must become a click even when the list refreshes before the agent lets go: fresh rows put in
  // between would take the pressed one away, and the click with it. While a pointer is down on the list, its fresh
  // content waits (only the newest is kept) and lands once the press has ended, after the click it made.
  // The open conversation's buttons likewise: a live refresh that lands while one is pressed waits, and is read
  // again once the press has ended (after the action the click started, if it started one).
  var listPress = { down: false, waiting: null };

  document.addEventListener("pointerdown", function (event) {
    if (!event.target.closest) return;
    if (event.target.closest("#conversation-list")) listPress.down = true;
    if (event.target.closest("#conv-live")) panePress.down = true;
  }, true);

  function pressEnded() {
    if (panePress.down) {
      panePress.down = false;
      setTimeout(function () {
        if (panePress.down || !panePress.refreshWaiting) return;
        panePress.refreshWaiting = false;
        refreshOpenConversation();
      }, 0);
    }
    if (!listPress.down) return;
    listPress.down = false;
    setTimeout(function () {
      var list = document.getElementById("conversation-list");
      if (listPress.down || listPress.waiting === null || !list) return;
      var waiting = listPress.waiting;
      listPress.waiting = null;
      htmx.swap(list, waiting, { swapStyle: "innerHTML" });
    }, 0);
  }
  document.addEventListener("pointerup", pressEnded, true);
  document.addEventListener("pointercancel", pressEnded, true);
  window.addEventListener("blur", pressEnded);

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (listPress.down && event.detail.shouldSwap && target && target.id === "conversation-list") {
      listPress.waiting = event.detail.serverResponse;
      event.detail.shouldSwap = false;
    }
  });

  // The newest message stays in view. A conversation opens at its end; while the agent reads at the end, a fresh
  // thread, a new message or a composer tool opening under it keeps the end in view. Scrolled up to read, they stay.
  var follow = { id: null, atEnd: true, watched: null };
  var resized = window.ResizeObserver ? new ResizeObserver(function () { if (follow.atEnd) toEnd(); }) : null;

  function toEnd() {
    var live = document.getElementById("conv-live");
    if (live) live.scrollTop = live.scrollHeight;
  }

  // On a phone the page itself scrolls: a conversation opens with its newest message in the middle of the screen.
  function newestInView() {
    var live = document.getElementById("conv-live");
    var messages = live ? live.querySelectorAll(".thread > .message") : [];
    var newest = messages[messages.length - 1];
    if (newest && getComputedStyle(live).overflowY === "visible") newest.scrollIntoView({ block: "center" });
  }

  function followThread() {
    var id = openConversationId();
    var live = document.getElementById("conv-live");
    if (!id || !live) return;
    if (id !== follow.id) {
      follow.id = id;
      follow.atEnd = true;
      newestInView();
    }
    if (follow.atEnd) toEnd();
    if (resized && follow.watched !== live) {
      resized.disconnect();
      resized.observe(live);
      var thread = live.querySelector(".thread");
      if (thread) resized.observe(thread);
      follow.watched = live;
    }
  }

  document.addEventListener("scroll", function (event) {
    var live = event.target;
    if (live && live.id === "conv-live") {
      follow.atEnd = live.scrollHeight - live.scrollTop - live.clientHeight < 48;
    }
  }, true);
  document.addEventListener("DOMContentLoaded", followThread);
  document.addEventListener("htmx:afterSettle", followThread);
  document.addEventListener("heard:conversationRefreshed", followThread);

  // The list's density is each agent's own, kept in this browser.
  function showDensity() {
    var compact = localStorage.getItem("heard-density") === "compact";
    document.body.classList.toggle("compact-list", compact);
    document.querySelectorAll("[data-density]").forEach(function (toggle) {
      toggle.setAttribute("aria-pressed", String(compact));
    });
  }
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-density]")) return;
    var compact = localStorage.getItem("heard-density") !== "compact";
    localStorage.setItem("heard-density", compact ? "compact" : "comfortable");
    showDensity();
  });
  document.addEventListener("DOMContentLoaded", showDensity);

  // Several conversations at once: ticked rows stay ticked while the list refreshes around them, the bar says how
  // many, and once a change to them all is done they are let go and the list reads anew.
  // Kept for the tab's session: opening a conversation loads a new page, and the ticks go with the agent.
  var ticked = new Set(JSON.parse(sessionStorage.getItem("heard-ticked") || "[]"));

  function keepTicked() {
    sessionStorage.setItem("heard-ticked", JSON.stringify(Array.from(ticked)));
  }

  function showTicked() {
    document.querySelectorAll("#conversation-list .row-select").forEach(function (box) {
      box.checked = ticked.has(box.value);
      box.closest(".row").classList.toggle("checked", box.checked);
    });
    var bar = document.getElementById("bulk");
    if (!bar) return;
    bar.hidden = ticked.size === 0;
    bar.querySelector(".bulk-count").textContent = ticked.size + " selected";
  }

  function tick(id, on) {
    if (on) ticked.add(id); else ticked.delete(id);
    keepTicked();
    showTicked();
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.classList && box.classList.contains("row-select")) tick(box.value, box.checked);
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-bulk-clear]")) {
      ticked.clear();
      keepTicked();
      showTicked();
      var said = document.getElementById("bulk-said");
      if (said) said.textContent = "";
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target) return;
    if (target.id === "bulk-said" && target.querySelector("[data-changed]")) {
      ticked.clear();
      keepTicked();
      var list = document.getElementById("conversation-list");
      if (list) htmx.trigger(list, "sse:conversation");
    }
    if (target.id === "bulk-said" || target.closest("#conversation-list")) showTicked();
  });
  document.addEventListener("DOMContentLoaded", showTicked);
  // Every ticked conversation goes with the change, also those the list shows no more (on a later page, say).
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "bulk") event.detail.parameters.ids = Array.from(ticked);
  });

  // Keyboard shortcuts for the inbox.
  // Service-level countdowns tick in the page; the server sends the due time, not the words.
  function until(due) {
    var left = (Date.parse(due) - Date.now()) / 60000;
    var size = Math.abs(left);
    var amount = size < 1 ? "under a minute"
      : size < 60 ? Math.floor(size) + " min"
      : size < 2880 ? Math.floor(size / 60) + " h" : Math.floor(size / 1440) + " d";
    return left < 0 ? amount + " overdue" : "in " + amount;
  }

  function tickCountdowns() {
    document.querySelectorAll("[data-due]").forEach(function (el) {
      el.textContent = el.getAttribute("data-due-what") + " " + until(el.getAttribute("data-due"));
      el.classList.toggle("overdue", Date.parse(el.getAttribute("data-due")) < Date.now());
    });
  }
  setInterval(tickCountdowns, 15000);
  document.addEventListener("htmx:afterSwap", tickCountdowns);

  // Collision detection: an open conversation tells colleagues it is being viewed, or typed in.
  var lastTyped = 0;
  var typingSaid = false;
  function sayViewing() {
    var id = openConversationId();
    if (!id) return;
    typingSaid = Date.now() - lastTyped < 6000;
    var body = new URLSearchParams({ typing: String(typingSaid) });
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    var token = csrf();
    if (token) headers[token.header] = token.token;
    fetch("/inbox/" + id + "/viewing", { method: "POST", body: body, headers: headers, credentials: "same-origin" })
      .catch(function () { /* the next beat tries again */ });
  }
  setInterval(sayViewing, 8000);
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "pane") sayViewing();
  });
  document.addEventListener("DOMContentLoaded", sayViewing);
  document.addEventListener("input", function (event) {
    if (event.target.id !== "reply-text") return;
    lastTyped = Date.now();
    if (!typingSaid) sayViewing();
  });

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#conversation-list .row"));
  }

  function move(step) {
    var list = rows();
    if (!list.length) return;
    var current = list.findIndex(function (r) { return r.classList.contains("selected"); });
    var next = current < 0 ? 0 : Math.min(list.length - 1, Math.max(0, current + step));
    var link = list[next].querySelector("a");
    if (link) link.click();
  }

  function click(selector) {
    var element = document.querySelector(selector);
    if (element) element.click();
  }

  function focus(event, id) {
    var element = document.getElementById(id);
    if (element) {
      event.preventDefault();
      element.focus();
    }
  }

  function toggleHelp(show) {
    var help = document.getElementById("help");
    if (!help) return;
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) {
      var button = help.querySelector("button");
      if (button) button.focus();
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT"
      || (target.tagName === "INPUT" && target.type !== "checkbox" && target.type !== "radio"));
    if (typing) {
      if (event.key === "Enter" && target.id === "bulk-tags") {
        // Enter in the tag box tags the selected, whatever button comes first in the bar.
        event.preventDefault();
        click('#bulk button[value="tag"]');
        return;
      }
      if (event.key === "Enter" && target.id === "bulk-assignee") {
        event.preventDefault();
        click('#bulk button[value="assign"]');
        return;
      }
      if (event.key === "Backspace" && target.id === "tag-input" && target.value === "") {
        // An empty tag box takes the last tag off, as a list of chips does.
        var removes = document.querySelectorAll("#pane .tag-remove");
        if (removes.length) {
          event.preventDefault();
          removes[removes.length - 1].click();
        }
        return;
      }
      if (event.key === "Escape") target.blur();
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target.form) {
        event.preventDefault();
        htmx.trigger(target.form, "submit");
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "r": focus(event, "reply-text"); break;
      case "n": {
        var note = document.getElementById("note-text");
        if (note) {
          event.preventDefault();
          var tool = note.closest("details");
          if (tool) tool.open = true;
          note.focus();
        }
        break;
      }
      case "/": {
        var search = document.getElementById("inbox-search");
        if (search) { event.preventDefault(); search.focus(); search.select(); }
        break;
      }
      case "e": click('[data-shortcut="e"]'); break;
      case "a": click('[data-shortcut="a"]'); break;
      case "p": click('[data-shortcut="p"]'); break;
      case "A": focus(event, "assignee"); break;
      case "N": click(".take-next"); break;
      case "b": if (ticked.size) focus(event, "bulk-assignee"); break;
      case "E": if (ticked.size) click('#bulk button[value="resolve"]'); break;
      case "t": focus(event, "tag-input"); break;
      case "x": {
        var open = document.querySelector("#conversation-list .row.selected .row-select");
        if (open) tick(open.value, !ticked.has(open.value));
        break;
      }
      case "?": toggleHelp(); break;
      case "Escape": toggleHelp(false); break;
      default: return;
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    if (target.closest("[data-help]")) toggleHelp(true);
    if (target.closest("[data-close-help]")) toggleHelp(false);
    var replyButton = target.closest("[data-reply-to]");
    if (replyButton) startSandboxReply(replyButton.dataset.replyTo);
    if (target.closest("[data-cancel-reply]")) cancelSandboxReply();
  });

  // Continuing a conversation: the note follows the chosen place until the agent edits it, and a first
  // private message is asked for where the customer would otherwise hear nothing.
  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (!radio.matches || !radio.matches(".continue-form input[name=target]")) return;
    var form = radio.form;
    var note = form.querySelector("textarea[name=note]");
    var previousDefault = note.dataset.shownDefault !== undefined ? note.dataset.shownDefault : note.defaultValue;
    if (note.value === previousDefault) note.value = radio.dataset.defaultNote || "";
    note.dataset.shownDefault = radio.dataset.defaultNote || "";
    var text = form.querySelector("textarea[name=text]");
    var needed = radio.dataset.textRequired === "true";
    text.required = needed;
    var optional = form.querySelector("#continue-text-optional");
    if (optional) optional.hidden = needed;
  });

  // Sandbox: reply to a post in its thread.
  function startSandboxReply(postId) {
    var field = document.getElementById("in-reply-to");
    if (!field) return;
    field.value = postId;
    document.getElementById("replying-to").textContent = "#" + postId;
    document.getElementById("replying").hidden = false;
    document.getElementById("is-private").checked = false;
    document.getElementById("post-text").focus();
  }

  function cancelSandboxReply() {
    var field = document.getElementById("in-reply-to");
    if (!field) return;
    field.value = "";
    document.getElementById("replying").hidden = true;
  }
})();
