"""ACLED reader and scorer on canned rows written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.evaluate.acled import (
    AcledScorer,
    _iso3,
    _parse_day,
    read_items,
    stated_full_date,
)
from eventwatch.evaluate.items import Prediction, RunNotes

from .conftest import event_dict

OLD_SCHEMA = (
    "data_id,iso,event_id_cnty,event_date,year,event_type,sub_event_type,actor1,assoc_actor_1,"
    "actor2,assoc_actor_2,country,location,latitude,longitude,notes,fatalities,timestamp,iso3\n"
    "1,404,KEN100,3-Mar-21,2021,Protests,Peaceful protest,Protesters (Kenya),Farmers (Kenya),,,"
    'Kenya,Nairobi,-1.2864,36.8172,"On 3 March 2021, farmers protested outside the parliament '
    'in Nairobi over fertiliser prices. [size=no report]",0,1614902400,KEN\n'
    "2,404,KEN101,4-Mar-21,2021,Protests,Peaceful protest,Protesters (Kenya),,,,Kenya,Kisumu,"
    "-0.1,34.75,,0,1614902400,KEN\n"
    "3,466,MLI7,5-Mar-21,2021,Riots\n"
    "4,466,MLI8,5-Mar-21,2021,Violence against civilians,Attack,Unidentified Armed Group (Mali),,"
    'Civilians (Mali),Herders (Mali),Mali,Gao,16.27,-0.04,"In early March 2021, gunmen killed '
    'two herders near Gao.",2,1615075200,MLI\n'
)

NEW_SCHEMA = (
    "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "actor2,civilian_targeting,iso,country,location,latitude,longitude,notes,fatalities\n"
    "MLI9,09 May 2020,Political violence,Battles,Armed clash,Military Forces of Mali (2013-),,"
    'JNIM: Group for Support of Islam and Muslims,,466,Mali,Mopti,14.49,-4.19,"On 9 May 2020, '
    'soldiers clashed with militants near Mopti.",3\n'
    "MLI10,2020-05-10,Demonstrations,Protests,Peaceful protest,Protesters (Mali),,,,466,Mali,"
    'Bamako,12.65,-8.0,"On May 10, 2020, traders marched in Bamako.",0\n'
)


def read(tmp_path: Path, content: str) -> tuple[list, RunNotes]:
    path = tmp_path / "events.csv"
    path.write_text(content, encoding="utf-8")
    notes = RunNotes()
    return list(read_items(path, notes)), notes


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("On 9 May 2020, clashes erupted.", True),
        ("On the 21st of June 2019 police fired tear gas.", True),
        ("On May 9, 2020 a bomb exploded.", True),
        ("Sept. 4 2018: rioters burned tyres.", True),
        ("Reported on 2020-05-09 by local media.", True),
        ("In early May 2020, gunmen attacked a village.", False),
        ("Between 3 and 5 May, shelling continued.", False),
        ("Protesters may 20 times have blocked the road.", False),
    ],
)
def test_acled_stated_full_date(text: str, stated: bool) -> None:
    assert stated_full_date(text) is stated


@pytest.mark.parametrize(
    ("cell", "iso"),
    [
        ("9-May-20", "2020-05-09"),
        ("09 May 2020", "2020-05-09"),
        ("2020-05-09", "2020-05-09"),
        ("9 May 2020", "2020-05-09"),
        ("2020-05-09T00:00:00", "2020-05-09"),
        ("", None),
        ("soon", None),
    ],
)
def test_acled_event_date_formats(cell: str, iso: str | None) -> None:
    assert _parse_day(cell) == iso


def test_acled_read_old_schema_skips_bad_rows(tmp_path: Path) -> None:
    items, notes = read(tmp_path, OLD_SCHEMA)
    assert [item.gold.row_id for item in items] == ["KEN100", "MLI8"]
    first, second = items
    assert first.document.text.startswith("On 3 March 2021, farmers protested")
    assert first.document.published == "2021-03-05"  # the upload day, not the event date
    assert first.gold.date == "2021-03-03" and first.gold.date_stated
    assert not second.gold.date_stated
    assert first.gold.country == "KEN"
    assert first.gold.actor1 == ["Protesters", "Farmers"]
    assert second.gold.actor2 == ["Civilians", "Herders"]
    assert (second.gold.lat, second.gold.lon, second.gold.fatalities) == (16.27, -0.04, 2)
    rendered = notes.render()
    assert "skipped 1 item(s): row without notes text or event_type" in rendered
    assert "skipped 1 item(s): row with the wrong number of columns" in rendered
    assert any("`timestamp`" in line and "2 row(s)" in line for line in rendered)


def test_acled_read_new_schema_country_from_name_and_no_published(tmp_path: Path) -> None:
    items, notes = read(tmp_path, NEW_SCHEMA)
    assert [item.gold.country for item in items] == ["MLI", "MLI"]
    assert [item.gold.date for item in items] == ["2020-05-09", "2020-05-10"]
    assert all(item.document.published is None for item in items)
    assert items[0].gold.actor1 == ["Military Forces of Mali"]
    assert any("no `timestamp`" in line for line in notes.render())


def test_acled_read_folder_finds_the_csv(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(NEW_SCHEMA, encoding="utf-8")
    assert len(list(read_items(tmp_path, RunNotes()))) == 2


def test_acled_scorer_by_hand(tmp_path: Path) -> None:
    items, notes = read(tmp_path, OLD_SCHEMA)
    scorer = AcledScorer()
    scorer.add(
        items[0],
        Prediction(
            events=[
                event_dict(
                    "PROTEST",
                    acled=("Protests", "Peaceful protest"),
                    actor="farmers",
                    date=("2021-03-03", "2021-03-03"),
                    place=("Nairobi", "KEN", -1.28, 36.82),
                )
            ]
        ),
    )
    scorer.add(
        items[1],
        Prediction(
            events=[
                event_dict("ASSAULT", confidence=0.9),  # no ACLED mapping: passed over
                event_dict(
                    "ASSAULT",
                    acled=("Violence against civilians", "Attack"),
                    confidence=0.4,
                    recipient="two herders",
                    place=("Bamako", "MLI", 12.65, -8.0),
                    killed=1,
                ),
            ]
        ),
    )
    report = scorer.report(notes)
    scores = report.scores
    assert scores["event_type.accuracy"] == 1.0 and scores["event_type.macro_f1"] == 1.0
    assert scores["sub_event_type.macro_f1"] == 1.0
    assert scores["date.exact"] == 1.0  # only the first row states a full date
    assert scores["country.accuracy"] == 1.0
    assert scores["location.within_50km"] == 0.5  # Bamako is ~900 km from Gao
    assert scores["location.name"] == 0.5
    assert scores["fatalities.exact"] == 0.5  # 0 == 0, 1 != 2
    assert scores["fatalities.exact_when_reported"] == 0.0
    assert scores["actor1.token_f1"] == pytest.approx(0.5)  # 1.0 ("Farmers"), 0.0
    # only the second row has an actor2: "Herders" vs "two herders" = 2/3
    assert scores["actor2.token_f1"] == pytest.approx(2 / 3)
    assert report.worst[0]["id"] == "MLI8"
    assert set(report.worst[0]["wrong"]) == {"location", "fatalities"}


def test_acled_scorer_no_prediction_is_none_class(tmp_path: Path) -> None:
    items, notes = read(tmp_path, OLD_SCHEMA)
    scorer = AcledScorer()
    scorer.add(items[0], Prediction())
    report = scorer.report(notes)
    assert report.confusion["event_type"] == {"Protests": {"NONE": 1}}
    assert report.scores["event_type.macro_f1"] == 0.0
    assert report.scores["fatalities.exact"] == 1.0  # nothing predicted = 0 killed
    assert report.scores["coverage.any_event"] == 0.0


def test_legacy_country_codes_are_read_as_todays_iso_codes() -> None:
    assert _iso3({"iso3": "ROM", "country": "Romania"}) == "ROU"
    assert _iso3({"iso3": "ZAR"}) == "COD"
    assert _iso3({"iso3": "KEN"}) == "KEN"
    assert _iso3({"country": "Kenya"}) == "KEN"
