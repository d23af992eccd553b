/* video_lesson: shared helpers, server calls and watched-range tracking. */
(function (VL) {
  "use strict";

  VL.fmt = function (template, params) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return params && Object.prototype.hasOwnProperty.call(params, key) ? params[key] : whole;
    });
  };
  VL.plural = function (forms, count, params) {
    return VL.fmt(count === 1 ? forms.one : forms.other, params || {count: count});
  };
  VL.clock = function (seconds) {
    var s = Math.max(0, Math.floor(seconds || 0)), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    var sec = ("0" + (s % 60)).slice(-2);
    return h ? h + ":" + ("0" + m).slice(-2) + ":" + sec : m + ":" + sec;
  };
  // The server's rule (lesson.count_words): whitespace-separated tokens holding a letter or digit.
  VL.countWords = function (text) {
    return (text.match(/\S+/g) || []).filter(function (t) { return /[\p{L}\p{N}]/u.test(t); }).length;
  };
  VL.countChars = function (text) { return Array.from(text).length; };
  VL.round = function (value) { return Math.round(value * 1000) / 1000; };
  VL.store = function (key, value) {  // localStorage, which may be unavailable (privacy modes)
    try {
      if (value === undefined) { return window.localStorage.getItem("bemotande.vl." + key); }
      window.localStorage.setItem("bemotande.vl." + key, value);
    } catch (e) { return null; }
    return value;
  };

  // JSON handler calls (CSRF header), one at a time per block and learner, also across tabs
  // (BemotandeHttp.queue); ``client`` is the server's key for this block and learner.
  VL.Server = function (runtime, element, client) {
    this.runtime = runtime;
    this.element = element;
    var key = client || runtime.handlerUrl(element, "save_draft");
    this.queue = window.BemotandeHttp.queue(key);
    this.pending = window.BemotandeHttp.pending(key);
  };
  // ``options``: {keepalive, coalesce, merge} (see BemotandeHttp.queue); a boolean is keepalive.
  VL.Server.prototype.post = function (handler, body, options) {
    var opts = typeof options === "object" && options ? options : {keepalive: !!options};
    return this.queue.post(this.runtime.handlerUrl(this.element, handler), body, opts);
  };
  VL.Server.prototype.log = function (event, extra) {  // writes no learner state: not queued
    var body = {event: event};
    Object.keys(extra || {}).forEach(function (key) { body[key] = extra[key]; });
    return window.BemotandeHttp.postJson(this.runtime.handlerUrl(this.element, "log_event"), body)
      .catch(function () { return null; });
  };

  // Ranges of the video really played, collected from the player's time reports; the server
  // merges them with what it has and decides the watched share itself.
  VL.Watched = function () { this.ranges = []; this.current = null; };
  VL.Watched.prototype.tick = function (t, rate) {
    var c = this.current, gap = 1.5 * Math.max(1, rate || 1);
    if (c && t >= c[1] - 0.05 && t - c[1] <= gap) {
      if (t > c[1]) { c[1] = t; }
      return;
    }
    this.current = [t, t];
    this.ranges.push(this.current);
    if (this.ranges.length > 400) { this.ranges.shift(); }
  };
  VL.Watched.prototype.cut = function () { this.current = null; };
  VL.Watched.prototype.take = function () {
    var out = this.ranges.filter(function (r) { return r[1] - r[0] > 0.001; })
      .map(function (r) { return [VL.round(r[0]), VL.round(r[1])]; });
    this.ranges = this.current ? [this.current] : [];
    return out;
  };
  VL.Watched.prototype.restore = function (taken) {  // after a failed save: send them again later
    this.ranges = taken.concat(this.ranges).slice(-400);
  };
}(window.BemotandeVL = window.BemotandeVL || {}));
