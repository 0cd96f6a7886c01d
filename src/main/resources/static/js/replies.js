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
