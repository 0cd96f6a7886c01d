/*
 * Heard web chat widget. Put it on any page:
 *
 *   <script src="https://heard.example/p/chat.js" data-account="KEY" defer></script>
 *
 * Options (data- attributes on the script tag): data-account (required, the key from Heard's Channels
 * page), data-title (header, default "Chat with us"), data-color (accent colour, default #2f5bea).
 * No framework, no build step; everything lives in a shadow root so the site's styles and the widget's
 * never touch. Customer and team text is always set as text, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.dataset.account || window.__heardChat) {
    return;
  }
  window.__heardChat = true;

  var base = new URL(script.src, location.href).origin;
  var key = script.dataset.account;
  var title = script.dataset.title || "Chat with us";
  var accent = /^#[0-9a-fA-F]{3,8}$/.test(script.dataset.color || "") ? script.dataset.color : "#2f5bea";
  var storeKey = "heard-chat:" + key;
  var api = base + "/p/chat/" + encodeURIComponent(key);

  var state = { pass: load(), passing: null, shown: {}, lastId: 0, stream: null, open: false };

  var host = document.createElement("div");
  host.setAttribute("data-heard-chat", "");
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial}" +
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:999px;padding:12px 18px;" +
    "background:var(--accent);color:#fff;font-size:15px;font-weight:600;box-shadow:0 4px 16px rgba(0,0,0,.2);cursor:pointer}" +
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}" +
    ".panel{position:fixed;right:20px;bottom:80px;z-index:2147483000;width:360px;max-width:calc(100vw - 24px);height:520px;" +
    "max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;color:#1d2330;border-radius:14px;" +
    "box-shadow:0 10px 40px rgba(0,0,0,.25);overflow:hidden}" +
    ".panel[hidden]{display:none}" +
    "header{background:var(--accent);color:#fff;padding:14px 16px;display:flex;align-items:flex-start;gap:8px}" +
    "header h2{margin:0;font-size:16px}header p{margin:4px 0 0;font-size:13px;opacity:.92}" +
    "header .close{margin-left:auto;background:transparent;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer}" +
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7fb;margin:0;list-style:none}" +
    ".line{max-width:82%;padding:8px 12px;border-radius:14px;font-size:14px;line-height:1.4;white-space:pre-wrap;overflow-wrap:anywhere}" +
    ".VISITOR{align-self:flex-end;background:var(--accent);color:#fff;border-bottom-right-radius:4px}" +
    ".TEAM{align-self:flex-start;background:#fff;border:1px solid #dde1ea;border-bottom-left-radius:4px}" +
    ".meta{display:block;font-size:11px;opacity:.75;margin-top:2px}" +
    ".empty{color:#5b6475;font-size:13px;text-align:center;margin:auto 8px}" +
    "details{padding:6px 12px 0;font-size:13px;color:#3b4457}details input{width:100%;margin:4px 0;padding:7px;border:1px solid #c9cfdb;border-radius:8px;font-size:14px}" +
    "form.send{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #e3e6ee}" +
    "textarea{flex:1;resize:none;height:44px;padding:10px;border:1px solid #c9cfdb;border-radius:10px;font-size:14px}" +
    "form.send button{border:0;border-radius:10px;padding:0 14px;background:var(--accent);color:#fff;font-weight:600;cursor:pointer}" +
    ".problem{color:#a11;font-size:12px;padding:0 12px 6px;margin:0}" +
    ".transcript{background:none;border:0;color:#3b4457;text-decoration:underline;font-size:12px;cursor:pointer;padding:0 12px 8px;text-align:left}" +
    "@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}}" +
    "</style>" +
    "<button class='launcher' type='button' aria-expanded='false'></button>" +
    "<section class='panel' hidden role='dialog' aria-label=''>" +
    "<header><div><h2></h2><p class='status'>&nbsp;</p></div>" +
    "<button class='close' type='button' aria-label='Close chat'>×</button></header>" +
    "<ol class='log' role='log' aria-live='polite'><li class='empty'>Ask us anything. A person from the team will answer here.</li></ol>" +
    "<details><summary>Add your name and email (optional)</summary>" +
    "<input name='name' autocomplete='name' placeholder='Your name' maxlength='100'>" +
    "<input name='email' type='email' autocomplete='email' placeholder='Email, so we can reach you if you leave' maxlength='200'></details>" +
    "<p class='problem' role='alert' hidden></p>" +
    "<button type='button' class='transcript' hidden>Email me this chat</button>" +
    "<form class='send'><label style='position:absolute;left:-9999px' for='heard-text'>Message</label>" +
    "<textarea id='heard-text' name='text' placeholder='Write a message…' maxlength='5000' required></textarea>" +
    "<button type='submit'>Send</button></form>" +
    "</section>";
  root.host.style.setProperty("--accent", accent);

  var launcher = root.querySelector(".launcher");
  var panel = root.querySelector(".panel");
  var log = root.querySelector(".log");
  var statusLine = root.querySelector(".status");
  var problem = root.querySelector(".problem");
  var form = root.querySelector("form.send");
  var textarea = root.querySelector("textarea");
  var transcriptButton = root.querySelector(".transcript");
  var details = root.querySelector("details");
  launcher.textContent = title;
  panel.setAttribute("aria-label", title);
  root.querySelector("h2").textContent = title;

  launcher.addEventListener("click", function () { toggle(!state.open); });
  root.querySelector(".close").addEventListener("click", function () { toggle(false); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { toggle(false); } });
  textarea.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  transcriptButton.addEventListener("click", emailTranscript);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = textarea.value.trim();
    if (!text) { return; }
    textarea.value = "";
    send({ id: uid(), text: text, name: field("name"), email: field("email") }, 0);
  });

  document.body.appendChild(host);
  if (state.pass) { start(); }

  function toggle(open) {
    state.open = open;
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      status();
      fetch(api).then(json).then(function (widget) { transcriptButton.hidden = !widget.transcriptByEmail; }).catch(function () {});
      ensurePass().then(start).catch(showProblem);
      textarea.focus();
    }
  }

  function status() {
    fetch(base + "/p/response-time").then(function (r) { return r.json(); }).then(function (badge) {
      statusLine.textContent = badge.open
        ? badge.text + "."
        : "We're away now, back " + badge.nextOpeningText + ". Leave a message and we'll answer then.";
    }).catch(function () { statusLine.textContent = ""; });
  }

  // One visitor, one pass: a message sent while the pass is still being made waits for that same pass. Two passes made
  // at once would split the chat in two, the reply going to the one the widget is not listening on.
  function ensurePass() {
    if (state.pass) { return Promise.resolve(state.pass); }
    if (!state.passing) {
      state.passing = fetch(api + "/session", { method: "POST" }).then(json).then(function (pass) {
        state.pass = pass;
        state.passing = null;
        try { localStorage.setItem(storeKey, JSON.stringify(pass)); } catch (ignored) { /* private mode */ }
        return pass;
      }, function (error) {
        state.passing = null;
        throw error;
      });
    }
    return state.passing;
  }

  function start() {
    if (state.stream) { return; }
    var query = "?visitor=" + encodeURIComponent(state.pass.visitor) + "&token=" + encodeURIComponent(state.pass.token);
    state.stream = new EventSource(api + "/stream" + query);
    // A reply sent while the stream was not open (before it first connected, while it reconnects) never comes down
    // it: each time it opens, the transcript is read, and lines already shown are skipped.
    state.stream.addEventListener("open", function () {
      fetch(api + "/lines" + query).then(json).then(function (lines) { lines.forEach(show); }).catch(function () {});
    });
    state.stream.addEventListener("line", function (e) { show(JSON.parse(e.data)); });
    state.stream.addEventListener("error", function () {
      if (state.stream && state.stream.readyState === EventSource.CLOSED) {
        state.stream = null;
        setTimeout(start, 3000);
      }
    });
  }

  function send(message, attempt) {
    var pending = show({ id: "local-" + message.id, side: "VISITOR", text: message.text, at: new Date().toISOString() });
    pending.querySelector(".meta").textContent = "Sending…";
    ensurePass().then(function (pass) {
      return fetch(base + "/hooks/webchat/" + encodeURIComponent(key), {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Heard-Visitor": pass.visitor, "X-Heard-Visitor-Token": pass.token },
        body: JSON.stringify(message)
      });
    }).then(function (response) {
      if (response.ok) {
        pending.querySelector(".meta").textContent = "Sent";
        problem.hidden = true;
        return;
      }
      if (response.status === 401 && attempt === 0) {
        forget();
        pending.remove();
        return send(message, 1);
      }
      if ((response.status === 503 || response.status === 429) && attempt < 5) {
        return retry(message, attempt, pending);
      }
      return response.json().then(function (p) { throw new Error(p.detail || "The message was not sent."); });
    }).catch(function (error) {
      if (error instanceof TypeError && attempt < 5) { return retry(message, attempt, pending); }
      pending.querySelector(".meta").textContent = "Not sent";
      showProblem(error);
    });
  }

  function emailTranscript() {
    var email = field("email");
    if (!email) {
      details.open = true;
      root.querySelector("input[name='email']").focus();
      showProblem(new Error("Enter your email above, then press “Email me this chat” again."));
      return;
    }
    ensurePass().then(function (pass) {
      var query = "?visitor=" + encodeURIComponent(pass.visitor) + "&token=" + encodeURIComponent(pass.token);
      return fetch(api + "/transcript" + query, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: email })
      });
    }).then(json).then(function () {
      problem.hidden = true;
      transcriptButton.textContent = "Sent to " + email;
    }).catch(showProblem);
  }

  function retry(message, attempt, pending) {
    pending.querySelector(".meta").textContent = "Waiting for the connection…";
    setTimeout(function () { pending.remove(); send(message, attempt + 1); }, 1000 * Math.pow(2, attempt));
  }

  function show(line) {
    if (state.shown[line.id]) { return state.shown[line.id]; }
    var sentHere = line.ref && state.shown["local-" + line.ref];
    if (sentHere) {
      state.shown[line.id] = sentHere;
      return sentHere;
    }
    var empty = log.querySelector(".empty");
    if (empty) { empty.remove(); }
    var item = document.createElement("li");
    item.className = "line " + (line.side === "TEAM" ? "TEAM" : "VISITOR");
    item.textContent = line.text;
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = (line.side === "TEAM" ? "Team · " : "") + new Date(line.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    item.appendChild(meta);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    state.shown[line.id] = item;
    if (line.side === "TEAM" && !state.open) { launcher.textContent = title + " · new reply"; }
    return item;
  }

  function showProblem(error) {
    problem.textContent = (error && error.message) || "The chat is not reachable right now.";
    problem.hidden = false;
  }

  function json(response) {
    if (!response.ok) {
      return response.json().catch(function () { return {}; }).then(function (p) {
        throw new Error(p.detail || "The chat is not reachable right now.");
      });
    }
    return response.json();
  }

  function field(name) {
    var value = root.querySelector("input[name='" + name + "']").value.trim();
    return value || null;
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)); } catch (ignored) { return null; }
  }

  function forget() {
    state.pass = null;
    if (state.stream) { state.stream.close(); state.stream = null; }
    try { localStorage.removeItem(storeKey); } catch (ignored) { /* private mode */ }
  }

  function uid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID().replace(/-/g, ""); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
})();
