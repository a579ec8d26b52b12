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
# longer white): photos' variants, pictures' copies and cards with a photo are redrawn.
PIXELS_VERSION = "2"
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
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        if profile:
            try:
                original = ImageCms.ImageCmsProfile(io.BytesIO(profile))
                image = ImageCms.profileToProfile(image, original, SRGB, outputMode=image.mode)
            except ImageCms.PyCMSError:
                pass  # an unreadable profile: the pixels are kept as they are
        if image.mode == "RGBA":
            flat = Image.new("RGB", image.size, "#ffffff")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        return Image.frombytes("RGB", image.size, image.tobytes())
