"""A photo's pixels and nothing else: what every published photo is made from.

Upright (the EXIF orientation applied), in sRGB (the ICC profile applied), into a
new image whose `info` is empty: no EXIF (GPS, make, model, owner), no XMP, no
ICC profile, no comment can follow into a file saved from it.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageOps

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# Bump whenever the pixels made from a picture change (2: 16-bit greys kept, no
# longer white; 3: a PNG's transparent colour on white, a CMYK photo through its
# profile): photos' variants, pictures' copies and cards with a photo are redrawn.
PIXELS_VERSION = "3"
# The only decoders used (as content/pictures.py checks): none of Pillow's others,
# PostScript's (Ghostscript, a program) least of all.
READ_FORMATS = ("JPEG", "PNG", "WEBP")


def clean_pixels(source: str) -> Image.Image:
    """The photo upright, in sRGB, as a new image carrying nothing but its pixels."""
    with Image.open(source, formats=READ_FORMATS) as image:
        profile = image.info.get("icc_profile")
        image = ImageOps.exif_transpose(image)
        if image.mode.startswith("I"):
            # 16 bits of grey ("I;16", 0 to 65535): brought to 8 bits by scale, where
            # a plain conversion cuts every value above 255 to white.
            image = image.convert("I").point(lambda value: value / 257).convert("L")
        if image.mode == "CMYK" and profile:
            # A photo from a print designer: its profile says what colours its inks
            # make; converted without it, through Pillow's plain formula, they come
            # out dull or shifted. Applied before anything else reads the pixels.
            converted = to_srgb(image, profile, "RGB")
            if converted is not None:
                image, profile = converted, None
        # A PNG may make one colour transparent (a tRNS chunk, "transparency") rather
        # than carry an alpha channel: it goes on white like any transparent pixel.
        transparent = image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
        if profile:
            image = to_srgb(image, profile, image.mode) or image  # unreadable: as it is
        if image.mode == "RGBA":
            flat = Image.new("RGB", image.size, "#ffffff")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        return Image.frombytes("RGB", image.size, image.tobytes())


def to_srgb(image: Image.Image, profile: bytes, mode: str) -> Image.Image | None:
    """`image` from its ICC `profile` into sRGB, in `mode`; None if the profile
    cannot be read or does not fit the image (a grey profile on colours, say)."""
    try:
        original = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, original, SRGB, outputMode=mode)
    except ImageCms.PyCMSError:
        return None
