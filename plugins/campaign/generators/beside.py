"""Generators whose pages are written by a process forked from the build.

After the claim, post and sheet pages, a first build's main process still had
the site's other pages to write (events, districts, flyers, home, topics, letters,
open data...) alone, on one core, while the other core had nothing left to do:
three seconds of a 2,000-claim build (bench/README.md, session 9). `WrittenBeside`
hands them together to a child process (output/forked.py), while the build goes
on with the claims, the feeds, cards and share kits (which need the card workers'
drawings and so stay in the process that talks to them). The build hands them
over first (pipeline.py): a rebuild, which writes a few claim pages, then writes
its listings, feeds and kits meanwhile, instead of waiting for the child at its
end (half a second of a 2,000-claim rebuild, bench/README.md, session 10).

They only read the campaign's state (a rule of every generator, see base.py), so
what the child writes is the very bytes the build would have written: a test
builds the fixture both ways and compares every file.
"""

from __future__ import annotations

from .base import CampaignGenerator


class WrittenBeside(CampaignGenerator):
    """Runs `members`, each as Pelican would, their `generate_output` in a child."""

    members: tuple[type, ...] = ()
    what = ""  # the pages they write, for messages

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.generators = [member(*args, **kwargs) for member in self.members]

    def generate_context(self):
        for generator in self.generators:
            if hasattr(generator, "generate_context"):
                generator.generate_context()

    def generate_output(self, writer):
        writer.write_elsewhere(
            self.what,
            self.generators,
            lambda generator: generator.generate_output(writer),
            whatever_the_count=True,
        )
