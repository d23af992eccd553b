/* JSON calls to XBlock handlers for both blocks: POST JSON with Django's CSRF cookie sent back as
 * X-CSRFToken (the LMS, Studio and the workbench all require it). Defined once per page.
 *
 * The LMS keeps a block's learner state as one JSON document per learner and block, read when a
 * request starts and written whole when it ends, so two overlapping requests of one learner on one
 * block lose the first one's write. ``queue(key)`` therefore sends one request at a time per block
 * and learner: in this page (one queue per key), across tabs of the same browser (Web Locks API,
 * else a BroadcastChannel, else this page only), with waiting requests of the same kind coalesced.
 * ``pending(key)`` keeps learner text in localStorage until the server has acknowledged it. */
(function () {
  "use strict";
  if (window.BemotandeHttp) { return; }

  function csrfToken() {
    var found = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return found ? decodeURIComponent(found[1]) : "";
  }

  /** POST ``body`` as JSON. Resolves with the reply; rejects with an Error whose message is the
   * server's translated ``error`` text, carrying ``status`` and the reply as ``body``. */
  function postJson(url, body, keepalive) {
    return fetch(url, {
      method: "POST", credentials: "same-origin", keepalive: !!keepalive, body: JSON.stringify(body),
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()}
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || String(response.status));
          error.status = response.status;
          error.body = data;
          throw error;
        }
        return data;
      });
    });
  }

  // -- one request at a time across the tabs of this browser ------------------------------------

  /** Web Locks: the lock manager grants ``name`` to one holder at a time, in all tabs of the origin. */
  function webLock(name) {
    return function (task) { return navigator.locks.request(name, task); };
  }

  /** BroadcastChannel fallback: a tab announces "busy" and waits ``SETTLE`` ms; if another tab
   * announced at the same time the smaller id goes first; everyone else waits for its "free"
   * (or at most ``STALE`` ms, in case that tab was closed mid-request). */
  var SETTLE = 30, STALE = 15000;
  function channelLock(name) {
    var me = Math.random().toString(36).slice(2) + Date.now().toString(36);
    var channel = new BroadcastChannel(name), others = {}, wakers = [];
    var wake = function () { var list = wakers; wakers = []; list.forEach(function (fn) { fn(); }); };
    channel.onmessage = function (event) {
      var msg = event.data || {};
      if (msg.type === "busy") { others[msg.id] = Date.now(); }
      if (msg.type === "free") { delete others[msg.id]; }
      wake();
    };
    var blocked = function (claimed) {
      var now = Date.now();
      return Object.keys(others).some(function (id) {
        if (now - others[id] > STALE) { delete others[id]; return false; }
        return !claimed || id < me;
      });
    };
    var wait = function (ms) {
      return new Promise(function (resolve) { wakers.push(resolve); setTimeout(resolve, ms); });
    };
    var acquire = function () {
      if (blocked(false)) { return wait(STALE).then(acquire); }
      channel.postMessage({type: "busy", id: me});
      return new Promise(function (resolve) { setTimeout(resolve, SETTLE); }).then(function () {
        if (!blocked(true)) { return null; }
        channel.postMessage({type: "free", id: me});
        return wait(STALE).then(acquire);
      });
    };
    return function (task) {
      return acquire().then(function () {
        var release = function () { channel.postMessage({type: "free", id: me}); };
        return Promise.resolve().then(task).then(function (v) { release(); return v; },
          function (e) { release(); throw e; });
      });
    };
  }

  function inPageOnly(task) { return Promise.resolve().then(task); }

  function lockFor(name) {
    if (window.navigator && navigator.locks && navigator.locks.request) { return {kind: "web-locks", run: webLock(name)}; }
    if (typeof window.BroadcastChannel === "function") { return {kind: "broadcast-channel", run: channelLock(name)}; }
    return {kind: "page", run: inPageOnly};
  }

  // -- the queue ----------------------------------------------------------------------------------

  /** One queue per block instance and learner: requests are sent one after the other, each only
   * when the previous one has been answered (in this page and, through the lock, in other tabs). */
  function Queue(key) {
    var self = this;
    this.key = key;
    this.lock = lockFor("bemotande:" + key);
    this.waiting = [];
    this.busy = false;
    this.sent = 0;  // requests sent (read by the tests and the benchmark)
    this.leaving = false;
    // A page being closed cannot wait for its turn (nor for a lock): what is still waiting, and
    // what is posted while it closes, goes at once with keepalive.
    window.addEventListener("pagehide", function () { self.leaving = true; self.flushNow(); });
    window.addEventListener("pageshow", function () { self.leaving = false; });
  }
  var Q = Queue.prototype;

  /** Queue a POST of ``body`` to ``url``. ``options.coalesce``: a waiting (not yet sent) request
   * with the same value is replaced by this one, its body computed by ``options.merge(older,
   * newer)`` (default: the newer body); every caller's promise gets the reply of the request that
   * carried its body. ``options.keepalive``: send with fetch keepalive. */
  Q.post = function (url, body, options) {
    var self = this, opts = options || {}, job = null;
    if (opts.coalesce) {
      job = this.waiting.filter(function (j) { return j.coalesce === opts.coalesce && j.url === url; })[0] || null;
    }
    var promise = new Promise(function (resolve, reject) {
      if (job) {
        job.body = opts.merge ? opts.merge(job.body, body) : body;
        job.keepalive = job.keepalive || !!opts.keepalive;
        job.waiters.push({resolve: resolve, reject: reject});
        job.coalesced += 1;
        return;
      }
      self.waiting.push({url: url, body: body, coalesce: opts.coalesce || null, keepalive: !!opts.keepalive,
        waiters: [{resolve: resolve, reject: reject}], coalesced: 0});
    });
    if (this.leaving) { this.flushNow(); } else { this.pump(); }
    return promise;
  };

  Q.pump = function () {
    var self = this;
    if (this.busy || !this.waiting.length) { return; }
    this.busy = true;
    var job = this.waiting.shift();
    this.lock.run(function () {
      self.sent += 1;
      return postJson(job.url, job.body, job.keepalive).then(function (reply) {
        job.waiters.forEach(function (w) { w.resolve(reply); });
      }, function (error) {
        job.waiters.forEach(function (w) { w.reject(error); });
      });
    }).catch(function (error) {  // the lock itself failed: report it to the callers
      job.waiters.forEach(function (w) { w.reject(error); });
    }).then(function () {
      self.busy = false;
      self.pump();
    });
  };

  /** Send everything still waiting at once, with keepalive (the page is going away). */
  Q.flushNow = function () {
    var jobs = this.waiting;
    this.waiting = [];
    jobs.forEach(function (job) {
      postJson(job.url, job.body, true).then(function (reply) {
        job.waiters.forEach(function (w) { w.resolve(reply); });
      }, function (error) { job.waiters.forEach(function (w) { w.reject(error); }); });
    });
  };

  /** True while a request is in flight or waiting (tests, and pages deciding whether to warn). */
  Q.idle = function () { return !this.busy && !this.waiting.length; };

  var queues = {};
  function queue(key) {
    if (!queues[key]) { queues[key] = new Queue(key); }
    return queues[key];
  }

  // -- learner text kept in this browser until the server has it -----------------------------------

  /** localStorage under ``bemotande.pending.<key>``: ``{id: text}``. Storage may be unavailable
   * (privacy modes, quota): then nothing is kept and nothing fails. */
  function Pending(key) { this.name = "bemotande.pending." + key; }
  var P = Pending.prototype;
  P.all = function () {
    try { return JSON.parse(window.localStorage.getItem(this.name) || "{}") || {}; } catch (e) { return {}; }
  };
  P.write = function (all) {
    try {
      if (Object.keys(all).length) { window.localStorage.setItem(this.name, JSON.stringify(all)); }
      else { window.localStorage.removeItem(this.name); }
    } catch (e) { return false; }
    return true;
  };
  /** The text kept for ``id``, or null. */
  P.get = function (id) {
    var all = this.all();
    return typeof all[id] === "string" ? all[id] : null;
  };
  /** Keep ``text`` for ``id`` (the learner typed it; the server does not have it yet). */
  P.keep = function (id, text) {
    var all = this.all();
    all[id] = text;
    return this.write(all);
  };
  /** The server acknowledged ``text`` for ``id``: forget it, unless the learner has typed on since. */
  P.done = function (id, text) {
    var all = this.all();
    if (all[id] === text) { delete all[id]; this.write(all); }
  };

  function pending(key) { return new Pending(key); }

  window.BemotandeHttp = {csrfToken: csrfToken, postJson: postJson, queue: queue, pending: pending,
    lockKind: function (key) { return queue(key).lock.kind; }};
}());
