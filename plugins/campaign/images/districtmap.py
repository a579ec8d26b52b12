"""The schematic district map: grid cells from the data file to SVG boxes."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import District, MapCell

CELL_WIDTH = 100
CELL_HEIGHT = 80
GAP = 4


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
