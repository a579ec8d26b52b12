"""Tier 1: open data rows, the CSV's shape, the licence setting, file sizes in French."""

import csv
import io

import pytest

from campaign.filters import filesize
from campaign.settings import SettingsError, check_licence
from campaign.sharing.opendata import FIELD_NAMES, verifications_csv

RECORD = {
    "slug": "velo",
    "url": "https://exemple.fr/vrai-du-faux/velo/",
    "claim": "Paris a 1 000 km de pistes, « sécurisées ».",
    "title": "Paris a-t-il 1 000 km de pistes ?",
    "claimant": "Nom, Prénom",
    "claimant_role": "",
    "claimant_url": "",
    "claim_date": "2026-03-01",
    "appearance": "",
    "date_published": "2026-03-02T08:30:00+01:00",
    "date_modified": "",
    "verdict": "inverifiable",
    "verdict_label": "Invérifiable",
    "rating": None,
    "summary": "Ligne 1\nligne 2",
    "topics": ["transports", "climat"],
    "districts": [],
    "sources": [{"title": "T", "url": "https://a.example/x?b=1,2"}, {"url": "https://b.example"}],
    "corrections": [{"date": "2026-03-05", "note": "n"}],
}


def test_csv_has_every_field_and_flattens_lists():
    data = verifications_csv([RECORD])
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only after this mark
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == FIELD_NAMES
    [row] = rows
    assert row["claimant"] == "Nom, Prénom" and row["summary"] == "Ligne 1\nligne 2"
    assert row["topics"] == "transports | climat" and row["districts"] == ""
    assert row["sources"] == "https://a.example/x?b=1,2 | https://b.example"
    assert row["rating"] == "" and row["corrections"] == "1" and row["claimant_role"] == ""


def test_an_empty_csv_still_has_its_header():
    rows = list(csv.reader(io.StringIO(verifications_csv([]).decode("utf-8-sig"))))
    assert rows == [list(FIELD_NAMES)]


@pytest.mark.parametrize(
    "licence", [None, "Etalab", {"name": "CC BY 4.0"}, {"name": "", "url": "https://x.org"}]
)
def test_a_licence_without_name_or_address_is_refused_in_french(licence):
    with pytest.raises(SettingsError, match="CAMPAIGN_DATA_LICENCE : il faut le nom"):
        check_licence(licence)


def test_file_sizes_in_french_units():
    assert filesize(850) == "850 octets"
    assert filesize(12_400) == "12,4 ko"
    assert filesize(1_250_000) == "1,2 Mo"
