// The composer's saved-reply picker: a chosen reply goes into the reply where the cursor is, for the agent to
// edit, and the preview refreshes. Text only: the reply's text travels in a data attribute and is set as the
// textarea's value, never as HTML. "s" opens the picker from anywhere in the inbox.
(function () {
  "use strict";

  function reply() {
    return document.getElementById("reply-text");
  }

  function insert(text) {
    var area = reply();
    if (!area) return;
    var start = area.selectionStart || 0;
    var end = area.selectionEnd || 0;
    var before = area.value.slice(0, start);
    var after = area.value.slice(end);
    var glue = before && !/\s$/.test(before) ? " " : "";
    area.value = before + glue + text + after;
    var caret = (before + glue + text).length;
    area.focus();
    area.setSelectionRange(caret, caret);
    area.dispatchEvent(new Event("input", { bubbles: true }));
    var picker = document.getElementById("saved-picker");
    if (picker) picker.open = false;
  }

  function choices() {
    return Array.prototype.slice.call(document.querySelectorAll("#saved-choices .saved-choice"));
  }

  function focusChoice(step) {
    var list = choices();
    if (!list.length) return;
    var current = list.indexOf(document.activeElement);
    var next = current < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, current + step));
    list[next].focus();
  }

  document.addEventListener("click", function (event) {
    var choice = event.target.closest && event.target.closest(".saved-choice[data-insert]");
    if (choice) insert(choice.dataset.insert);
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.closest || !target.closest("[data-saved-picker]")) {
      var typing = target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT";
      if (!typing && event.key === "s" && !event.ctrlKey && !event.metaKey && !event.altKey) {
        var picker = document.getElementById("saved-picker");
        if (picker) {
          event.preventDefault();
          picker.open = true;
          picker.querySelector("[data-saved-search]").focus();
        }
      }
      return;
    }
    if (event.key === "ArrowDown") { event.preventDefault(); focusChoice(1); }
    if (event.key === "ArrowUp") { event.preventDefault(); focusChoice(-1); }
    if (event.key === "Enter" && target.matches("[data-saved-search]")) {
      event.preventDefault();
      var first = choices()[0];
      if (first) insert(first.dataset.insert);
    }
    if (event.key === "Escape") {
      var open = document.getElementById("saved-picker");
      if (open) open.open = false;
      if (reply()) reply().focus();
    }
  });

  // Opening the picker puts the cursor in its search.
  document.addEventListener("toggle", function (event) {
    if (event.target.id === "saved-picker" && event.target.open) {
      var search = event.target.querySelector("[data-saved-search]");
      if (search && document.activeElement !== search) search.focus();
    }
  }, true);
})();

// Replies: "Edit and resubmit" for a reply sent back, the composer's Send later, and the approval queue's
// live refresh, which waits while an approver is writing.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-resubmit]");
    if (!button) return;
    var box = document.getElementById("reply-text");
    if (!box) return;
    box.value = button.getAttribute("data-text") || "";
    var visibility = button.getAttribute("data-visibility");
    var radio = visibility && document.querySelector("input[name=visibility][value=" + visibility + "]");
    if (radio) radio.checked = true;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
    box.scrollIntoView({ block: "center" });
  });

  // The Send button says what it will do: send now, or schedule.
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.matches || !field.matches("[data-send-later]")) return;
    var send = field.form && field.form.querySelector("[data-send]");
    if (send) send.textContent = field.value ? "Schedule" : "Send";
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-approval-edit]")) {
      event.target.setAttribute("data-edited", "true");
    }
  });

  // A change to the queue would replace what an approver is typing; show a link to the latest instead.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var queue = event.detail.elt;
    if (!queue || queue.id !== "approval-queue") return;
    var writing = queue.querySelector("[data-edited]") || (document.activeElement && queue.contains(document.activeElement)
        && document.activeElement.matches("textarea"));
    if (writing) {
      event.preventDefault();
      var stale = document.querySelector(".queue-stale");
      if (stale) stale.hidden = false;
    }
  });
})();
