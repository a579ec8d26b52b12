"""Tier 1: photos are published without any metadata, upright, resized, the same
bytes every time; a card with a photo carries nothing but pixels either."""

import io
import os

import pytest
from PIL import Image, ImageCms

from campaign.images.cards import CardSpec, render_card
from campaign.images.photos import PhotoCache, plan, render_variant, stripped_copy

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(path, size=(1600, 1000), orientation=1):
    """A JPEG as a phone writes it: GPS, make and model, XMP, an ICC profile."""
    image = Image.new("RGB", size, "#2f4f7f")
    image.paste("#c0392b", (0, 0, size[0] // 2, size[1] // 4))  # a red corner, top left
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[ORIENTATION] = "PhoneMaker", "Model 12", orientation
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 30.0), 3: "E", 4: (2.0, 21.0, 7.0)}
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", exif=exif, icc_profile=icc, xmp=b"<x:xmpmeta>GPS</x:xmpmeta>")
    return str(path)


def metadata_of(data: bytes) -> dict:
    image = Image.open(io.BytesIO(data))
    image.load()
    kept = {k: v for k, v in image.info.items() if k in ("exif", "xmp", "icc_profile", "comment")}
    exif = image.getexif()
    return {**kept, **({"tags": dict(exif)} if exif else {})}


@pytest.mark.parametrize("fmt", ["jpeg", "webp", "avif"])
def test_every_variant_is_stripped_and_stable(tmp_path, fmt):
    photo = plan(phone_photo(tmp_path / "p.jpg"), "Une photo", "images/photos")
    for variant in photo.of_format(fmt):
        data = render_variant(photo.source, variant)
        assert metadata_of(data) == {}
        assert b"PhoneMaker" not in data and b"GPS" not in data
        assert Image.open(io.BytesIO(data)).size == (variant.width, variant.height)
        assert data == render_variant(photo.source, variant)  # same input, same bytes


def test_variants_never_wider_than_the_source(tmp_path):
    photo = plan(phone_photo(tmp_path / "p.jpg", size=(1000, 700)), "x", "images/photos")
    assert [v.width for v in photo.of_format("jpeg")] == [480, 800, 1000]
    assert photo.fallback.url == "images/photos/p-800.jpg"
    assert photo.srcset("webp").startswith("images/photos/p-480.webp 480w, ")
    assert photo.formats == ["avif", "webp"]


def test_a_phone_photo_taken_sideways_is_published_upright(tmp_path):
    # Stored 1600x1000 with "turn 90°" in its EXIF: shown 1000 wide, 1600 high.
    photo = plan(phone_photo(tmp_path / "p.jpg", orientation=6), "x", "images/photos")
    largest = photo.largest
    assert (largest.width, largest.height) == (1000, 1600)
    image = Image.open(io.BytesIO(render_variant(photo.source, largest)))
    assert image.size == (1000, 1600)
    assert image.getpixel((900, 100))[0] > 150  # the red corner is now top right


def test_variants_are_made_once_in_the_cache(tmp_path):
    photo = plan(phone_photo(tmp_path / "p.jpg"), "x", "images/photos")
    cache = PhotoCache(str(tmp_path / "cache"))
    variant = photo.variants[0]
    path = cache.ensure(photo, variant)
    before = (tmp_path / "cache").stat().st_mtime_ns, open(path, "rb").read()
    assert cache.ensure(photo, variant) == path
    assert ((tmp_path / "cache").stat().st_mtime_ns, open(path, "rb").read()) == before


def test_a_photo_replaced_under_its_name_gives_its_own_variants(tmp_path):
    """The build decodes a photo once for its nine variants: a photo replaced while
    `make serve` runs (same name, same size, same date) is decoded again."""
    path = tmp_path / "p.jpg"
    phone_photo(path)
    stat = path.stat()
    first = plan(str(path), "x", "images/photos")
    before = render_variant(first.source, first.largest)
    Image.new("RGB", (1600, 1000), "#1e8449").save(path, "JPEG")  # all green now
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = plan(str(path), "x", "images/photos")
    after = Image.open(io.BytesIO(render_variant(second.source, second.largest)))
    assert after.getpixel((10, 10))[1] > 100 and after.getpixel((10, 10))[0] < 60
    assert render_variant(second.source, second.largest) != before


def test_a_card_with_a_photo_shows_it_as_a_band_and_keeps_no_metadata(tmp_path):
    source = phone_photo(tmp_path / "p.jpg")
    spec = CardSpec("post", "Réunion publique", "jeudi", "Campagne", "Rendez-vous")
    with_photo = CardSpec(**{**vars(spec), "photo": source, "photo_hash": "x"})
    data = render_card(with_photo)
    assert metadata_of(data) == {} and b"PhoneMaker" not in data
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (1200, 630)
    assert image.getpixel((1100, 400)) != (255, 255, 255)  # the photo, right of the text
    plain = Image.open(io.BytesIO(render_card(spec))).convert("RGB")
    assert plain.getpixel((1100, 400)) == (255, 255, 255)


def test_the_check_accepts_exactly_what_the_build_strips():
    # content/ may not import images/ (docs/architecture.md): the two lists agree here.
    from campaign.content import pictures
    from campaign.images import photos, strip

    assert set(pictures.STRIPPED_SUFFIXES) == set(photos.STATIC_FORMATS)
    assert pictures.FORMATS == strip.READ_FORMATS


def test_a_16_bit_grey_photo_keeps_its_greys(tmp_path):
    # A black-and-white photo exported in 16 bits (a scan, Lightroom, GIMP): Pillow
    # reads it as "I;16", 0 to 65535; converted as it was, every grey above 255
    # came out white, and the whole photo was published as a white rectangle.
    ramp = Image.linear_gradient("L").resize((1600, 1000))  # black at the top, white below
    deep = Image.new("I", ramp.size)
    deep.paste(ramp.convert("I").point(lambda value: value * 257))
    source = tmp_path / "gris.png"
    deep.convert("I;16").save(source)
    assert Image.open(source).mode == "I;16"
    photo = plan(str(source), "x", "images/photos")
    variant = Image.open(io.BytesIO(render_variant(photo.source, photo.fallback)))
    copy = Image.open(io.BytesIO(stripped_copy(str(source))))
    for image in (variant.convert("L"), copy.convert("L")):
        top, middle, bottom = (image.getpixel((400, y * image.height // 100)) for y in (1, 50, 99))
        assert top < 10 and 110 < middle < 145 and bottom > 245


def test_a_png_s_transparent_colour_is_published_on_white(tmp_path):
    """A PNG may make one colour transparent (a tRNS chunk) instead of carrying an
    alpha channel, as drawing programs do for a logo: that colour is published on
    white, as any transparent pixel is, not as the colour hidden under it."""
    image = Image.new("RGB", (1600, 1000), (0, 0, 0))
    image.paste((200, 30, 40), (400, 250, 1200, 750))
    source = tmp_path / "logo.png"
    image.save(source, transparency=(0, 0, 0))
    assert "transparency" in Image.open(source).info
    photo = plan(str(source), "x", "images/photos")
    variant = Image.open(io.BytesIO(render_variant(photo.source, photo.fallback))).convert("RGB")
    copy = Image.open(io.BytesIO(stripped_copy(str(source)))).convert("RGB")
    for published in (variant, copy):
        corner = published.getpixel((5, 5))
        middle = published.getpixel((published.width // 2, published.height // 2))
        assert min(corner) > 245, corner  # white, not black
        assert middle[0] > 150 and middle[1] < 80, middle  # the red kept


def test_a_cmyk_photo_whose_profile_does_not_fit_is_converted_plainly(tmp_path):
    """A CMYK JPEG (from a print designer) goes through its own profile when it has a
    CMYK one; with a profile that cannot apply (here an RGB one), through Pillow's
    plain formula, never an error."""
    image = Image.new("CMYK", (1600, 1000), (0, 255, 255, 0))  # full magenta and yellow: red
    source = tmp_path / "affiche.jpg"
    image.save(source, "JPEG", icc_profile=ImageCms.ImageCmsProfile(
        ImageCms.createProfile("sRGB")).tobytes())  # fmt: skip
    copy = Image.open(io.BytesIO(stripped_copy(str(source))))
    assert copy.mode == "RGB" and metadata_of(stripped_copy(str(source))) == {}
    red, green, blue = copy.getpixel((800, 500))
    assert red > 200 and green < 60 and blue < 60


def test_new_photos_are_made_on_two_cores_the_same_bytes(tmp_path, monkeypatch):
    """A first build with several new photos makes them in two processes (this one
    from the front of the list, a forked one from the back): every variant is in
    the cache, the same bytes as made alone, each photo made once however often
    it is shown."""
    from campaign.generators import photos as generator

    sources = [
        phone_photo(tmp_path / f"photo-{n}.jpg", size=(1000 + 40 * n, 700)) for n in range(4)
    ]
    sets = [plan(source, "x", "images/photos") for source in sources]
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    cache = PhotoCache(str(tmp_path / "cache"))
    generator.make_beside(cache, [*sets, sets[0]])  # one photo shown twice
    assert forks == [1]
    for photo in sets:
        for variant in photo.variants:
            path = cache.path(variant)
            assert open(path, "rb").read() == render_variant(photo.source, variant), path
    # Nothing left to make: no process forked.
    generator.make_beside(cache, sets)
    assert forks == [1]
