"""Tier 3: the photos of a built site: stripped everywhere they are published,
never copied as they are, shown with their sizes, formats and alt text."""

import io

from bs4 import BeautifulSoup
from PIL import Image

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif")
# What a phone writes and none may publish: GPS, make, model, owner, date taken.
PRIVATE_TAGS = (0x8825, 0x010F, 0x0110, 0x013B, 0x9003)


def published_images(site):
    return [p for p in site.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]


def test_no_gps_or_camera_tag_in_any_published_image(site):
    images = published_images(site)
    assert any("photos" in str(p) for p in images) and any("cartes" in str(p) for p in images)
    for path in images:
        data = path.read_bytes()
        image = Image.open(io.BytesIO(data))
        exif = image.getexif()
        assert not [tag for tag in PRIVATE_TAGS if tag in exif], path
        assert not exif.get_ifd(0x8825), path
        assert "xmp" not in image.info and "icc_profile" not in image.info, path
        assert b"PhoneMaker" not in data and b"Telephone-Exemple" not in data, path


def test_the_original_pictures_are_published_only_stripped(site):
    # Pelican copies content/images/ (STATIC_PATHS): the plugin writes each picture
    # there from its pixels only, same name, same size.
    for name, size in (("reunion.jpg", (900, 600)), ("marche.jpg", (1000, 700))):
        image = Image.open(site / "images" / name)
        assert image.size == size and not image.getexif() and "icc_profile" not in image.info
    names = {path.name for path in published_images(site)}
    assert "reunion-800.jpg" in names and "reunion-800.avif" in names


def test_a_post_photo_has_every_format_its_size_and_alt(site):
    page = BeautifulSoup((site / "actualites/programme/index.html").read_text(), "html.parser")
    picture = page.find("picture")
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    img = picture.find("img")
    assert img["alt"] == "Une rue commerçante, des poubelles vertes sur le trottoir"
    assert (img["width"], img["height"]) == ("800", "560")
    assert img["src"].endswith("images/photos/marche-800.jpg")
    assert "marche-1000.jpg 1000w" in img["srcset"]
    assert not img.has_attr("loading")  # the post's lead photo, above the fold
    event = BeautifulSoup(
        (site / "agenda/reunion-logement-19e/index.html").read_text(), "html.parser"
    )
    assert event.find("picture").find("img")["loading"] == "lazy"  # below the text


def test_the_post_card_shows_its_photo(site):
    card = Image.open(site / "images/cartes/programme.png").convert("RGB")
    plain = Image.open(site / "images/cartes/velo-tout-paris.png").convert("RGB")
    assert card.getpixel((1100, 300)) != (255, 255, 255)
    assert plain.getpixel((1100, 300)) == (255, 255, 255)
