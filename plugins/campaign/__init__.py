"""Campaign plugin: claims, posts, listings and the checks that guard them.

Pelican calls `register`; the plugin's wiring (signals, generators, settings) is
in pipeline.py, imported only then: importing the package itself loads nothing,
so a card worker (images/draw_cards.py) starts without Pelican and its templates.
"""


def register():
    from .pipeline import register as wire

    wire()
