"""Tier 1: districts looked up by number or slug, and the schematic map's layout."""

import pytest

from campaign.content.model import Catalogue, District, MapCell
from campaign.images.districtmap import layout

CENTRE = District(
    "paris-centre", "Paris Centre", (1, 2, 3, 4), short="Centre", cell=MapCell(1, 0, 2, 1)
)
THIRTEENTH = District("13e", "13e arrondissement", (13,), cell=MapCell(0, 1))
UNPLACED = District("autre", "Autre secteur", (99,))
CATALOGUE = Catalogue((), (), (CENTRE, THIRTEENTH))


@pytest.mark.parametrize("name", [3, "3", "3e", "paris-centre", " Paris-Centre "])
def test_a_number_and_a_slug_name_the_same_district(name):
    assert CATALOGUE.district(name) is CENTRE


@pytest.mark.parametrize("name", ["1er", 1, "13", "13e"])
def test_ordinal_forms(name):
    assert CATALOGUE.district(name) in (CENTRE, THIRTEENTH)


@pytest.mark.parametrize("name", [0, "21", "centre", "", "3eme"])
def test_unknown_names(name):
    assert CATALOGUE.district(name) is None


def test_map_layout_from_data_cells():
    district_map = layout((CENTRE, THIRTEENTH, UNPLACED))
    centre, thirteenth, unplaced = district_map.tiles
    assert (centre.x, centre.y, centre.width, centre.height) == (104, 4, 192, 72)
    assert (thirteenth.x, thirteenth.y) == (4, 84)
    assert (unplaced.x, unplaced.y) == (4, 164)  # placed on a new row below the others
    assert (district_map.width, district_map.height) == (300, 240)
    assert centre.district.label == "Centre" and thirteenth.district.label == "13e"
