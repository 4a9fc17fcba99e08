// eventwatch reader: link each highlighted claim in the text with its event card.
// Hovering or focusing a claim lights up its card(s), and the other way round.
// Event ids come from data attributes; nothing here writes HTML.
"use strict";

(function () {
  var text = document.getElementById("doctext");
  if (!text) {
    return;
  }
  var marks = Array.prototype.slice.call(text.querySelectorAll("mark[data-events]"));
  var cards = {};
  document.querySelectorAll(".card[data-event]").forEach(function (card) {
    cards[card.getAttribute("data-event")] = card;
  });

  function eventsOf(mark) {
    return (mark.getAttribute("data-events") || "").split(" ").filter(Boolean);
  }

  function light(ids, on) {
    ids.forEach(function (id) {
      if (cards[id]) {
        cards[id].classList.toggle("lit", on);
      }
    });
    marks.forEach(function (mark) {
      if (eventsOf(mark).some(function (id) { return ids.indexOf(id) !== -1; })) {
        mark.classList.toggle("lit", on);
      }
    });
  }

  marks.forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { light(eventsOf(mark), true); });
    mark.addEventListener("mouseleave", function () { light(eventsOf(mark), false); });
    mark.addEventListener("click", function () {
      var first = cards[eventsOf(mark)[0]];
      if (first) {
        first.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    });
  });
  Object.keys(cards).forEach(function (id) {
    cards[id].addEventListener("mouseenter", function () { light([id], true); });
    cards[id].addEventListener("mouseleave", function () { light([id], false); });
  });

  // Arriving at #ev-ID (from the events table or an event page): light that claim.
  function fromHash() {
    var match = /^#(?:ev|card)-(.+)$/.exec(window.location.hash);
    document.querySelectorAll(".lit, .target").forEach(function (node) {
      node.classList.remove("lit", "target");
    });
    if (match) {
      var id = decodeURIComponent(match[1]);
      light([id], true);
      marks.forEach(function (mark) {
        if (eventsOf(mark).indexOf(id) !== -1) {
          mark.classList.add("target");
        }
      });
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
