/* video_lesson: one player interface over the native <video> element and the YouTube IFrame API.
 * Both emit: loadedmetadata, play, pause, seeking, ended, ratechange, frame (as often as frames are
 * shown while playing), time (coarse timeupdate), error. */
(function (VL) {
  "use strict";

  function Emitter() { this.handlers = {}; }
  Emitter.prototype.on = function (name, fn) { (this.handlers[name] = this.handlers[name] || []).push(fn); };
  Emitter.prototype.emit = function (name, arg) {
    (this.handlers[name] || []).forEach(function (fn) { fn(arg); });
  };

  // Native video: requestVideoFrameCallback reports every presented frame where the browser has
  // it; timeupdate (about 4 times a second) is the fallback.
  VL.NativePlayer = function (video) {
    Emitter.call(this);
    var self = this;
    this.kind = "native";
    this.video = video;
    ["loadedmetadata", "play", "pause", "seeking", "ended", "ratechange", "error"].forEach(function (name) {
      video.addEventListener(name, function () { self.emit(name); });
    });
    video.addEventListener("timeupdate", function () { self.emit("time"); });
    if (typeof video.requestVideoFrameCallback === "function") {
      var onFrame = function () {
        self.emit("frame");
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    }
    if (video.readyState >= 1) { setTimeout(function () { self.emit("loadedmetadata"); }, 0); }
  };
  var N = VL.NativePlayer.prototype = Object.create(Emitter.prototype);
  N.time = function () { return this.video.currentTime || 0; };
  N.duration = function () { var d = this.video.duration; return isFinite(d) && d > 0 ? d : 0; };
  N.paused = function () { return this.video.paused || this.video.ended; };
  N.play = function () {
    var promise = this.video.play();
    if (promise && promise.catch) { promise.catch(function () { return null; }); }
  };
  N.pause = function () { this.video.pause(); };
  N.seek = function (t) { this.video.currentTime = Math.max(0, t); };
  N.rate = function (value) { if (value) { this.video.playbackRate = value; } return this.video.playbackRate || 1; };
  N.setCaptions = function (lang) {
    Array.prototype.forEach.call(this.video.textTracks, function (track) {
      if (track.kind === "captions" || track.kind === "subtitles") {
        track.mode = lang && track.language === lang ? "showing" : "disabled";
      }
    });
  };

  // The YouTube IFrame API is loaded only when a lesson uses YouTube, once per page.
  var api = null;
  function loadYouTubeApi(done, fail) {
    if (window.YT && window.YT.Player) { done(); return; }
    if (!api) {
      api = {waiting: [], failed: false};
      var previous = window.onYouTubeIframeAPIReady;
      var settle = function (ok) {
        if (api.settled) { return; }
        api.settled = true;
        api.failed = !ok;
        api.waiting.forEach(function (pair) { pair[ok ? 0 : 1](); });
      };
      window.onYouTubeIframeAPIReady = function () {
        if (typeof previous === "function") { previous(); }
        settle(true);
      };
      var script = document.createElement("script");
      script.src = "https://www.youtube.com/iframe_api";
      script.async = true;
      script.onerror = function () { settle(false); };
      document.head.appendChild(script);
      setTimeout(function () { settle(!!(window.YT && window.YT.Player)); }, 20000);
    }
    if (api.settled) { (api.failed ? fail : done)(); } else { api.waiting.push([done, fail]); }
  }

  VL.YouTubePlayer = function (host, videoId, title, onFail) {
    Emitter.call(this);
    var self = this;
    this.kind = "youtube";
    this.state = -1;
    this.yt = null;
    this.last = {t: 0, at: 0};
    loadYouTubeApi(function () {
      self.yt = new window.YT.Player(host, {
        videoId: videoId, host: "https://www.youtube-nocookie.com",
        playerVars: {rel: 0, playsinline: 1, cc_load_policy: 0, origin: window.location.origin},
        events: {
          onReady: function () {
            var frame = self.yt.getIframe && self.yt.getIframe();
            if (frame) { frame.setAttribute("title", title); }
            self.emit("loadedmetadata");
            self.loop();
          },
          onStateChange: function (event) { self.onState(event.data); },
          onPlaybackRateChange: function () { self.emit("ratechange"); },
          onError: function () { self.emit("error"); }
        }
      });
    }, onFail);
  };
  var Y = VL.YouTubePlayer.prototype = Object.create(Emitter.prototype);
  Y.onState = function (state) {
    var before = this.state;
    this.state = state;
    if (state === 1 && before !== 1) { this.emit("play"); }
    if (state === 2 && before !== 2) { this.emit("pause"); }
    if (state === 0) { this.emit("ended"); }
  };
  // The IFrame API has no frame or seek events: poll every animation frame and treat a jump in
  // time that playback cannot explain as a seek.
  Y.loop = function () {
    var self = this, now = performance.now(), t = this.time();
    var expected = this.last.t + (this.paused() ? 0 : (now - this.last.at) / 1000 * this.rate());
    if (Math.abs(t - expected) > 1) { this.emit("seeking"); }
    this.last = {t: t, at: now};
    if (!this.paused()) { this.emit("frame"); }
    window.requestAnimationFrame(function () { self.loop(); });
  };
  Y.time = function () { return this.yt && this.yt.getCurrentTime ? this.yt.getCurrentTime() || 0 : 0; };
  Y.duration = function () { return this.yt && this.yt.getDuration ? this.yt.getDuration() || 0 : 0; };
  Y.paused = function () { return this.state !== 1 && this.state !== 3; };
  Y.play = function () { if (this.yt) { this.yt.playVideo(); } };
  Y.pause = function () {
    if (this.yt) { this.yt.pauseVideo(); }
    this.onState(2);
  };
  Y.seek = function (t) {
    if (!this.yt) { return; }
    this.yt.seekTo(Math.max(0, t), true);
    this.last = {t: Math.max(0, t), at: performance.now()};
    this.emit("seeking");
  };
  Y.rate = function (value) {
    if (this.yt && value) { this.yt.setPlaybackRate(value); }
    return (this.yt && this.yt.getPlaybackRate && this.yt.getPlaybackRate()) || 1;
  };
  Y.setCaptions = function (lang) {
    if (!this.yt) { return; }
    if (lang) {
      this.yt.loadModule("captions");
      this.yt.setOption("captions", "track", {languageCode: lang});
    } else {
      this.yt.unloadModule("captions");
    }
  };
}(window.BemotandeVL = window.BemotandeVL || {}));
