/* asylum_timeline: shared helpers and the server calls (state lives on the server). */
(function () {
  "use strict";
  var AT = window.AsylumTimeline = window.AsylumTimeline || {};

  /** Replace {name} placeholders in a translated string. */
  AT.fmt = function (text, params) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(params, key) ? params[key] : whole;
    });
  };

  AT.all = function (root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  };

  /** POST JSON; resolves with the reply, rejects with an Error carrying the server's message. */
  AT.post = function (url, data) { return window.BemotandeHttp.postJson(url, data); };

  /**
   * The learner's server: view_step, submit_order, submit_match. In preview (Studio) nothing is
   * sent or stored: viewing is kept in memory and quizzes are not graded.
   */
  AT.server = function (runtime, element, init, client) {
    var url = function (name) { return runtime.handlerUrl(element, name); };
    if (!init.preview) {
      // One request at a time per block and learner, also across tabs (BemotandeHttp.queue): the
      // LMS writes the learner's whole state at the end of each request, so overlapping ones lose writes.
      var queue = window.BemotandeHttp.queue(client || url("view_step"));
      var post = function (name, body) { return queue.post(url(name), body); };
      return {
        queue: queue, url: url,
        viewStep: function (id) { return post("view_step", {step_id: id}); },
        submitOrder: function (quiz, order) { return post("submit_order", {quiz: quiz, order: order}); },
        submitMatch: function (quiz, answers) { return post("submit_match", {quiz: quiz, answers: answers}); }
      };
    }
    var state = JSON.parse(JSON.stringify(init.state));
    return {
      viewStep: function (id) {
        if (state.viewed.indexOf(id) < 0) { state.viewed.push(id); state.steps_seen += 1; }
        return Promise.resolve(state);
      },
      submitOrder: function () { return Promise.reject(new Error(init.strings.preview)); },
      submitMatch: function () { return Promise.reject(new Error(init.strings.preview)); }
    };
  };
}());
