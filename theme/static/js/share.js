// Progressive enhancement of the share blocks; without JavaScript the buttons stay
// hidden and every link still works (text to select by hand, image to download,
// one plain link per network).
//
// « Partager »: hands the text, the link and the card (a PNG file from this site)
// to the phone's own share sheet (Web Share API, level 2 for files). No SDK, no
// request anywhere but this site.
(function () {
  function textOf(id) {
    return document.getElementById(id).textContent.trim();
  }

  // A copy's outcome, said to screen readers (WCAG 4.1.3): the button's new label
  // alone is not read out. One live region, in the page from the start, emptied
  // after a while so that the next copy is announced again.
  var status = null;
  var quiet = null;
  function announce(message) {
    if (!status) return;
    clearTimeout(quiet);
    status.textContent = message;
    quiet = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  var copyButtons = document.querySelectorAll("button[data-copy]");
  if (copyButtons.length && navigator.clipboard) {
    status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    (document.getElementById("contenu") || document.body).appendChild(status);
  }
  copyButtons.forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(textOf(button.dataset.copy)).then(function () {
        button.textContent = "Texte copié";
        announce("Texte copié dans le presse-papiers.");
        setTimeout(function () { button.textContent = "Copier le texte"; }, 2000);
      }, function () {
        announce("Copie impossible : sélectionnez le texte à la main.");
      });
    });
  });

  if (!navigator.share) return;

  // The share text ends with the page's address: the link is handed apart.
  function withoutAddress(text, address) {
    var bare = address.split("?")[0];
    return text.endsWith(bare) ? text.slice(0, -bare.length).trim() : text;
  }

  function cardFile(button) {
    return fetch(button.dataset.shareCard)
      .then(function (response) { return response.ok ? response.blob() : null; })
      .then(function (blob) {
        return blob && new File([blob], button.dataset.shareName, { type: "image/png" });
      })
      .catch(function () { return null; });
  }

  document.querySelectorAll("button[data-share-text]").forEach(function (button) {
    // The card is fetched as the finger lands, so that the share sheet opens
    // within the tap's activation, as browsers require.
    var file = null;
    function fetchCard() { file = file || cardFile(button); return file; }
    button.hidden = false;
    button.addEventListener("pointerdown", fetchCard);
    button.addEventListener("focus", fetchCard);
    button.addEventListener("click", function () {
      var data = {
        title: button.dataset.shareTitle,
        text: withoutAddress(textOf(button.dataset.shareText), button.dataset.shareUrl),
        url: button.dataset.shareUrl,
      };
      fetchCard().then(function (file) {
        var withFile = file && { files: [file], title: data.title, text: data.text, url: data.url };
        var payload = withFile && navigator.canShare && navigator.canShare(withFile) ? withFile : data;
        return navigator.share(payload);
      }).catch(function () {
        // Cancelled by the volunteer, or refused: the links below are still there.
      });
    });
  });
})();
