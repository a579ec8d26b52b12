/* Our part of the editor, served at /admin/ only: the preview pane drawn with the
   site's own stylesheet and markup (theme/templates/claim.html, _macros.html
   verdict_badge), so a writer sees the page as readers will; and the words of the
   save button. `h` is Decap's React.createElement. The verdict scale, the
   stylesheet's address and the publishing mode come from index.html, which the
   build writes from the settings. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("campaign-editor").textContent);
  var verdicts = {};
  data.verdicts.forEach(function (verdict) { verdicts[verdict.slug] = verdict; });
  CMS.registerPreviewStyle(new URL(data.stylesheet, document.baseURI).href);

  // Decap's French "new" button starts with a full-width plus (U+FF0B) that many
  // laptops' fonts lack: a plain one. Without the editorial workflow, its
  // "Publier" only writes the file: what goes public is the « Statut » field (and,
  // online, the publish workflow). Say so.
  var french = CMS.getLocale("fr");
  var top = Object.assign({}, french.collection.collectionTop, {newButton: "+ %{collectionLabel}"});
  french = Object.assign({}, french, {
    collection: Object.assign({}, french.collection, {collectionTop: top})
  });
  CMS.registerLocale("fr", french);
  if (data.simple) {
    var toolbar = Object.assign({}, french.editor.editorToolbar, {
      publish: "Enregistrer",
      published: "Enregistré",
      publishing: "Enregistrement...",
      publishNow: "Enregistrer maintenant",
      publishAndCreateNew: "Enregistrer et en créer un autre",
      publishAndDuplicate: "Enregistrer et dupliquer",
      deployButtonLabel: "Voir la page"
    });
    var editor = Object.assign({}, french.editor, {editorToolbar: toolbar});
    CMS.registerLocale("fr", Object.assign({}, french, {editor: editor}));
  }

  // A save the backend refuses (a title that names no file, say) is told in Decap's
  // French sentence, but with the error's English name before our own words
  // (« … : API_ERROR: le titre doit contenir… »): the writer reads French only.
  // Only the notices' text is touched (react-toastify's toasts).
  var ERROR_NAME = /\b(?:API_ERROR|Error): /g;
  function frenchNotice(node) {
    if (node.nodeType === 3) {
      var parent = node.parentElement;
      if (parent && parent.closest(".Toastify") && ERROR_NAME.test(node.nodeValue)) {
        node.nodeValue = node.nodeValue.replace(ERROR_NAME, "");
      }
      ERROR_NAME.lastIndex = 0;
    } else if (node.childNodes) {
      node.childNodes.forEach(frenchNotice);
    }
  }
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "characterData") frenchNotice(change.target);
      else change.addedNodes.forEach(frenchNotice);
    });
  }).observe(document.body, {childList: true, subtree: true, characterData: true});

  // Decap writes dates and times in the computer's own zone, and the site reads them
  // as Paris time: on a computer set to another zone (travelling, or UTC), a time
  // typed or proposed (« Maintenant ») would be off by the difference. Say so, on
  // every screen of the editor, while it is the case.
  function offsetFromParis(moment) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris", hourCycle: "h23", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit"
    }).formatToParts(moment).forEach(function (part) { parts[part.type] = part.value; });
    var paris = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
    var here = Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate(),
      moment.getHours(), moment.getMinutes());
    return Math.round((here - paris) / 60000);
  }
  var now = new Date();
  now.setSeconds(0, 0);
  var minutes = offsetFromParis(now);
  if (minutes !== 0) {
    var notice = document.createElement("p");
    notice.className = "campaign-zone";
    notice.setAttribute("role", "status");
    var hours = Math.abs(minutes) / 60;
    notice.textContent = "Attention : cet ordinateur n'est pas à l'heure de Paris (" +
      String(hours).replace(".", ",") + " h " + (minutes > 0 ? "d'avance" : "de retard") +
      "). Les dates et heures saisies ici sont lues comme heure de Paris : corrigez-les, " +
      "ou réglez l'ordinateur sur le fuseau de Paris.";
    notice.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:10000;margin:0;" +
      "padding:.6rem 1rem;background:#fff3cd;color:#1a1a1a;border-top:3px solid #8a5a00;" +
      "font:600 15px/1.4 system-ui,sans-serif";
    document.body.appendChild(notice);
  }

  function field(entry, name) {
    var value = entry.getIn(["data", name]);
    return value && value.toJS ? value.toJS() : value;
  }

  function badge(slug) {
    var verdict = verdicts[slug];
    if (!verdict) return h("p", {className: "draft"}, "Choisissez un verdict.");
    var gauge = verdict.rating === null ? "?" : [1, 2, 3, 4, 5].map(function (step) {
      return h("i", {key: step, className: step <= verdict.rating ? "on" : undefined});
    });
    return h("span", {
      className: "verdict verdict--" + verdict.slug + " verdict--large",
      style: {"--verdict": verdict.colour}
    },
      h("span", {className: "verdict__gauge", "aria-hidden": "true"}, gauge),
      h("span", {className: "visually-hidden"}, "Verdict : "), verdict.label,
      verdict.rating === null ? null :
        h("span", {className: "visually-hidden"}, " (" + verdict.rating + " sur 5)"));
  }

  function draftNotice(entry) {
    // No status: published; a promise's drafts are `draft: true` (its status is taken).
    if (field(entry, "status") !== "draft" && field(entry, "draft") !== true) return null;
    return h("p", {className: "draft", role: "status"},
      "Aperçu : ce contenu n'est pas publié (brouillon).");
  }

  function page(children) {
    return h("main", {id: "contenu"}, children);
  }

  function sourceItem(source, index) {
    return h("li", {key: index},
      h("a", {href: source.url}, source.title || source.url || "Source sans titre"),
      source.publisher ? ", " + source.publisher : null,
      source.date ? ", " + source.date : null,
      source.archive ? h("span", null, " (", h("a", {href: source.archive}, "copie archivée"), ")") : null);
  }

  function ClaimPreview(props) {
    var entry = props.entry;
    var sources = field(entry, "sources") || [];
    var figure = field(entry, "figure") || {};
    return page([
      h("div", {key: "notice"}, draftNotice(entry)),
      h("article", {key: "claim", className: "claim"},
        h("h1", null, field(entry, "title")),
        h("figure", {className: "quote"},
          h("blockquote", null, h("p", null, field(entry, "claim"))),
          h("figcaption", null, field(entry, "claimant"),
            field(entry, "claim_date") ? ", le " + field(entry, "claim_date") : null)),
        h("section", {className: "conclusion"},
          h("h2", null, "Notre verdict"),
          h("p", null, badge(field(entry, "verdict"))),
          h("p", {className: "summary"}, field(entry, "summary")),
          figure.value ? h("p", {className: "figure"}, h("strong", null, figure.value), " ", figure.label) : null),
        h("section", {className: "analysis"}, h("h2", null, "L'analyse"), props.widgetFor("body")),
        h("section", {className: "sources"}, h("h2", null, "Sources"), h("ol", null, sources.map(sourceItem))))
    ]);
  }

  function PostPreview(props) {
    var entry = props.entry;
    return page([
      h("div", {key: "notice"}, draftNotice(entry)),
      h("article", {key: "post", className: "post"},
        h("h1", null, field(entry, "title")),
        h("p", {className: "summary"}, field(entry, "summary")),
        props.widgetFor("body"))
    ]);
  }

  function SheetPreview(props) {
    var entry = props.entry;
    var figures = field(entry, "key_figures") || [];
    var points = field(entry, "arguments") || [];
    return page([
      h("div", {key: "notice"}, draftNotice(entry)),
      h("article", {key: "sheet", className: "sheet"},
        h("h1", null, field(entry, "title")),
        h("p", {className: "summary"}, field(entry, "pitch")),
        h("ul", null, figures.map(function (figure, index) {
          return h("li", {key: index}, h("strong", null, figure.value), " ", figure.label);
        })),
        h("ul", null, points.map(function (point, index) { return h("li", {key: index}, point); })),
        props.widgetFor("body"))
    ]);
  }

  // "2026-11-28 14:00" as the site writes it: « 28/11/2026 à 14 h ».
  function when(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?/.exec(value || "");
    if (!match) return "";
    var day = match[3] + "/" + match[2] + "/" + match[1];
    if (!match[4]) return day;
    return day + " à " + Number(match[4]) + "\u00a0h" + (match[5] === "00" ? "" : "\u00a0" + match[5]);
  }

  function districtsOf(entry) {
    var districts = field(entry, "districts") || [];
    return districts.length ? districts.join(", ") : "Tout Paris";
  }

  // templates/_macros.html, action_block: as it heads the share kits.
  function ActionPreview(props) {
    var entry = props.entry;
    var until = field(entry, "until");
    return page([
      h("div", {key: "notice"}, draftNotice(entry)),
      h("article", {key: "action", className: "action"},
        h("h2", {className: "action__title"}, field(entry, "title")),
        h("p", {className: "action__meta"},
          h("span", {className: "label"}, "Action du jour"), " · ", when(field(entry, "date")),
          " · ", districtsOf(entry), until ? " · jusqu'au " + when(until) + " inclus" : null),
        h("p", {className: "action__task"}, field(entry, "task")),
        field(entry, "item") ? h("p", {className: "action__item"}, "À partager : " + field(entry, "item")) : null)
    ]);
  }

  // templates/event.html: when, where, what.
  function EventPreview(props) {
    var entry = props.entry;
    var place = field(entry, "place") || {};
    var end = field(entry, "end");
    return page([
      h("div", {key: "notice"}, draftNotice(entry)),
      h("article", {key: "event", className: "event"},
        h("h1", null, field(entry, "title")),
        h("p", {className: "event__when"}, when(field(entry, "start")),
          end ? " – " + when(end) : null),
        h("p", {className: "event__place"}, [place.name, place.address].filter(Boolean).join(", "),
          " · ", districtsOf(entry)),
        h("p", {className: "summary"}, field(entry, "summary")),
        props.widgetFor("body"))
    ]);
  }

  // templates/promise.html: the words, who, when, then the dated steps, the last one
  // saying where the promise stands.
  function PromisePreview(props) {
    var entry = props.entry;
    var steps = field(entry, "history") || [];
    var last = steps.length ? steps[steps.length - 1] : null;
    var statuses = data.promise_statuses || {};
    var status = last ? statuses[last.status] : null;
    return page([
      h("div", {key: "notice"}, draftNotice(entry)),
      h("article", {key: "promise", className: "promise"},
        h("h1", null, field(entry, "title")),
        h("figure", {className: "quote"},
          h("blockquote", null, h("p", null, field(entry, "promise"))),
          h("figcaption", null, field(entry, "promiser"),
            field(entry, "promise_date") ? ", le " + when(field(entry, "promise_date")) : null)),
        status ? h("p", null, h("span", {
          className: "promise-status promise-status--large", style: {"--status": status.colour}
        }, h("span", {className: "visually-hidden"}, "Statut : "), status.label)) :
          h("p", {className: "draft"}, "Ajoutez une étape : la dernière dit où en est la promesse."),
        h("ol", {className: "promise__history"}, steps.map(function (step, index) {
          var label = statuses[step.status] ? statuses[step.status].label : step.status || "";
          return h("li", {key: index}, when(step.date), " · ", label, " : ", step.note);
        })),
        props.widgetFor("body"))
    ]);
  }

  CMS.registerPreviewTemplate("claims", ClaimPreview);
  CMS.registerPreviewTemplate("posts", PostPreview);
  CMS.registerPreviewTemplate("sheets", SheetPreview);
  CMS.registerPreviewTemplate("actions", ActionPreview);
  CMS.registerPreviewTemplate("events", EventPreview);
  CMS.registerPreviewTemplate("promises", PromisePreview);
})();
