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
