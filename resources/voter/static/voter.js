/* Votum voter page: live updates (server-sent events, else polling) and casting a ballot
   without reloading. Plain ES5 so that old hospital browsers run it; without it the page
   is an ordinary form. */
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.XMLHttpRequest || !document.querySelector) {
    return;
  }
  var panelUrl = live.getAttribute("data-panel");
  var eventsUrl = live.getAttribute("data-events");
  var ballotUrl = live.getAttribute("data-ballot");
  var stateUrl = live.getAttribute("data-state");
  var lang = live.getAttribute("data-lang");
  var statusEl = document.getElementById("live-status");
  var loading = false;
  var wanted = null;
  var retryTimer = null;
  var retryDelay = 0;
  var polling = false;
  var pollTimer = null;
  var pollDelay = 0;
  var streamDelay = 0;
  var latest = "";
  var lagTimer = null;
  var lagDelay = 0;
  var POLL_EVERY = 3000;
  var MAX_DELAY = 30000;
  var CLOSED = window.EventSource && window.EventSource.CLOSED !== undefined ?
      window.EventSource.CLOSED : 2;

  function panel() { return document.getElementById("panel"); }
  function attr(name) { var p = panel(); return p ? p.getAttribute(name) : ""; }

  function setStatus(text) { if (statusEl) { statusEl.textContent = text; } }

  /* A refusal in the page's language: the API sends each language by itself. */
  function refusal(body) {
    var answer = JSON.parse(body);
    if (answer.messages && typeof answer.messages[lang] === "string") {
      return answer.messages[lang];
    }
    return String(answer.detail);
  }

  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.timeout = 20000;  /* a request that hangs counts as failed: the retry takes over */
    xhr.setRequestHeader("Accept", method === "GET" ? "text/html" : "application/json");
    if (body !== null) { xhr.setRequestHeader("Content-Type", "application/json"); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState === 4) { done(xhr); }
    };
    xhr.send(body);
  }

  function readForm() {
    var form = live.querySelector("form.ballot");
    if (!form) { return null; }
    var state = { question: attr("data-question"), checked: [], comment: "" };
    var inputs = form.querySelectorAll("input[name=choice]");
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) { state.checked.push(inputs[i].value); }
    }
    var comment = form.querySelector("textarea[name=comment]");
    state.comment = comment ? comment.value : "";
    return state;
  }

  function restoreForm(state) {
    var form = live.querySelector("form.ballot");
    if (!form || !state || state.question !== attr("data-question")) { return; }
    var inputs = form.querySelectorAll("input[name=choice]");
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].checked = state.checked.indexOf(inputs[i].value) >= 0;
    }
    var comment = form.querySelector("textarea[name=comment]");
    if (comment) { comment.value = state.comment; }
  }

  function showPanel(html, keepForm) {
    var before = keepForm ? readForm() : null;
    live.innerHTML = html;
    if (before) { restoreForm(before); }
    bind();
  }

  /* Fetch the panel; on any failure but 403 (link revoked: reload shows why) try again
     with growing pauses, so the page never stays behind the moderator. */
  function refresh(keepForm, then) {
    if (loading) { wanted = keepForm; return; }
    if (retryTimer !== null) { window.clearTimeout(retryTimer); retryTimer = null; }
    loading = true;
    request("GET", panelUrl, null, function (xhr) {
      loading = false;
      if (xhr.status === 403) {
        window.location.reload();
        return;
      }
      if (xhr.status === 200) {
        retryDelay = 0;
        setStatus("");
        showPanel(xhr.responseText, keepForm);
        if (then) { then(); }
        catchUp();
      } else {
        retryDelay = retryDelay ? Math.min(retryDelay * 2, MAX_DELAY) : 1000;
        setStatus(live.getAttribute("data-offline"));
        retryTimer = window.setTimeout(function () {
          retryTimer = null;
          refresh(keepForm, then);
        }, retryDelay);
      }
      if (wanted !== null) { var again = wanted; wanted = null; refresh(again); }
    });
  }

  function onVersion(version) {
    if (!version) { return; }
    latest = version;
    lagDelay = 0;
    if (window.votumCheckin) { window.votumCheckin.follow(version); }
    if (version !== attr("data-version")) { refresh(true); }
  }

  /* A panel older than the change the stream announced (a process or a proxy behind by
     a moment) would otherwise stay until the next change: ask again, a little later each
     time, until they agree (a few tries; the next announced change starts over). */
  function catchUp() {
    if (lagTimer !== null) { window.clearTimeout(lagTimer); lagTimer = null; }
    if (!latest || latest === attr("data-version") || lagDelay >= 4000) { return; }
    lagDelay = lagDelay ? lagDelay * 2 : 250;
    lagTimer = window.setTimeout(function () {
      lagTimer = null;
      refresh(true);
    }, lagDelay);
  }

  function submit(event) {
    if (event && event.preventDefault) { event.preventDefault(); }
    var form = live.querySelector("form.ballot");
    var state = readForm();
    var errorBox = form.querySelector(".js-error");
    var button = form.querySelector("button[type=submit]");
    var ids = [];
    var abstain = false;
    for (var i = 0; i < state.checked.length; i++) {
      if (state.checked[i] === "abstain") { abstain = true; } else { ids.push(parseInt(state.checked[i], 10)); }
    }
    var body = JSON.stringify({
      question_id: parseInt(form.elements.question_id.value, 10),
      option_ids: ids,
      abstain: abstain,
      comment: state.comment
    });
    button.disabled = true;
    setStatus(live.getAttribute("data-sending"));
    request("POST", ballotUrl, body, function (xhr) {
      button.disabled = false;
      setStatus("");
      if (xhr.status === 200) {
        refresh(false, function () {
          var stored = document.getElementById("stored");
          if (stored && stored.focus) { stored.setAttribute("tabindex", "-1"); stored.focus(); }
        });
        return;
      }
      var message = "HTTP " + xhr.status;
      try { message = refusal(xhr.responseText); } catch (e) { /* keep */ }
      if (xhr.status === 0) { message = live.getAttribute("data-offline"); }
      errorBox.textContent = message;
      errorBox.removeAttribute("hidden");
      var stands = live.querySelector(".still-stands");
      if (stands) { stands.removeAttribute("hidden"); }
      if (xhr.status === 409) { refresh(true); }
    });
    return false;
  }

  /* A box that stands alone ("Keine Empfehlung", abstain) clears the others when checked,
     and checking another clears it. */
  function exclusive(event) {
    var box = event && event.target ? event.target : window.event && window.event.srcElement;
    if (!box || box.type !== "checkbox" || !box.checked) { return; }
    var alone = box.getAttribute("data-exclusive") === "1";
    var boxes = live.querySelectorAll("form.ballot input[type=checkbox][name=choice]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i] !== box && (alone || boxes[i].getAttribute("data-exclusive") === "1")) {
        boxes[i].checked = false;
      }
    }
  }

  function bind() {
    var form = live.querySelector("form.ballot");
    if (form) { form.onsubmit = submit; form.onchange = exclusive; }
    var hints = live.querySelectorAll(".js-only");
    for (var i = 0; i < hints.length; i++) { hints[i].removeAttribute("hidden"); }
  }

  /* Polling: for browsers without EventSource, and while the event stream is refused. */
  function poll() {
    pollTimer = null;
    var xhr = new XMLHttpRequest();
    xhr.open("GET", stateUrl, true);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      if (xhr.status === 403) { window.location.reload(); return; }
      if (xhr.status === 200) {
        pollDelay = POLL_EVERY;
        if (retryTimer === null) { setStatus(""); }
        try { onVersion(JSON.parse(xhr.responseText).version); } catch (e) { /* ignore */ }
      } else {
        pollDelay = Math.min(pollDelay * 2, MAX_DELAY);
        setStatus(live.getAttribute("data-offline"));
      }
      if (polling) { pollTimer = window.setTimeout(poll, pollDelay); }
    };
    xhr.send(null);
  }

  function startPolling() {
    if (polling) { return; }
    polling = true;
    pollDelay = POLL_EVERY;
    pollTimer = window.setTimeout(poll, 0);
  }

  function stopPolling() {
    polling = false;
    if (pollTimer !== null) { window.clearTimeout(pollTimer); pollTimer = null; }
  }

  /* Server-sent events. The browser reconnects by itself after a dropped stream, but gives
     up for good on an error answer (429, 5xx): then poll, and open a new stream later. */
  function listen() {
    if (!window.EventSource) { startPolling(); return; }
    var source = new window.EventSource(eventsUrl);
    source.addEventListener("state", function (event) {
      streamDelay = 0;
      stopPolling();
      if (retryTimer === null) { setStatus(""); }
      onVersion(event.data);
    }, false);
    source.onerror = function () {
      if (!polling) { setStatus(live.getAttribute("data-offline")); }
      if (source.readyState === CLOSED) {
        source.close();
        startPolling();
        streamDelay = streamDelay ? Math.min(streamDelay * 2, MAX_DELAY) : 5000;
        window.setTimeout(listen, streamDelay);
      }
    };
  }

  bind();
  listen();
}());

/* The check-in ("Who is here from our site?"): saved without reloading the page, a gentle
   hint under an EFN whose check digit fails (as typed), and a button for another person.
   Without this script the same form posts and the page comes back. */
(function () {
  "use strict";
  if (!window.XMLHttpRequest || !document.querySelector || !window.JSON) { return; }
  var PREFIX = "80276";

  function section() { return document.getElementById("checkin"); }

  function luhnValid(digits) {
    var total = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = parseInt(digits.charAt(digits.length - 1 - i), 10);
      if (i % 2 === 1) { d *= 2; if (d > 9) { d -= 9; } }
      total += d;
    }
    return total % 10 === 0;
  }

  /* The same rule as the server's (app.services.cme.efn_problem). */
  function efnHint(raw) {
    var box = section();
    var efn = raw.replace(/[\s-]/g, "");
    if (!efn) { return ""; }
    if (!/^[0-9]{15}$/.test(efn)) { return box.getAttribute("data-hint-digits"); }
    if (efn.indexOf(PREFIX) !== 0) { return box.getAttribute("data-hint-prefix"); }
    if (!luhnValid(efn)) { return box.getAttribute("data-hint-check-digit"); }
    return "";
  }

  function showHint(input) {
    var hint = document.getElementById(input.getAttribute("aria-describedby"));
    if (!hint) { return; }
    var text = efnHint(input.value);
    hint.textContent = text;
    if (text) {
      hint.removeAttribute("hidden");
      input.setAttribute("aria-invalid", "true");
    } else {
      hint.setAttribute("hidden", "");
      input.removeAttribute("aria-invalid");
    }
  }

  function refusal(body, lang) {
    var answer = JSON.parse(body);
    if (answer.messages && typeof answer.messages[lang] === "string") {
      return answer.messages[lang];
    }
    return String(answer.detail);
  }

  function people(form) {
    var list = [];
    var sets = form.querySelectorAll("fieldset.person");
    for (var i = 0; i < sets.length; i++) {
      var remove = sets[i].querySelector("input[name=remove]");
      if (remove && remove.checked) { continue; }
      var person = {
        name: sets[i].querySelector("input[name=name]").value,
        efn: sets[i].querySelector("input[name=efn]").value,
        role: sets[i].querySelector("input[name=role]").value
      };
      if (person.name || person.efn || person.role) { list.push(person); }
    }
    return list;
  }

  function parse(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    return holder.querySelector("#checkin");
  }

  function focusOn(el) {
    if (el && el.focus) { el.setAttribute("tabindex", "-1"); el.focus(); }
  }

  function replaceSection(html, focusSaved) {
    var old = section();
    var fresh = parse(html);
    if (!old || !fresh) { return; }
    old.parentNode.replaceChild(fresh, old);
    bind();
    if (focusSaved) { focusOn(document.getElementById("checkin-saved")); }
  }

  function showError(text) {
    var box = section().querySelector(".checkin-messages");
    var title = section().getAttribute("data-error-title") || "";
    box.innerHTML = "";
    var notice = document.createElement("div");
    notice.className = "notice error";
    notice.setAttribute("role", "alert");
    notice.textContent = (title ? title + ": " : "") + text;
    box.appendChild(notice);
  }

  function send(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.timeout = 20000;
    xhr.setRequestHeader("Accept", body === null ? "text/html" : "application/json");
    if (body !== null) { xhr.setRequestHeader("Content-Type", "application/json"); }
    xhr.onreadystatechange = function () { if (xhr.readyState === 4) { done(xhr); } };
    xhr.send(body);
  }

  function submit(event) {
    if (event && event.preventDefault) { event.preventDefault(); }
    var box = section();
    var form = box.querySelector("form.checkin-form");
    var button = form.querySelector("button.save");
    var lang = box.getAttribute("data-lang");
    button.disabled = true;
    send("PUT", box.getAttribute("data-api"), JSON.stringify({ attendees: people(form) }),
      function (xhr) {
        button.disabled = false;
        if (xhr.status === 200) {
          send("GET", box.getAttribute("data-section") + "&saved=1", null, function (page) {
            if (page.status === 200) { replaceSection(page.responseText, true); }
          });
          return;
        }
        var message = "HTTP " + xhr.status;
        try { message = refusal(xhr.responseText, lang); } catch (e) { /* keep */ }
        if (xhr.status === 0) { message = document.getElementById("live").getAttribute("data-offline"); }
        showError(message);
      });
    return false;
  }

  /* Following the moderator: the pages' version ends in the check-in's state ("|open",
     "|closed", "+held"), which the section carries as data-checkin. When they differ the
     section is fetched again: a closed check-in replaces the section at once (the form
     can no longer be saved); a reopened one only a closed section, so that nothing a site
     is typing is lost. A server a moment behind is asked again a few times. */
  var following = false;
  var wantedState = "";
  var lag = 0;

  function follow(version) {
    var cut = version.lastIndexOf("|");
    if (cut < 0) { return; }
    wantedState = version.substring(cut + 1);
    lag = 0;
    fetchSection();
  }

  function fetchSection() {
    var box = section();
    if (following || !box || !wantedState || wantedState === box.getAttribute("data-checkin")) {
      return;
    }
    following = true;
    send("GET", box.getAttribute("data-section"), null, function (xhr) {
      following = false;
      var now = section();
      var fresh = xhr.status === 200 ? parse(xhr.responseText) : null;
      if (now && fresh) {
        var inside = document.activeElement && now.contains(document.activeElement);
        if (!fresh.querySelector("form.checkin-form") || !now.querySelector("form.checkin-form")) {
          replaceSection(xhr.responseText, false);
          if (inside) { focusOn(document.getElementById("checkin-closed") || section()); }
        } else {
          now.setAttribute("data-checkin", fresh.getAttribute("data-checkin"));
        }
      }
      now = section();
      if (now && now.getAttribute("data-checkin") !== wantedState && lag < 4000) {
        /* behind, or failed: again a little later */
        lag = lag ? lag * 2 : 250;
        window.setTimeout(fetchSection, lag);
      }
    });
  }

  window.votumCheckin = { follow: follow };

  function addRow() {
    var form = section().querySelector("form.checkin-form");
    var blanks = form.querySelectorAll("fieldset.person.blank");
    var all = form.querySelectorAll("fieldset.person");
    if (!blanks.length) { return; }
    var copy = blanks[blanks.length - 1].cloneNode(true);
    var n = all.length;
    var inputs = copy.querySelectorAll("input, label, p");
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.id) { el.id = el.id.replace(/-[0-9]+$/, "-" + n); }
      if (el.htmlFor) { el.htmlFor = el.htmlFor.replace(/-[0-9]+$/, "-" + n); }
      if (el.getAttribute("aria-describedby")) {
        el.setAttribute("aria-describedby", "efn-hint-" + n);
      }
      if (el.tagName === "INPUT") { el.value = ""; el.removeAttribute("aria-invalid"); }
      if (el.tagName === "P") { el.textContent = ""; el.setAttribute("hidden", ""); }
    }
    all[all.length - 1].parentNode.insertBefore(copy, all[all.length - 1].nextSibling);
    bindInputs(copy);
    copy.querySelector("input[name=name]").focus();
  }

  function bindInputs(root) {
    var efns = root.querySelectorAll("input[name=efn]");
    for (var i = 0; i < efns.length; i++) {
      efns[i].oninput = function () { showHint(this); };
    }
  }

  function bind() {
    var box = section();
    if (!box) { return; }
    var form = box.querySelector("form.checkin-form");
    if (!form) { return; }
    form.onsubmit = submit;
    var add = form.querySelector("button.add-row");
    if (add) { add.removeAttribute("hidden"); add.onclick = addRow; }
    bindInputs(form);
  }

  bind();
}());
