// Transcript <-> player: a click (or Enter/Space) on a word plays from it, the word being
// spoken is highlighted, arrow keys move between words (one tab stop per transcript).
(function () {
  "use strict";

  function play(audio, seconds) {
    audio.currentTime = seconds;
    var started = audio.play();
    if (started && started.catch) { started.catch(function () {}); }
  }

  function setUpAnswer(answer) {
    var audio = answer.querySelector("audio.candidate");
    var transcript = answer.querySelector(".transcript");
    if (!transcript) { return; }
    var all = Array.prototype.slice.call(transcript.querySelectorAll(".w"));
    var timed = all.filter(function (w) { return w.hasAttribute("data-start"); });
    var starts = timed.map(function (w) { return parseFloat(w.getAttribute("data-start")); });
    var current = null;

    function light(first, last, on) {
      for (var i = first; i <= last && i < all.length; i++) { all[i].classList.toggle("lit", on); }
    }
    Array.prototype.forEach.call(answer.querySelectorAll(".ev[data-first]"), function (ev) {
      var first = parseInt(ev.getAttribute("data-first"), 10);
      var last = parseInt(ev.getAttribute("data-last"), 10);
      ["mouseenter", "focus"].forEach(function (e) { ev.addEventListener(e, function () { light(first, last, true); }); });
      ["mouseleave", "blur"].forEach(function (e) { ev.addEventListener(e, function () { light(first, last, false); }); });
    });

    if (!audio || !timed.length) { return; }

    Array.prototype.forEach.call(answer.querySelectorAll(".seek[data-start]"), function (button) {
      button.addEventListener("click", function () { play(audio, parseFloat(button.getAttribute("data-start"))); });
    });

    timed.forEach(function (w, i) {
      w.setAttribute("role", "button");
      w.setAttribute("tabindex", i === 0 ? "0" : "-1");
      w.title = "Play from here";
      w.addEventListener("click", function () { focusWord(i, false); play(audio, starts[i]); });
    });

    function focusWord(i, move) {
      timed.forEach(function (w, k) { w.setAttribute("tabindex", k === i ? "0" : "-1"); });
      if (move) { timed[i].focus(); }
    }

    transcript.addEventListener("keydown", function (e) {
      var i = timed.indexOf(document.activeElement);
      if (i < 0) { return; }
      var next = null;
      if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
        e.preventDefault();
        play(audio, starts[i]);
        return;
      }
      if (e.key === "ArrowRight" || e.key === "ArrowDown") { next = Math.min(i + 1, timed.length - 1); }
      if (e.key === "ArrowLeft" || e.key === "ArrowUp") { next = Math.max(i - 1, 0); }
      if (e.key === "Home") { next = 0; }
      if (e.key === "End") { next = timed.length - 1; }
      if (next !== null) { e.preventDefault(); focusWord(next, true); }
    });

    function wordAt(t) {
      var lo = 0, hi = starts.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (starts[mid] <= t + 0.02) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      return found;
    }

    function show() {
      var t = audio.currentTime, i = wordAt(t), w = i >= 0 ? timed[i] : null;
      // In a silence after a word, nothing is being spoken: highlight nothing.
      if (w && t > parseFloat(w.getAttribute("data-end")) + 0.35) { w = null; }
      if (w === current) { return; }
      if (current) { current.classList.remove("now"); current.removeAttribute("aria-current"); }
      if (w) { w.classList.add("now"); w.setAttribute("aria-current", "true"); }
      current = w;
    }

    var frame = null;
    function tick() { show(); frame = audio.paused ? null : window.requestAnimationFrame(tick); }
    audio.addEventListener("timeupdate", show);
    audio.addEventListener("seeked", show);
    audio.addEventListener("play", function () { if (frame === null) { frame = window.requestAnimationFrame(tick); } });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".answer"), setUpAnswer);

  // One voice at a time: starting a player pauses the others.
  document.addEventListener("play", function (e) {
    Array.prototype.forEach.call(document.querySelectorAll("audio"), function (a) {
      if (a !== e.target) { a.pause(); }
    });
  }, true);
})();
