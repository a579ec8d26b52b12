// Progressive enhancement: a "copy" button for each share text. Without
// JavaScript the buttons stay hidden and the text can be selected by hand.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var text = document.getElementById(button.dataset.copy).textContent.trim();
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = "Texte copié";
      setTimeout(function () { button.textContent = "Copier le texte"; }, 2000);
    });
  });
});
