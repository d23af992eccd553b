/* video_lesson: the learner view. Wires the player, the reflection points (pause, cannot-skip),
 * progress saving, the point list, transcript, recap and keyboard shortcuts. */
(function (VL) {
  "use strict";
  var TOLERANCE = 0.05;  // seconds: "at the point" for seeks and barriers

  VL.Lesson = function (runtime, element, root, data) {
    var self = this;
    this.root = root;
    this.data = data;
    this.s = data.strings;
    this.state = data.state;
    this.points = data.points;
    this.server = new VL.Server(runtime, element, data.client);
    this.watched = new VL.Watched();
    this.main = root.querySelector("[data-vl-main]");
    this.shown = {};         // optional points already shown in this visit
    this.segStart = 0;       // where the current stretch of playback started
    this.pauses = [];        // measured pause errors (read by the browser tests and the benchmark)
    this.lastSave = Date.now();
    root.vlLesson = this;
    this.dialog = new VL.Dialog(this);
    this.recap = new VL.Recap(this);
    this.createPlayer();
    this.transcript = root.querySelector("[data-vl-transcript]") ? new VL.Transcript(this) : null;
    this.bind();
    this.renderProgress();
    this.renderPoints();
  };
  var L = VL.Lesson.prototype;
  L.q = function (selector) { return this.root.querySelector(selector); };

  L.createPlayer = function () {
    var self = this, video = this.q("[data-vl-video]"), host = this.q("[data-vl-youtube]");
    if (video) {
      this.player = new VL.NativePlayer(video);
    } else {
      var status = this.q("[data-vl-yt-status]");
      this.player = new VL.YouTubePlayer(host, host.getAttribute("data-vl-youtube"), this.q(".vl-title").textContent,
        function () {  // no player: keep what works without one (transcript, questions, recap)
          status.textContent = self.s.youtubeFailed;
          status.classList.add("vl-error");
          Array.prototype.forEach.call(self.root.querySelectorAll("[data-vl-needs-player]"), function (node) {
            node.hidden = true;
          });
        });
      this.player.on("loadedmetadata", function () { status.hidden = true; });
    }
    var p = this.player;
    p.on("loadedmetadata", function () { self.onReady(); });
    p.on("frame", function () { self.tick(); });
    p.on("time", function () { self.tick(); });
    p.on("play", function () { self.onPlay(); });
    p.on("pause", function () { self.onPause(); });
    p.on("seeking", function () { self.onSeek(); });
    p.on("ended", function () { self.onEnded(); });
    p.on("ratechange", function () { self.q("[data-vl-speed]").value = String(p.rate()); });
  };

  // -- reflection points ------------------------------------------------------------------------
  L.answered = function (point) { return !!this.state.answers[point.id]; };
  L.barrier = function () {  // the earliest required point not yet answered: playback stops there
    var self = this;
    return this.points.filter(function (p) { return p.required && !self.answered(p); })[0] || null;
  };
  L.target = function () {   // the next point that should pause the video
    var self = this, barrier = this.barrier(), from = this.segStart - TOLERANCE;
    var next = this.points.filter(function (p) {
      return !self.answered(p) && !self.shown[p.id] && p.time >= from;
    })[0] || null;
    return barrier && (!next || barrier.time <= next.time) ? barrier : next;
  };
  L.tick = function () {
    var p = this.player;
    if (p.paused() || this.dialog.isOpen) { return; }
    var t = p.time();
    this.watched.tick(t, p.rate());
    this.updateClock(t);
    this.arm(t);
    if (Date.now() - this.lastSave > 10000) { this.save(false); }
  };
  // Pause exactly at the point: each frame (or time report) checks, and when the point is less
  // than a report away, a timer fires at the predicted moment.
  L.arm = function (t) {
    var self = this, point = this.target();
    clearTimeout(this.timer);
    if (!point) { return; }
    var wait = (point.time - t) / (this.player.rate() || 1);
    if (wait <= 0.002) { this.reach(point); return; }
    if (wait < 0.35) {
      this.timer = setTimeout(function () {
        if (!self.player.paused() && !self.dialog.isOpen) { self.arm(self.player.time()); }
      }, Math.max(0, wait * 1000 - 1));
    }
  };
  L.reach = function (point) {
    var p = this.player;
    clearTimeout(this.timer);
    p.pause();
    var stopped = p.time();
    this.pauses.push({id: point.id, time: point.time, stopped: stopped, error: stopped - point.time});
    if (stopped <= point.time + 1) { this.watched.tick(point.time, p.rate()); }
    // Never left before the point: the browser's controls show whole seconds rounded down (as VL.clock and
    // the dialog's label do), so 221.999 would read 3:41 under "Question at 3:42".
    if (stopped < point.time || stopped - point.time > 0.001) { this.seekTo(point.time, false, true); }
    this.segStart = point.time;
    this.updateClock(point.time);
    if (!point.required) { this.shown[point.id] = true; }
    this.announce(this.s.paused);
    this.server.log("paused_for_reflection", {reflection_id: point.id, position: VL.round(point.time)});
    this.save(false);
    this.dialog.open(point);
  };
  L.onDialogClosed = function (point, reason) {
    if (!point.required) { this.shown[point.id] = true; }  // once per visit, however it was opened
    if (reason === "dismiss") { this.server.log("reflection_dismissed", {reflection_id: point.id}); }
    if (reason === "dismiss" || reason === "continue") { this.player.play(); }
  };
  L.onAnswered = function (point, reply, text) {
    this.state.answers[point.id] = {text: text, submitted_at: reply.submitted_at, guidance: reply.guidance};
    delete this.state.drafts[point.id];
    this.applySummary(reply);
    this.renderPoints();
    this.recap.refresh();
    if (this.dialog.isOpen && this.dialog.point === point) { this.dialog.refresh(); }
  };

  // -- player events ----------------------------------------------------------------------------
  L.onReady = function () {
    if (this.readyDone) { return; }
    this.readyDone = true;
    var p = this.player, speed = parseFloat(VL.store("speed"));
    if (speed >= 0.75 && speed <= 2) { p.rate(speed); this.q("[data-vl-speed]").value = String(speed); }
    if (this.transcript) { this.transcript.apply(); }
    var position = this.state.position || 0, barrier = this.barrier(), duration = p.duration();
    if (barrier && position > barrier.time) { position = barrier.time; }
    if (position > 1 && (!duration || position < duration - 1)) {
      this.seekTo(position, false, true);
      this.announce(VL.fmt(this.s.resumed, {time: VL.clock(position)}));
    }
    this.segStart = position > 1 ? position : 0;
    this.updateClock(p.time());
  };
  L.onPlay = function () {
    if (this.dialog.isOpen) { this.player.pause(); return; }
    this.q("[data-vl-play]").textContent = this.s.pause;
    this.server.log("played", {position: VL.round(this.player.time())});
    // The server credits watched time no faster than wall time allows, counted from the learner's
    // first save: save when playback first starts, so the first ten seconds are not lost.
    if (!this.clockStarted) { this.clockStarted = true; this.save(false); }
    this.tick();
  };
  L.onPause = function () {
    clearTimeout(this.timer);
    this.q("[data-vl-play]").textContent = this.s.play;
    if (!this.dialog.isOpen) { this.save(false); }
  };
  L.onSeek = function () {
    var t = this.player.time(), barrier = this.barrier();
    this.watched.cut();
    clearTimeout(this.timer);
    this.updateClock(t);
    if (this.internalSeek) { this.internalSeek = false; this.segStart = t; return; }
    if (barrier && t > barrier.time + TOLERANCE) {  // a required question cannot be skipped
      this.player.pause();
      this.seekTo(barrier.time, false, true);
      this.segStart = barrier.time;
      this.announce(this.s.cannotSkip);
      this.server.log("seek_blocked", {reflection_id: barrier.id, position: VL.round(t)});
      if (!this.dialog.isOpen) { this.dialog.open(barrier); }
      return;
    }
    this.segStart = t;
    if (!this.player.paused()) { this.arm(t); }
  };
  L.onEnded = function () {
    this.save(false);
    if (this.points.length) { this.recap.show(false); }
  };
  L.seekTo = function (t, fromUser, internal) {
    this.internalSeek = !!internal;
    this.player.seek(t);
    if (fromUser && !this.player.paused()) { this.arm(t); }
  };
  L.goTo = function (point) {  // from the list: go to the point and open its question
    var barrier = this.barrier();
    if (barrier && point.time > barrier.time + TOLERANCE) {
      point = barrier;
      this.announce(this.s.cannotSkip);
    }
    this.player.pause();
    this.seekTo(point.time, false, true);
    this.segStart = point.time;
    this.dialog.open(point);
  };

  // -- saving and display -----------------------------------------------------------------------
  L.save = function (keepalive) {
    var self = this, ranges = this.watched.take(), duration = this.player.duration();
    var body = {position: VL.round(Math.max(0, this.player.time())), watched: ranges};
    if (duration) { body.duration = VL.round(duration); }
    this.lastSave = Date.now();
    // Queued behind any request in flight; a progress save still waiting absorbs this one.
    return this.server.post("save_progress", body, {keepalive: keepalive, coalesce: "progress",
      merge: VL.mergeProgress}).then(function (summary) {
      self.applySummary(summary);
    }, function () {
      self.watched.restore(ranges);
      self.announce(self.s.saveFailed);
    });
  };
  VL.mergeProgress = function (older, newer) {  // latest position and duration, every watched range
    var merged = {position: newer.position, watched: (older.watched || []).concat(newer.watched || [])};
    if (newer.duration || older.duration) { merged.duration = newer.duration || older.duration; }
    return merged;
  };
  L.applySummary = function (summary) {
    if (summary.completed && !this.state.completed) { this.announce(this.s.completed); }
    ["watched_percent", "answered", "total", "required_answered", "required_total", "completed"].forEach(function (key) {
      if (key in summary) { this.state[key] = summary[key]; }
    }, this);
    this.renderProgress();
  };
  L.renderProgress = function () {
    var s = this.s, st = this.state;
    this.q("[data-vl-meter]").value = st.watched_percent || 0;
    this.q("[data-vl-watched]").textContent = VL.fmt(s.watched, {percent: st.watched_percent || 0,
      needed: this.data.completionPercent});
    // Only required questions count for completion, and the line says so.
    this.q("[data-vl-answered]").textContent = st.required_total ?
      VL.fmt(s.reflections, {answered: st.required_answered || 0, total: st.required_total}) : s.noRequired;
    var done = this.q("[data-vl-done]");
    done.hidden = !st.completed;
    done.textContent = st.completed ? s.completed : "";
  };
  L.renderPoints = function () {
    var self = this;
    Array.prototype.forEach.call(this.root.querySelectorAll("[data-vl-point]"), function (item) {
      var answered = !!self.state.answers[item.getAttribute("data-vl-point")], status = item.querySelector("[data-vl-status]");
      status.textContent = answered ? self.s.answered : self.s.notAnswered;
      status.classList.toggle("vl-answered", answered);
    });
  };
  L.updateClock = function (t) {
    var d = this.player.duration() || this.data.duration || 0;
    this.q("[data-vl-time]").textContent = VL.fmt(this.s.timeOf, {current: VL.clock(t), duration: VL.clock(d)});
    if (this.transcript) { this.transcript.highlight(t); }
  };
  L.announce = function (text) {
    var region = this.q("[data-vl-announce]");
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  };
  L.point = function (id) { return this.points.filter(function (p) { return p.id === id; })[0]; };

  // -- controls ---------------------------------------------------------------------------------
  L.togglePlay = function () { if (this.player.paused()) { this.player.play(); } else { this.player.pause(); } };
  L.jump = function (delta) { this.seekTo(Math.max(0, this.player.time() + delta), true, false); };
  L.stepSpeed = function (direction) {
    var select = this.q("[data-vl-speed]"), index = select.selectedIndex + direction;
    if (index >= 0 && index < select.options.length) { select.selectedIndex = index; this.setSpeed(select.value); }
  };
  L.setSpeed = function (value) {
    this.player.rate(parseFloat(value));
    VL.store("speed", value);
    this.announce(VL.fmt(this.s.speedSet, {rate: value}));
    this.server.log("speed_changed", {speed: parseFloat(value)});
  };
  L.bind = function () {
    var self = this, q = function (s) { return self.q(s); };
    q("[data-vl-play]").addEventListener("click", function () { self.togglePlay(); });
    q("[data-vl-back]").addEventListener("click", function () { self.jump(-10); });
    q("[data-vl-forward]").addEventListener("click", function () { self.jump(10); });
    q("[data-vl-speed]").addEventListener("change", function (event) { self.setSpeed(event.target.value); });
    q("[data-vl-show-recap]").addEventListener("click", function () { self.recap.show(true); });
    q("[data-vl-area]").addEventListener("keydown", function (event) { self.onKey(event); });
    this.root.querySelector(".vl-point-list").addEventListener("click", function (event) {
      var item = event.target.closest("[data-vl-point]"), point = item && self.point(item.getAttribute("data-vl-point"));
      if (!point) { return; }
      if (event.target.closest("[data-vl-goto]")) { self.goTo(point); }
      if (event.target.closest("[data-vl-answer-here]")) { self.toggleInline(item, point, event.target); }
    });
    var leave = function () { if (document.visibilityState === "hidden") { self.save(true); } };
    document.addEventListener("visibilitychange", leave);
    window.addEventListener("pagehide", function () { self.save(true); });
  };
  L.toggleInline = function (item, point, button) {
    var host = item.querySelector("[data-vl-inline]"), open = host.hidden;
    host.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? this.s.hideAnswer : this.s.answerHere;
    if (open) { new VL.AnswerForm(this, point, host).text.focus(); } else { host.textContent = ""; }
  };
  L.onKey = function (event) {
    var tag = event.target.tagName;
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(tag)) { return; }
    var key = event.key.toLowerCase();
    if (key === "k") { this.togglePlay(); }
    else if (key === "j") { this.jump(-10); }
    else if (key === "l") { this.jump(10); }
    else if (key === "<" || key === ",") { this.stepSpeed(-1); }
    else if (key === ">" || key === ".") { this.stepSpeed(1); }
    else if (key === "c" && this.transcript) { this.transcript.toggleCaptions(); }
    else { return; }
    event.preventDefault();
  };
}(window.BemotandeVL = window.BemotandeVL || {}));

// The XBlock runtime calls this with (runtime, element[, initArgs]); the data travels in the
// block's own escaped JSON script element (see views.json_for_script).
function BemotandeVideoLesson(runtime, element, init) {
  "use strict";
  var node = element && element.jquery ? element[0] : element;
  var root = node && node.querySelector(".vl-block");
  var data = root && root.querySelector("[data-vl-data]");
  if (data) {
    var parsed = JSON.parse(data.textContent);
    parsed.client = init && init.client;  // this block and learner's key for the request queue
    new window.BemotandeVL.Lesson(runtime, node, root, parsed);
  }
  return {};
}
window.BemotandeVideoLesson = BemotandeVideoLesson;
