"""The schematic district map: grid cells from the data file to SVG boxes."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import District, MapCell

CELL_WIDTH = 100
CELL_HEIGHT = 80
GAP = 4
# A label's size in SVG user units, at most; smaller (and on two lines, cut after a
# hyphen or a space) when a long name (« Paris-Centre ») would overflow its box.
LABEL_SIZE = 22
# A bold system font's widest average advance, in ems, room left for the reader's
# own letter spacing (WCAG 1.4.12: 0.12 em more a letter).
LABEL_ADVANCE = 0.72
LABEL_MARGIN = 8


@dataclass(frozen=True)
class Tile:
    district: District
    x: int
    y: int
    width: int
    height: int

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    @property
    def label_lines(self) -> tuple[str, ...]:
        """The label on one line if it fits at full size, else cut once, after the
        hyphen or space nearest its middle."""
        label = self.district.label
        if self._fitting_size((label,)) >= LABEL_SIZE:
            return (label,)
        cuts = [i + 1 for i, char in enumerate(label) if char in "- " and 0 < i < len(label) - 1]
        if not cuts:
            return (label,)
        cut = min(cuts, key=lambda i: abs(len(label) - 2 * i))
        return label[:cut].strip(), label[cut:].strip()

    @property
    def label_size(self) -> float:
        return round(self._fitting_size(self.label_lines), 1)

    def _fitting_size(self, lines: tuple[str, ...]) -> float:
        room = self.width - 2 * LABEL_MARGIN
        widest = max(len(line) for line in lines) * LABEL_ADVANCE
        tall = (self.height - 2 * LABEL_MARGIN) / (1.2 * len(lines))
        return min(LABEL_SIZE, room / widest, tall)


@dataclass(frozen=True)
class DistrictMap:
    width: int
    height: int
    tiles: tuple[Tile, ...]


def cells(districts: tuple[District, ...]) -> list[tuple[District, MapCell]]:
    """Each district's cell; districts the data file does not place go in rows below."""
    placed = [(d, d.cell) for d in districts if d.cell]
    bottom = max((c.row + c.height for _, c in placed), default=0)
    columns = max((c.column + c.width for _, c in placed), default=4) or 4
    unplaced = [d for d in districts if not d.cell]
    for index, district in enumerate(unplaced):
        placed.append((district, MapCell(index % columns, bottom + index // columns)))
    return placed


def layout(districts: tuple[District, ...]) -> DistrictMap:
    """Boxes in SVG user units, in the data file's order (the keyboard's tab order)."""
    tiles = tuple(
        Tile(
            district,
            x=cell.column * CELL_WIDTH + GAP,
            y=cell.row * CELL_HEIGHT + GAP,
            width=cell.width * CELL_WIDTH - 2 * GAP,
            height=cell.height * CELL_HEIGHT - 2 * GAP,
        )
        for district, cell in cells(districts)
    )
    width = max((t.x + t.width for t in tiles), default=0) + GAP
    height = max((t.y + t.height for t in tiles), default=0) + GAP
    return DistrictMap(width, height, tiles)
