"""Write the INVENTED sample files of this folder, in ACLED's and UCDP GED's CSV formats.

``sample_acled_events.csv``, ``sample_acled_with_errors.csv`` and
``sample_ged_events.csv`` serve the examples and the docs.

Nothing in them is real ACLED or UCDP data. The events, dates, tolls and notes are
made up (seeded, so the file is reproducible); only the place coordinates are
those of real towns, so that the rows pass the coordinate checks. Every note
starts with "SAMPLE DATA (invented)." and every source is "Sample data (invented)".

    python examples/datasets/make_sample.py   # rewrites the three sample files
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from conflict_events.io.acled import ACLED_COLUMNS, interaction_code, interaction_text, parse_inter
from conflict_events.io.ucdp import UCDP_COLUMNS
from conflict_events.schema import DISORDER_TYPE, event_type_of

HERE = Path(__file__).resolve().parent
# Unix time of 2025-02-19 21:20 UTC: the "export" time; no event may be dated after it.
TIMESTAMP = 1740000000

RU_FORCES = "Military Forces of Russia (2000-)"
UA_FORCES = "Military Forces of Ukraine (2019-)"
EXTERNAL = "External/Other forces"

PLACES = {
    "Pokrovsk": ("UA", "Donetsk", "Pokrovskyi", 48.2829, 37.1757),
    "Kharkiv": ("UA", "Kharkiv", "Kharkivskyi", 49.9935, 36.2304),
    "Kherson": ("UA", "Kherson", "Khersonskyi", 46.6354, 32.6169),
    "Sudzha": ("RU", "Kursk", "Sudzhanskiy", 51.1906, 35.2708),
    "Belgorod": ("RU", "Belgorod", "Belgorod", 50.5954, 36.5873),
    "Maru": ("NG", "Zamfara", "Maru", 12.3336, 6.4036),
    "Maiduguri": ("NG", "Borno", "Maiduguri", 11.8464, 13.1603),
    "Lagos": ("NG", "Lagos", "Lagos Island", 6.4541, 3.3947),
    "Mogadishu": ("SO", "Banadir", "Mogadishu", 2.0371, 45.3438),
    "El Fasher": ("SD", "North Darfur", "El Fasher", 13.6279, 25.3494),
    "Al Hudaydah": ("YE", "Al Hudaydah", "Al Hali", 14.7978, 42.9545),
}
COUNTRY = {
    "UA": ("Ukraine", "804", "Europe", "UKR"),
    "RU": ("Russia", "643", "Europe", "RUS"),
    "NG": ("Nigeria", "566", "Western Africa", "NIG"),
    "SO": ("Somalia", "706", "Eastern Africa", "SOM"),
    "SD": ("Sudan", "729", "Northern Africa", "SUD"),
    "YE": ("Yemen", "887", "Middle East", "YEM"),
}

# (sub-event type, place, actor1, inter1, actor2, inter2, civilian targeting, deaths low-high, note)
TEMPLATES = [
    ("Armed clash", "Pokrovsk", RU_FORCES, EXTERNAL,
     UA_FORCES, "State forces", False, (0, 10), "Russian and Ukrainian forces clashed"),
    ("Shelling/artillery/missile attack", "Kharkiv", RU_FORCES, EXTERNAL,
     "Civilians (Ukraine)", "Civilians", True, (0, 4), "Russian forces shelled a residential area"),
    ("Air/drone strike", "Kherson", RU_FORCES + " Air Force", EXTERNAL,
     "", "", False, (0, 2), "Russian drones struck the city; no target was reported"),
    ("Armed clash", "Sudzha", UA_FORCES, EXTERNAL,
     RU_FORCES, "State forces", False, (0, 12), "Ukrainian and Russian forces clashed"),
    ("Air/drone strike", "Belgorod", UA_FORCES, EXTERNAL,
     "Civilians (Russia)", "Civilians", True, (0, 2), "A Ukrainian drone hit a car"),
    ("Attack", "Maru", "Unidentified Armed Group (Nigeria)", "Political militia",
     "Civilians (Nigeria)", "Civilians", True, (1, 15), "Gunmen attacked a village"),
    ("Armed clash", "Maiduguri", "Military Forces of Nigeria (2023-)", "State forces",
     "ISWAP: Islamic State West Africa Province", "Rebel group", False, (0, 20), "Troops repelled an attack"),
    ("Violent demonstration", "Lagos", "Rioters (Nigeria)", "Rioters",
     "Police Forces of Nigeria (2023-)", "State forces", False, (0, 1),
     "Traders blocked a road with burning tyres"),
    ("Suicide bomb", "Mogadishu", "Al Shabaab", "Rebel group",
     "Civilians (Somalia)", "Civilians", True, (2, 20), "A suicide bomber struck a restaurant"),
    ("Armed clash", "El Fasher", "Military Forces of Sudan (2019-)", "State forces",
     "RSF: Rapid Support Forces", "Rebel group", False, (0, 30), "The army and the RSF fought in the city"),
    ("Looting/property destruction", "El Fasher", "RSF: Rapid Support Forces", "Rebel group",
     "", "", False, (0, 0), "RSF fighters looted the market"),
    ("Peaceful protest", "Al Hudaydah", "Protesters (Yemen)", "Protesters",
     "", "", False, (0, 0), "Residents demonstrated against power cuts"),
]  # fmt: skip


def rows() -> list[dict[str, str]]:
    rng = random.Random(8)
    out = []
    start = dt.date(2025, 1, 1)
    for n in range(48):
        sub, place, actor1, inter1, actor2, inter2, targeted, (low, high), note = TEMPLATES[
            n % len(TEMPLATES)
        ]
        day = start + dt.timedelta(days=rng.randrange(0, 47))
        code, admin1, admin2, lat, lon = PLACES[place]
        country, iso, region, prefix = COUNTRY[code]
        deaths = rng.randint(low, high)
        first, second = parse_inter(inter1) or 0, parse_inter(inter2) or 0
        precision = 1 if rng.random() < 0.8 else 2
        out.append({
            "event_id_cnty": f"{prefix}9{n + 1:04d}",
            "event_date": day.isoformat(),
            "year": str(day.year),
            "time_precision": str(precision),
            "disorder_type": DISORDER_TYPE[sub],
            "event_type": event_type_of(sub),
            "sub_event_type": sub,
            "actor1": actor1,
            "assoc_actor_1": "",
            "inter1": inter1,
            "actor2": actor2,
            "assoc_actor_2": "",
            "inter2": inter2,
            "interaction": interaction_text(interaction_code(first, second)),
            "civilian_targeting": "Civilian targeting" if targeted else "",
            "iso": iso,
            "region": region,
            "country": country,
            "admin1": admin1,
            "admin2": admin2,
            "admin3": "",
            "location": place,
            "latitude": f"{lat:.4f}",
            "longitude": f"{lon:.4f}",
            "geo_precision": "1",
            "source": "Sample data (invented)",
            "source_scale": "Other",
            "notes": f"SAMPLE DATA (invented). On or around {day:%d %B %Y}, {note} in {place}."
            + (f" {deaths} killed." if deaths else ""),
            "fatalities": str(deaths),
            "tags": "",
            "timestamp": str(TIMESTAMP),
        })  # fmt: skip
    return sorted(out, key=lambda r: (r["event_date"], r["event_id_cnty"]))


def broken_rows() -> list[dict[str, str]]:
    """Six good rows and four with typical mistakes, to show what the validator reports."""
    good = rows()[:6]
    first = good[0]
    return [
        *good[:3],
        {
            **first,
            "event_id_cnty": "UKR99001",
            "sub_event_type": "Air/drone strike",
        },  # not a Battles sub-type
        {
            **first,
            "event_id_cnty": "UKR99002",
            "latitude": "9.0765",
            "longitude": "7.3986",
        },  # Abuja, not Russia
        *good[3:],
        {**first, "event_id_cnty": "UKR99003", "interaction": "State forces-Civilians", "fatalities": "-1"},
        {**first},  # a duplicate id
    ]


def ged_rows() -> list[dict[str, str]]:
    """A few INVENTED rows in UCDP GED's CSV format (the columns a GED 25.1 export has)."""
    # (type of violence, side a, side b, place, where_prec, start, end (2025), date_prec, deaths, low, high);
    # deaths are those of side a, side b, civilians and unknown status.
    events = [
        (1, "Government of Nigeria", "IS", "Maiduguri", 1, "01-04", "01-04", 1, (2, 6, 0, 0), 8, 11),
        (3, "IS", "Civilians", "Maiduguri", 2, "01-10", "01-12", 2, (0, 0, 5, 0), 5, 5),
        (2, "Fulani", "Hausa", "Maru", 3, "01-13", "01-19", 3, (1, 2, 0, 1), 3, 6),
        (3, "Al-Shabaab", "Civilians", "Mogadishu", 1, "02-02", "02-02", 1, (0, 0, 7, 0), 7, 9),
        (1, "Government of Sudan", "RSF", "El Fasher", 4, "02-01", "02-28", 4, (10, 15, 3, 2), 25, 60),
    ]
    out = []
    for n, event in enumerate(events):
        violence, side_a, side_b, place, where, start, end, date_prec, deaths, low, high = event
        start, end = f"2025-{start}", f"2025-{end}"
        code, admin1, admin2, lat, lon = PLACES[place]
        dyad = f"{side_a} - {side_b}"
        out.append({
            "id": str(990001 + n), "relid": f"SAMPLE-{n + 1}", "year": start[:4], "active_year": "1",
            "code_status": "Clear", "type_of_violence": str(violence), "conflict_name": dyad,
            "dyad_name": dyad, "side_a": side_a, "side_b": side_b, "number_of_sources": "1",
            "source_article": f"SAMPLE DATA (invented): {dyad}, near {place}",
            "source_office": "Sample data (invented)", "where_prec": str(where),
            "where_coordinates": f"{place} town", "adm_1": f"{admin1} province",
            "adm_2": f"{admin2} district",
            "latitude": f"{lat:.4f}", "longitude": f"{lon:.4f}", "country": COUNTRY[code][0],
            "region": "Africa", "event_clarity": "1", "date_prec": str(date_prec),
            "date_start": f"{start} 00:00:00.000", "date_end": f"{end} 00:00:00.000",
            "deaths_a": str(deaths[0]), "deaths_b": str(deaths[1]), "deaths_civilians": str(deaths[2]),
            "deaths_unknown": str(deaths[3]), "best": str(sum(deaths)), "high": str(high), "low": str(low),
        })  # fmt: skip
    return out


def write(path: Path, data: list[dict[str, str]], columns: tuple[str, ...] = ACLED_COLUMNS) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    print(f"wrote {path}")


def main() -> None:
    write(HERE / "sample_acled_events.csv", rows())
    write(HERE / "sample_acled_with_errors.csv", broken_rows())
    write(HERE / "sample_ged_events.csv", ged_rows(), UCDP_COLUMNS)


if __name__ == "__main__":
    main()
