/* Self-check at the end of a guide (content/selfcheck.py renders it). Without this
   script every question shows its answers and a "Xem đáp án" box; with it, each answer
   becomes a button and the reader sees at once whether it is right. Nothing is stored
   or sent: no cookie, no localStorage, no request. */
(function () {
  "use strict";
  function setup(question) {
    var items = question.querySelectorAll(".bdhvs-selfcheck__answer");
    var feedback = question.querySelector(".bdhvs-selfcheck__feedback");
    var key = question.querySelector(".bdhvs-selfcheck__answer-key p");
    var buttons = [];
    Array.prototype.forEach.call(items, function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bdhvs-selfcheck__choice";
      button.setAttribute("aria-pressed", "false");
      while (item.firstChild) { button.appendChild(item.firstChild); }
      item.appendChild(button);
      buttons.push(button);
      button.addEventListener("click", function () {
        var right = item.getAttribute("data-correct") === "true";
        Array.prototype.forEach.call(items, function (other, i) {
          other.classList.remove("is-right", "is-wrong");
          buttons[i].setAttribute("aria-pressed", other === item ? "true" : "false");
        });
        item.classList.add(right ? "is-right" : "is-wrong");
        if (!right) {
          var good = question.querySelector('.bdhvs-selfcheck__answer[data-correct="true"]');
          if (good) { good.classList.add("is-right"); }
        }
        var why = key ? key.textContent.replace(/\s+/g, " ").trim() : "";
        feedback.textContent = (right ? "Đúng rồi. " : "Chưa đúng. ") + why;
      });
    });
  }
  var questions = document.querySelectorAll('[data-bdhvs="self-check-question"]');
  Array.prototype.forEach.call(questions, setup);
})();
