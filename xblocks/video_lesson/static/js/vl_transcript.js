/* video_lesson: captions choice (remembered) and the interactive transcript built from the VTT. */
(function (VL) {
  "use strict";

  function seconds(stamp) {
    return stamp.trim().split(":").reduce(function (total, part) { return total * 60 + parseFloat(part); }, 0);
  }
  var ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&quot;": "\"", "&#39;": "'"};

  // [{start, end, text}] from a WebVTT document (cue tags removed; the text is shown as text).
  VL.parseVtt = function (text) {
    var cues = [];
    text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n"), i = 0;
      while (i < lines.length && lines[i].indexOf("-->") < 0) { i++; }
      if (i >= lines.length) { return; }
      var parts = lines[i].split("-->"), body = lines.slice(i + 1).join(" ")
        .replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|nbsp|quot|#39);/g, function (e) { return ENTITIES[e]; });
      var start = seconds(parts[0]), end = seconds((parts[1] || "").trim().split(/\s+/)[0] || "0");
      if (isFinite(start) && isFinite(end) && body.trim()) { cues.push({start: start, end: end, text: body.trim()}); }
    });
    return cues;
  };

  VL.Transcript = function (lesson) {
    var self = this, root = lesson.root;
    this.lesson = lesson;
    this.section = root.querySelector("[data-vl-transcript]");
    this.list = root.querySelector("[data-vl-cues]");
    this.toggle = root.querySelector("[data-vl-transcript-toggle]");
    this.select = root.querySelector("[data-vl-captions]");
    this.tracks = lesson.data.tracks;
    this.cues = [];
    this.items = [];
    this.current = -1;
    this.loaded = null;
    var fallback = this.tracks.filter(function (t) { return t["default"]; })[0] || this.tracks[0];
    this.defaultLang = fallback ? fallback.srclang : "";
    var stored = VL.store("captions");
    var known = this.tracks.some(function (t) { return t.srclang === stored; });
    this.lang = stored === "off" ? "" : (known ? stored : this.defaultLang);
    this.select.value = this.lang;
    this.select.addEventListener("change", function () {
      self.lang = self.select.value;
      VL.store("captions", self.lang || "off");
      self.apply();
      lesson.server.log("captions_changed", {language: self.lang || "off"});
      if (!self.section.hidden) { self.load(); }
    });
    this.toggle.addEventListener("click", function () { self.show(self.section.hidden); });
    this.list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-vl-cue]");
      if (button) { lesson.seekTo(self.cues[+button.getAttribute("data-vl-cue")].start, true); }
    });
  };
  var T = VL.Transcript.prototype;

  T.apply = function () { this.lesson.player.setCaptions(this.lang); };
  T.toggleCaptions = function () {
    this.lang = this.lang ? "" : (this.defaultLang || "");
    this.select.value = this.lang;
    VL.store("captions", this.lang || "off");
    this.apply();
  };
  T.show = function (visible) {
    this.section.hidden = !visible;
    this.toggle.setAttribute("aria-expanded", visible ? "true" : "false");
    if (visible) {
      this.load();
      this.lesson.server.log("transcript_used", {});
    }
  };
  T.load = function () {
    var self = this, lang = this.lang || this.defaultLang;
    var track = this.tracks.filter(function (t) { return t.srclang === lang; })[0] || this.tracks[0];
    if (!track || this.loaded === track.src) { return; }
    this.loaded = track.src;
    fetch(track.src, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (text) {
      self.render(VL.parseVtt(text), track.srclang);
    }).catch(function () {
      self.loaded = null;
      self.list.textContent = "";
      var item = document.createElement("li");
      item.textContent = self.lesson.s.transcriptFailed;
      self.list.appendChild(item);
    });
  };
  T.render = function (cues, lang) {
    var self = this;
    this.cues = cues;
    this.current = -1;
    this.list.textContent = "";
    this.list.setAttribute("lang", lang);
    this.items = cues.map(function (cue, index) {
      var item = document.createElement("li"), button = document.createElement("button"),
        time = document.createElement("span");
      button.type = "button";
      button.className = "vl-cue";
      button.setAttribute("data-vl-cue", String(index));
      time.className = "vl-cue-time";
      time.textContent = VL.clock(cue.start);
      button.appendChild(time);
      button.appendChild(document.createTextNode(cue.text));
      item.appendChild(button);
      self.list.appendChild(item);
      return button;
    });
    this.highlight(this.lesson.player.time());
  };
  T.highlight = function (t) {
    var index = -1;
    for (var i = 0; i < this.cues.length; i++) {
      if (this.cues[i].start <= t && t < this.cues[i].end) { index = i; break; }
    }
    if (index === this.current) { return; }
    if (this.current >= 0 && this.items[this.current]) { this.items[this.current].removeAttribute("aria-current"); }
    this.current = index;
    var item = this.items[index];
    if (!item) { return; }
    item.setAttribute("aria-current", "true");
    // Keep the line in view inside the list only, and not while the learner is using the list.
    if (!this.section.hidden && !this.list.contains(document.activeElement)) {
      var top = item.offsetTop - this.list.offsetTop;
      if (top < this.list.scrollTop || top > this.list.scrollTop + this.list.clientHeight - item.offsetHeight) {
        this.list.scrollTop = Math.max(0, top - this.list.clientHeight / 3);
      }
    }
  };
}(window.BemotandeVL = window.BemotandeVL || {}));
