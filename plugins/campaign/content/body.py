"""A body's HTML: what Markdown may produce, nothing that runs or loads from elsewhere.

Writers paste embed codes (a video, a post, a form), tracking pixels, text from Word.
Two steps, on every body the reader converts (pages, feeds, letters and embeds all
reuse the reader's HTML):

- `body_problems` refuses, in French at the file's line, whatever would run a
  script or load from another site, saying what to write instead;
- `sanitise` keeps a short allowlist of tags and attributes (ammonia, through nh3),
  so that whatever `make check` did not name is dropped, never published.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

from . import addresses, limits, videos
from .model import Problem

# What Markdown and its `extra` extension produce (footnotes, tables, definition
# lists, abbreviations, attribute lists), and nothing else.
TAGS = {
    *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code"),
    *("ul", "ol", "li", "dl", "dt", "dd", "a", "em", "strong", "abbr", "sup", "sub"),
    *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "img"),
    *("figure", "figcaption", "div", "del", "ins", "kbd", "mark", "small", "s", "q", "cite"),
}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ATTRIBUTES = {
    **{tag: {"id"} for tag in HEADINGS},
    "a": {"href", "title", "id", "class"},  # footnote links: class="footnote-ref"
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "figure": {"class"},  # a video's link card (videos.py)
    "abbr": {"title"},
    "ol": {"start"},
    "li": {"id"},  # footnotes: id="fn:1"
    "sup": {"id"},  # footnote references: id="fnref:1"
    "div": {"class"},  # class="footnote"
    "code": {"class"},  # fenced code's language
    "th": {"style", "align"},  # Markdown's table alignment (style="text-align: left;")
    "td": {"style", "align"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Removed with their content, not only their tags: what they hold is not text.
DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "textarea", "title", "iframe"}


def _local_resource(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: an image's address must be on the site itself."""
    if tag == "img" and attribute == "src" and not is_local(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_local_resource,
    url_schemes=URL_SCHEMES,
    # Markdown's own alignment survives; any other style property is dropped.
    filter_style_properties={"text-align"},
    link_rel=None,  # links keep what Markdown wrote: the site's pages stay byte for byte
    strip_comments=True,
)


def sanitise(markup: str) -> str:
    """The HTML with only the allowed tags, attributes and addresses left."""
    return _CLEANER.clean(markup) if markup else markup


def is_local(address: str) -> bool:
    """An address on the site itself: relative, or starting with one « / »."""
    parts = addresses.split(address)
    if parts is None:
        return False
    return not parts.scheme and not parts.netloc and not address.strip().startswith("//")


def source_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """What is wrong in the Markdown text itself, before converting it."""
    return limits.markdown_problems(path, body, first_line) + limits.bidi_problems(
        path, body, first_line, "dans le texte"
    )


def body_problems(
    path: str, body: str, first_line: int, markup: str, clean: str | None = None
) -> list[Problem]:
    """What in a body's HTML (converted from `body`) would run or load from elsewhere.

    `clean` is `sanitise(markup)` when the caller has it already. Each problem is
    placed at the line of the body where its words first appear (the tag, the
    attribute, the address), else at the body's first line.
    """
    if markup == (sanitise(markup) if clean is None else clean):
        return []  # the usual case: nothing dropped, nothing to say
    finder = _Finder()
    finder.feed(markup)
    finder.close()
    problems, seen = [], set()
    for needle, message in finder.found:
        line = _line_of(body, needle, first_line)
        if (line, message) not in seen:
            seen.add((line, message))
            problems.append(Problem(path, line, message))
    return problems


def _line_of(body: str, needle: str, first_line: int) -> int:
    index = body.lower().find(needle.lower()) if needle else -1
    if index < 0:
        index = html.unescape(body).lower().find(needle.lower()) if needle else -1
    return first_line + (body.count("\n", 0, index) if index >= 0 else 0)


VIDEO_SITES = {
    "youtube": "YouTube",
    "youtu.be": "YouTube",
    "vimeo": "Vimeo",
    "dailymotion": "Dailymotion",
    "tiktok": "TikTok",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "twitter": "X (Twitter)",
    "x.com": "X (Twitter)",
    "twitch": "Twitch",
    "peertube": "PeerTube",
}
SCREENSHOT = (
    "mettez un lien vers la publication et une capture enregistrée dans content/images/, "
    "par exemple [![Description de la capture](/images/capture.jpg)](https://…)"
)
FORBIDDEN_TAGS = {
    "script": "un script (<script>) ne peut pas être publié : il s'exécuterait chez chaque "
    "lecteur ; retirez-le. Pour un code d'intégration (publication, sondage, carte) : "
    + SCREENSHOT,
    "style": "une feuille de style (<style>) ne peut pas être publiée : le thème fait la mise "
    "en page ; retirez-la",
    "object": "un objet intégré (<object>) chargerait un autre site : " + SCREENSHOT,
    "embed": "un objet intégré (<embed>) chargerait un autre site : " + SCREENSHOT,
    "applet": "une applet (<applet>) ne peut pas être publiée ; retirez-la",
    "frame": "un cadre (<frame>) chargerait un autre site : mettez un lien vers la page",
    "frameset": "un cadre (<frameset>) ne peut pas être publié : mettez un lien vers la page",
    "form": "un formulaire (<form>) enverrait les réponses des lecteurs ailleurs : mettez un "
    "lien vers le formulaire",
    "input": "un champ de formulaire (<input>) ne peut pas être publié : mettez un lien vers "
    "le formulaire",
    "button": "un bouton (<button>) ne peut pas être publié : mettez un lien",
    "link": "une balise <link> chargerait un fichier d'un autre site ; retirez-la",
    "meta": "une balise <meta> ne peut pas être dans le texte ; retirez-la",
    "base": "une balise <base> changerait l'adresse de tous les liens ; retirez-la",
    "svg": "un dessin SVG collé dans le texte peut contenir un script : enregistrez-le en "
    "PNG dans content/images/ et écrivez ![description](/images/nom.png)",
    "math": "une formule MathML ne peut pas être publiée : écrivez-la en texte ou en image "
    "dans content/images/",
    "video": "un lecteur vidéo (<video>) ne peut pas être publié : pour une vidéo en ligne, "
    "écrivez sur une ligne seule [![Titre de la vidéo](/images/videos/capture.jpg)](https://…) "
    "avec une image tirée de la vidéo dans content/images/videos/",
    "audio": "un son : mettez un lien vers l'enregistrement",
    "source": "une source de média (<source>) chargerait un autre site : " + SCREENSHOT,
    "track": "une piste de média (<track>) ne peut pas être publiée ; retirez-la",
    "picture": "une balise <picture> ne peut pas être publiée : écrivez "
    "![description](/images/nom.jpg) avec l'image dans content/images/",
    "portal": "une balise <portal> chargerait un autre site : mettez un lien",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "background", "cite", "data"}


class _Finder(HTMLParser):
    """Collects (words to find in the source, French message) for each forbidden thing."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            source = dict(attrs).get("src") or ""
            self.found.append((f"<{tag}", _iframe_message(source)))
        elif tag in FORBIDDEN_TAGS:
            self.found.append((f"<{tag}", FORBIDDEN_TAGS[tag]))
        else:  # a refused tag goes with its attributes: one message says it all
            self._attributes(tag, attrs)

    def _attributes(self, tag: str, attrs) -> None:
        for name, value in attrs:
            value = value or ""
            self._attribute(tag, name, value)

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.found.append(
                (name, f"« {name} » lancerait un script chez chaque lecteur ; retirez-le")
            )
        elif name == "style" and not _markdown_alignment(tag, value):
            self.found.append(
                (
                    "style",
                    "la mise en forme « style=… » n'est pas permise dans le texte : le thème "
                    "s'en charge ; retirez-la",
                )
            )
        elif name in ("srcset", "imagesrcset"):
            self.found.append(
                (
                    name,
                    f"« {name} » chargerait des images d'ailleurs ; gardez un seul « src » "
                    "vers une image de content/images/",
                )
            )
        elif name in URL_ATTRIBUTES and value:
            self._address(tag, name, value)

    def _address(self, tag: str, name: str, value: str) -> None:
        parts = addresses.split(value)
        scheme = parts.scheme.lower() if parts else ""
        if parts is None:
            self.found.append((value, addresses.UNREADABLE.format(address=value)))
        elif scheme and scheme not in URL_SCHEMES:
            self.found.append(
                (
                    f"{scheme}:",
                    f"adresse « {scheme}: » refusée : un lien commence par https://, "
                    "mailto: ou / (une page du site)",
                )
            )
        elif tag == "img" and name == "src" and not is_local(value):
            self.found.append(
                (
                    value,
                    f"image chargée depuis un autre site (« {value} ») : elle le préviendrait "
                    "de chaque lecture ; enregistrez-la dans content/images/ et écrivez "
                    "![description](/images/nom.jpg)",
                )
            )
        elif name not in ("href", "cite") and not is_local(value):
            self.found.append(
                (value, f"« {name} » chargerait « {value} » depuis un autre site ; retirez-le")
            )


def _markdown_alignment(tag: str, value: str) -> bool:
    """Markdown's own table alignment, the one style kept."""
    return (
        tag in ("th", "td") and re.fullmatch(r"text-align: (left|right|center);", value) is not None
    )


def _iframe_message(source: str) -> str:
    watch = videos.watch_address(source)
    name = videos.platform(watch or "")
    if watch and name:
        picture = f"/images/videos/{videos.video_name(watch)}.jpg"
        return (
            f"une vidéo {name} intégrée (<iframe>) chargerait {name} chez chaque lecteur : "
            "à la place, écrivez sur une ligne seule "
            f"[![Titre de la vidéo]({picture})]({watch}) et enregistrez une image tirée de "
            f"la vidéo (une capture d'écran) dans content{picture} ; la page montrera cette "
            "image et un lien vers la vidéo, sans rien charger de " + name
        )
    parts = addresses.split(source)
    host = parts.netloc.lower() if parts else ""
    for fragment, name in VIDEO_SITES.items():
        if fragment in host:
            return (
                f"une publication {name} intégrée (<iframe>) chargerait {name} chez "
                "chaque lecteur : " + SCREENSHOT
            )
    return "un cadre intégré (<iframe>) chargerait un autre site : " + SCREENSHOT
