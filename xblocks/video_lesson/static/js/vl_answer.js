/* video_lesson: the answer form (in the dialog or under a point in the list) and the dialog. */
(function (VL) {
  "use strict";
  var counter = 0;

  // One form for one reflection point: live counter, debounced draft autosave, explicit submit.
  VL.AnswerForm = function (lesson, point, host) {
    var self = this, id = lesson.root.id + "-f" + (++counter);
    var node = lesson.root.querySelector("[data-vl-form-template]").content.firstElementChild.cloneNode(true);
    Array.prototype.forEach.call(node.querySelectorAll("[id],[for],[aria-describedby]"), function (el) {
      ["id", "for", "aria-describedby"].forEach(function (name) {
        if (el.hasAttribute(name)) { el.setAttribute(name, el.getAttribute(name).replace(/__ID__/g, id)); }
      });
    });
    host.textContent = "";
    host.appendChild(node);
    this.lesson = lesson;
    this.point = point;
    this.q = function (sel) { return node.querySelector(sel); };
    this.text = this.q("[data-vl-text]");
    this.message = this.q("[data-vl-message]");
    this.submitButton = this.q("[data-vl-submit]");
    this.q("[data-vl-hint]").textContent = point.hint;
    var answer = lesson.state.answers[point.id], draft = lesson.state.drafts[point.id];
    this.text.value = typeof draft === "string" ? draft : (answer ? answer.text : "");
    this.saved = this.text.value;
    this.text.addEventListener("input", function () { self.onInput(); });
    this.submitButton.addEventListener("click", function () { self.submit(); });
    this.showAnswered(answer);
    this.updateCount(true);
    this.liveAt = 0;
    this.restore();
  };
  var F = VL.AnswerForm.prototype;

  F.counts = function () {
    var value = this.text.value;
    return {words: VL.countWords(value), chars: VL.countChars(value)};
  };
  F.updateCount = function (quiet) {
    var s = this.lesson.s, c = this.counts(), max = this.point.maxChars;
    var text = VL.plural(s.words, c.words, {count: c.words}) + " · " + VL.fmt(s.chars, {count: c.chars, limit: max});
    var count = this.q("[data-vl-count]");
    count.textContent = text;
    count.classList.toggle("vl-over", c.chars > max);
    this.text.setAttribute("aria-invalid", c.chars > max ? "true" : "false");
    if (quiet) { return; }
    // The screen-reader copy is updated at most every 1.5 s, so typing is not drowned in announcements.
    var self = this, wait = this.liveAt + 1500 - Date.now();
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(function () {
      self.liveAt = Date.now();
      self.q("[data-vl-count-live]").textContent = self.q("[data-vl-count]").textContent;
    }, Math.max(0, wait));
  };
  // Text the server does not have yet (typed, sent but not answered, or over the limit) is kept in
  // this browser (BemotandeHttp.pending) and put back into the field when the page is opened again.
  F.restore = function () {
    var pending = this.lesson.server.pending, kept = pending.get(this.point.id);
    if (kept === null) { return; }
    if (kept === this.saved) { pending.done(this.point.id, kept); return; }
    this.text.value = kept;
    this.lesson.state.drafts[this.point.id] = kept;
    this.updateCount(true);
    this.draftStatus(this.lesson.s.draftRestored, false);
    if (!this.overLimit()) { this.saveDraft(); } else { this.draftStatus(this.tooLongStatus(), true); }
  };
  F.overLimit = function () { return this.counts().chars > this.point.maxChars; };
  F.tooLongStatus = function () { return VL.fmt(this.lesson.s.draftTooLong, {limit: this.point.maxChars}); };
  // Shown, not announced: a screen reader would otherwise hear it after every pause in typing (the
  // over-limit state is announced by the counter and aria-invalid).
  F.draftStatus = function (text, isError) {
    var status = this.q("[data-vl-draft]");
    status.textContent = text;
    status.classList.toggle("vl-error", !!isError);
  };
  F.onInput = function () {
    var self = this, value = this.text.value, pending = this.lesson.server.pending;
    this.updateCount(false);
    this.lesson.state.drafts[this.point.id] = value;
    if (value === this.saved) { pending.done(this.point.id, pending.get(this.point.id)); } else { pending.keep(this.point.id, value); }
    if (this.overLimit()) { this.draftStatus(this.tooLongStatus(), true); }
    else if (value !== this.saved) { this.draftStatus("", false); }
    if (this.shownProblem) { this.say(this.problem(), true, true); }  // a check that no longer holds goes
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(function () { self.saveDraft(); }, 800);
  };
  F.saveDraft = function () {
    var self = this, value = this.text.value, s = this.lesson.s, id = this.point.id;
    this.draftTimer = null;
    if (this.overLimit()) { this.draftStatus(this.tooLongStatus(), true); return; }
    if (value === this.saved) { return; }
    // One request at a time per block; a newer draft of this question replaces one still waiting.
    this.lesson.server.post("save_draft", {reflection_id: id, text: value}, {coalesce: "draft:" + id}).then(function () {
      self.saved = value;
      self.lesson.server.pending.done(id, value);
      if (self.text.value === value) { self.draftStatus(s.draftSaved, false); }
    }, function () { if (self.text.value === value) { self.draftStatus(s.draftKept, true); } });
  };
  F.say = function (text, isError, fromCheck) {
    this.message.textContent = text;
    this.message.classList.toggle("vl-error", !!isError && !!text);
    this.shownProblem = !!fromCheck && !!text;
  };
  F.problem = function () {
    var s = this.lesson.s, c = this.counts(), p = this.point;
    if (!this.text.value.trim()) { return s.empty; }
    if (c.chars > p.maxChars) { return VL.fmt(s.tooLong, {limit: p.maxChars}); }
    if (c.words < p.minWords) { return VL.plural(s.tooFew, p.minWords, {count: p.minWords}); }
    return "";
  };
  F.submit = function () {
    var self = this, value = this.text.value, problem = this.problem(), s = this.lesson.s;
    clearTimeout(this.draftTimer);
    if (problem) {
      this.say(problem, true, true);
      this.text.focus();
      return;
    }
    this.submitButton.disabled = true;
    this.lesson.server.post("submit_reflection", {reflection_id: this.point.id, text: value}).then(function (reply) {
      self.saved = value;
      self.lesson.server.pending.done(self.point.id, value);
      self.submitButton.disabled = false;
      self.lesson.onAnswered(self.point, reply, value);
      self.say(s.submitted, false);
      self.showAnswered(self.lesson.state.answers[self.point.id]);
      var guidance = self.q("[data-vl-guidance]");
      if (!guidance.hidden) { guidance.focus(); }
    }, function (error) {
      self.submitButton.disabled = false;
      self.say(error.status === 400 ? error.message : s.networkError, true);
    });
  };
  F.showAnswered = function (answer) {
    var guidance = this.q("[data-vl-guidance]");
    if (answer) { this.submitButton.textContent = this.lesson.s.resubmit; }
    // Guidance is author HTML, sanitised on the server against an allow-list.
    guidance.hidden = !(answer && answer.guidance);
    this.q("[data-vl-guidance-body]").innerHTML = answer && answer.guidance ? answer.guidance : "";
  };
  F.flush = function () {  // save a pending draft now (dialog closing, page hidden)
    if (this.draftTimer) { clearTimeout(this.draftTimer); this.saveDraft(); }
  };

  // The modal dialog the video pauses into: focus moved in and restored, Tab kept inside,
  // Esc closes questions that are not required (or already answered).
  VL.Dialog = function (lesson) {
    var self = this, root = lesson.root;
    this.lesson = lesson;
    this.backdrop = root.querySelector("[data-vl-backdrop]");
    this.box = root.querySelector("[data-vl-dialog]");
    this.later = root.querySelector("[data-vl-later]");
    this.cont = root.querySelector("[data-vl-continue]");
    this.isOpen = false;
    this.later.addEventListener("click", function () { self.close(self.canSkip() ? "dismiss" : "later"); });
    this.cont.addEventListener("click", function () { self.close("continue"); });
    this.backdrop.addEventListener("keydown", function (event) { self.onKey(event); });
  };
  var D = VL.Dialog.prototype;
  D.canSkip = function () { return !this.point.required || !!this.lesson.state.answers[this.point.id]; };
  D.open = function (point) {
    var lesson = this.lesson, root = lesson.root;
    if (this.isOpen) { this.close("replace"); }
    this.point = point;
    this.returnTo = document.activeElement;
    root.querySelector("[data-vl-dialog-title]").textContent = VL.fmt(lesson.s.questionAt, {time: point.timeLabel});
    root.querySelector("[data-vl-dialog-prompt]").innerHTML = point.prompt;  // sanitised author HTML
    this.form = new VL.AnswerForm(lesson, point, root.querySelector("[data-vl-dialog-form]"));
    // "Answer later" / "Continue" share the row of "Submit answer" while the dialog is open.
    var row = this.form.q("[data-vl-form-actions]");
    if (row) { row.appendChild(this.cont); row.appendChild(this.later); }
    this.refresh();
    this.backdrop.hidden = false;
    this.place();
    lesson.main.inert = true;
    this.isOpen = true;
    this.form.text.focus();
  };
  // Beside the player, not in the middle of the window: in the Learning MFE the unit is one iframe as
  // tall as its content (5000 px and more), where position: fixed would centre the dialog far from the
  // video. The backdrop covers the block; the dialog starts where the player does.
  D.place = function () {
    var root = this.lesson.root, player = root.querySelector("[data-vl-player]") || root;
    var offset = player.getBoundingClientRect().top - root.getBoundingClientRect().top;
    this.box.style.marginTop = Math.max(0, Math.round(offset)) + "px";
  };
  D.refresh = function () {
    var answered = !!this.lesson.state.answers[this.point.id];
    this.cont.hidden = !answered;
    this.later.hidden = answered;
    this.later.textContent = this.later.getAttribute(this.point.required ? "data-required-label" : "data-optional-label");
  };
  D.close = function (reason) {
    if (!this.isOpen) { return; }
    this.form.flush();
    this.isOpen = false;
    this.backdrop.hidden = true;
    this.lesson.main.inert = false;
    var target = this.returnTo;
    if (!target || !document.contains(target) || target === document.body) {
      target = this.lesson.root.querySelector("[data-vl-play]");
    }
    target.focus();
    if (reason !== "replace") { this.lesson.onDialogClosed(this.point, reason); }
  };
  D.onKey = function (event) {
    if (event.key === "Escape") {
      if (this.canSkip()) {
        event.preventDefault();
        this.close(this.lesson.state.answers[this.point.id] ? "continue" : "dismiss");
      }
      return;
    }
    if (event.key !== "Tab") { return; }
    var items = Array.prototype.filter.call(
      this.box.querySelectorAll("a[href], button, textarea, input, select, [tabindex='0']"),
      function (el) { return !el.disabled && el.offsetParent !== null; });
    if (!items.length) { return; }
    var first = items[0], last = items[items.length - 1];
    if (items.indexOf(document.activeElement) < 0) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    } else if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
  };
}(window.BemotandeVL = window.BemotandeVL || {}));
