"""Sanctions screening: 50,000 organizations against a 20,000-entry list, and its recall.

    .venv/bin/python tests/benchmarks/bench_screening.py [--orgs 50000] [--entries 20000]
        [--planted 2000] [--sample 2000] [--runs 3] [--seed 11] [--no-store] [--workers 2]

Synthetic but realistic data (seeded): company names built from invented words, trade words
and transliterated Russian ones, with legal forms before or after the name (OOO, LLC,
"NAME, OOO", GmbH, FZE, TOO, Ltd. Şti...); list entries with aliases and INNs; and
`--planted` organizations that are list entries written another way: words reordered and
another legal form, in Cyrillic, with a typo, under an alias, with a long legal form, or
under another name with the entry's INN.

Measured, side by side in one run:
  engine      `services.screening_engine.screen` (length-banded blocking), the whole
              50,000 x 20,000 comparison, median of --runs;
  exhaustive  the same scorer and threshold over every pair (`exhaustive=True`) on a sample
              of --sample organizations (half of them planted) by --sample entries (theirs
              and random ones); recall = share of the pairs it finds that the full blocked
              run found too; its pairs per second give the time every pair would take at
              full size;
  service     (unless --no-store) a SQLite store holding the organizations: the list
              written as OFAC's sdn.csv/alt.csv/add.csv and imported by
              `services.sanctions_lists.import_list(screen=False)`, then
              `services.screening.screen` (reading, comparing, writing candidates), median
              of --runs.

Targets: service screening under 60 s; recall at least 99 %; the import in a few seconds.
Prints a table and ends with one JSON line holding every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from forensics_gui.core.screening import THRESHOLD  # noqa: E402
from forensics_gui.services import screening_engine as engine  # noqa: E402

TRADE = ("trading", "electronics", "technologies", "components", "logistics", "systems",
         "industrial", "group", "engineering", "import", "export", "international", "global",
         "supply", "solutions", "invest", "service", "microelectronics", "radio", "devices",
         "instruments", "precision", "optics", "energy", "machinery", "automation",
         "semiconductor", "electric", "telecom", "aero", "marine", "holding", "development")
RUSSIAN = ("vektor", "komponent", "tekhnologii", "radioelektronika", "pribor", "avtomatika",
           "elektron", "sistema", "mikron", "kristall", "signal", "almaz", "granit", "severny",
           "vostok", "ural", "sibir", "volga", "neva", "baltika", "optima", "promtekh",
           "spetsstroi", "energomash", "zavod", "nauchno", "proizvodstvennoe", "obedinenie",
           "tochnost", "impuls", "kvant", "orbita", "zenit", "rubin", "sapfir", "izumrud",
           "istok", "luch", "polyus", "zvezda", "kometa", "fakel", "start", "shchit", "yug")
PLACES = ("moskva", "peterburg", "kazan", "novosibirsk", "shenzhen", "guangzhou", "hong kong",
          "dubai", "istanbul", "almaty", "yerevan", "tashkent", "bishkek", "tbilisi", "minsk")
FORMS = ("OOO", "LLC", "Ltd", "Co., Ltd.", "JSC", "AO", "GmbH", "FZE", "FZCO", "LLP", "TOO",
         "Limited", "Inc", "Corp", "Sp. z o.o.", "Ltd. Şti.", "PAO", "ZAO", "S.A.", "B.V.")
LONG_FORMS = ("Limited Liability Company", "Obshchestvo s Ogranichennoi Otvetstvennostyu",
              "Joint Stock Company", "Closed Joint Stock Company")
CONSONANTS = "bcdfgklmnprstvz"
VOWELS = "aeiou"
CYRILLIC = (("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
            ("yu", "ю"), ("ya", "я"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"),
            ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"),
            ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
            ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("c", "ц"), ("x", "кс"),
            ("w", "в"), ("h", "х"), ("j", "дж"), ("q", "к"))
VARIANTS = ("reordered", "cyrillic", "typo", "alias", "long form", "identifier")


class Names:
    """Seeded generator of company names and their other spellings."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.used: set[str] = set()

    def word(self) -> str:
        r = self.random
        while True:
            word = "".join(r.choice(CONSONANTS) + r.choice(VOWELS)
                           for _ in range(r.randint(2, 4))) + r.choice(("", "n", "x", "k"))
            if word not in self.used:
                self.used.add(word)
                return word

    def core(self) -> list[str]:
        r = self.random
        words = [self.word()]
        words += r.sample(TRADE + RUSSIAN, r.randint(1, 2))
        if r.random() < 0.2:
            words.append(r.choice(PLACES))
        return words

    def styled(self, words: list[str], form: str | None = None) -> str:
        r = self.random
        form = form or r.choice(FORMS)
        text = " ".join(w.capitalize() for w in words)
        shape = r.random()
        if shape < 0.4:
            return f"{text} {form}"
        if shape < 0.7:
            return f"{form} {text}"
        return f"{text.upper()}, {form.upper()}"

    def inn(self) -> str:
        return "".join(self.random.choice("0123456789") for _ in range(10))

    def typo(self, words: list[str]) -> list[str]:
        r = self.random
        i = max(range(len(words)), key=lambda k: len(words[k]))
        word = words[i]
        at = r.randrange(1, len(word) - 1)
        kind = r.random()
        if kind < 0.33:
            word = word[:at] + word[at + 1:]
        elif kind < 0.66:
            word = word[:at] + r.choice(VOWELS) + word[at + 1:]
        else:
            word = word[:at - 1] + word[at] + word[at - 1] + word[at + 1:]
        return [*words[:i], word, *words[i + 1:]]


def cyrillic(text: str) -> str:
    out, i, lower = [], 0, text.lower()
    while i < len(lower):
        for latin, letter in CYRILLIC:
            if lower.startswith(latin, i):
                out.append(letter)
                i += len(latin)
                break
        else:
            out.append(lower[i])
            i += 1
    return "".join(out)


def make_data(n_orgs: int, n_entries: int, n_planted: int, seed: int) -> dict[str, Any]:
    """Entries (name, aliases, identifiers), organizations, and the planted pairs."""
    names = Names(seed)
    r = names.random
    entries = []
    for _ in range(n_entries):
        core = names.core()
        aliases = [names.styled(names.core()) for _ in range(r.choice((0, 0, 1, 1, 2, 3)))]
        ids = [f"INN:{names.inn()}"] if r.random() < 0.4 else []
        entries.append({"core": core, "name": names.styled(core), "aliases": aliases,
                        "identifiers": ids})
    orgs, planted = [], []
    for n, entry in enumerate(r.sample(range(n_entries), min(n_planted, n_entries))):
        variant = VARIANTS[n % len(VARIANTS)]
        orgs.append(_planted(names, entries[entry], variant))
        planted.append((len(orgs) - 1, entry, variant))
    while len(orgs) < n_orgs:
        core = names.core()
        aliases = [names.styled(names.core())] if r.random() < 0.15 else []
        orgs.append({"name": names.styled(core), "aliases": aliases, "former_names": [],
                     "identifiers": [f"INN:{names.inn()}"] if r.random() < 0.1 else []})
    return {"entries": entries, "orgs": orgs, "planted": planted}


def _planted(names: Names, entry: dict[str, Any], variant: str) -> dict[str, Any]:
    r = names.random
    core = list(entry["core"])
    org = {"aliases": [], "former_names": [], "identifiers": []}
    if variant == "reordered":
        r.shuffle(core)
        org["name"] = names.styled(core)
    elif variant == "cyrillic":
        org["name"] = f"ООО «{cyrillic(' '.join(core)).title()}»"
    elif variant == "typo":
        org["name"] = names.styled(names.typo(core))
    elif variant == "alias" and entry["aliases"]:
        org["name"] = names.styled(names.core())
        org["former_names"] = [entry["aliases"][0]]
    elif variant == "identifier" and entry["identifiers"]:
        org["name"] = names.styled(names.core())
        org["identifiers"] = list(entry["identifiers"])
    else:
        org["name"] = f"{r.choice(LONG_FORMS)} {' '.join(w.capitalize() for w in core)}"
    return org


def org_party(org: dict[str, Any]) -> engine.Party:
    names = [("name", org["name"]), *(("alias", a) for a in org["aliases"]),
             *(("former name", f) for f in org["former_names"])]
    return engine.Party(tuple(names), tuple(org["identifiers"]))


def entry_party(entry: dict[str, Any]) -> engine.Party:
    names = [("name", entry["name"]), *(("alias", a) for a in entry["aliases"])]
    return engine.Party(tuple(names), tuple(entry["identifiers"]))


def time_engine(orgs: list[engine.Party], entries: list[engine.Party], runs: int,
                workers: int) -> tuple[list[float], list[engine.Hit], engine.Stats]:
    times, hits, stats = [], [], engine.Stats()
    for _ in range(runs):
        stats = engine.Stats()
        started = time.perf_counter()
        hits = engine.screen(orgs, entries, workers=workers, stats=stats)
        times.append(time.perf_counter() - started)
    return times, hits, stats


def recall_on_sample(data: dict[str, Any], orgs: list[engine.Party],
                     entries: list[engine.Party], hits: list[engine.Hit], size: int,
                     seed: int, workers: int) -> dict[str, Any]:
    """Exhaustive comparison of a sample; recall of the full blocked run within it."""
    r = random.Random(seed + 1)
    planted = data["planted"][: size // 2]
    org_ids = list(dict.fromkeys([o for o, _, _ in planted] + r.sample(
        range(len(orgs)), size)))[:size]
    entry_ids = list(dict.fromkeys([e for _, e, _ in planted] + r.sample(
        range(len(entries)), size)))[:size]
    stats = engine.Stats()
    started = time.perf_counter()
    truth = engine.screen([orgs[i] for i in org_ids], [entries[i] for i in entry_ids],
                          exhaustive=True, workers=workers, stats=stats)
    seconds = time.perf_counter() - started
    true_pairs = {(org_ids[h.org], entry_ids[h.entry]) for h in truth}
    in_sample = set(org_ids), set(entry_ids)
    found = {(h.org, h.entry) for h in hits if h.org in in_sample[0] and h.entry in in_sample[1]}
    kept = len(true_pairs & found)
    return {"sample_orgs": len(org_ids), "sample_entries": len(entry_ids),
            "true_matches": len(true_pairs), "found": kept,
            "recall": kept / len(true_pairs) if true_pairs else 1.0,
            "extra": len(found - true_pairs), "exhaustive_seconds": seconds,
            "exhaustive_pairs": stats.pairs_compared}


def planted_found(data: dict[str, Any], hits: list[engine.Hit]) -> dict[str, float]:
    pairs = {(h.org, h.entry) for h in hits}
    by_variant: dict[str, list[bool]] = {}
    for org, entry, variant in data["planted"]:
        by_variant.setdefault(variant, []).append((org, entry) in pairs)
    return {v: sum(found) / len(found) for v, found in by_variant.items()}


def run_service(data: dict[str, Any], runs: int) -> dict[str, Any]:
    """Organizations in a SQLite store, the list imported from OFAC-style files, screened."""
    from forensics_gui.services import bulk, sanctions_lists, screening, stores

    folder = Path(tempfile.mkdtemp(prefix="bench-screening-"))
    store = stores.init(str(folder / "store.sqlite"))
    try:
        started = time.perf_counter()
        bulk.bulk_create(store, "org", ({"name": o["name"][:300], "aliases": o["aliases"],
                                         "former_names": o["former_names"],
                                         "identifiers": o["identifiers"]}
                                        for o in data["orgs"]))
        load = time.perf_counter() - started
        files = write_ofac_files(data["entries"], folder)
        started = time.perf_counter()
        imported = sanctions_lists.import_list(store, files, screen=False,
                                               published_on="2024-05-01")
        import_seconds = time.perf_counter() - started
        times, summary = [], None
        for _ in range(runs):
            started = time.perf_counter()
            summary = screening.screen(store)
            times.append(time.perf_counter() - started)
        assert summary is not None
        return {"org_load_seconds": load, "import_seconds": import_seconds,
                "imported_entries": imported.list.entry_count, "screen_seconds": times,
                "candidates": summary.candidates, "first_run_new": None}
    finally:
        store.close()


def write_ofac_files(entries: list[dict[str, Any]], folder: Path) -> list[Path]:
    """The entries as OFAC publishes its list: sdn.csv, alt.csv, add.csv (CRLF, -0-, 0x1A)."""
    null = "-0- "
    sdn, alt, add = [], [], []
    for number, entry in enumerate(entries, 10_001):
        remarks = "; ".join(f"Tax ID No. {i.split(':')[1]} (Russia)" for i in
                            entry["identifiers"])
        remarks = f'"{remarks}."' if remarks else null
        name = entry["name"].replace('"', "")
        sdn.append(f'{number},"{name}",{null},"RUSSIA-EO14024",' + ",".join([null] * 7)
                   + f",{remarks}")
        alt += [f'{number},{number * 10 + k},"aka","{a}",{null}'
                for k, a in enumerate(entry["aliases"])]
        add.append(f'{number},{number},{null},"Moscow","Russia",{null}')
    paths = []
    for name, rows in (("sdn.csv", sdn), ("alt.csv", alt), ("add.csv", add)):
        path = folder / name
        path.write_bytes(("\r\n".join(rows) + "\r\n\x1a").encode("cp1252", "replace"))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=50_000)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--planted", type=int, default=2_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=engine.WORKERS)
    parser.add_argument("--no-store", action="store_true", help="skip the service run")
    args = parser.parse_args()

    started = time.perf_counter()
    data = make_data(args.orgs, args.entries, args.planted, args.seed)
    orgs = [org_party(o) for o in data["orgs"]]
    entries = [entry_party(e) for e in data["entries"]]
    generated = time.perf_counter() - started
    times, hits, stats = time_engine(orgs, entries, args.runs, args.workers)
    recall = recall_on_sample(data, orgs, entries, hits, args.sample, args.seed, args.workers)
    planted = planted_found(data, hits)
    pair_rate = recall["exhaustive_pairs"] / max(recall["exhaustive_seconds"], 1e-9)
    all_pairs = stats.org_keys * stats.entry_keys
    service = None if args.no_store else run_service(data, args.runs)

    figures = {
        "orgs": len(orgs), "entries": len(entries), "threshold": THRESHOLD,
        "workers": args.workers, "generate_seconds": round(generated, 2),
        "engine_seconds_median": round(statistics.median(times), 2),
        "engine_seconds_runs": [round(t, 2) for t in times],
        "candidates": len(hits), "org_keys": stats.org_keys, "entry_keys": stats.entry_keys,
        "pairs_compared": stats.pairs_compared, "all_pairs": all_pairs,
        "pairs_compared_share": round(stats.pairs_compared / max(all_pairs, 1), 3),
        "exhaustive_all_pairs_seconds_estimate": round(all_pairs / pair_rate, 1),
        **{(k if k.startswith("sample_") else f"sample_{k}"):
           (round(v, 4) if isinstance(v, float) else v) for k, v in recall.items()},
        "planted_found": {k: round(v, 3) for k, v in planted.items()},
    }
    if service is not None:
        figures.update({
            "service_org_load_seconds": round(service["org_load_seconds"], 1),
            "service_import_seconds": round(service["import_seconds"], 2),
            "service_imported_entries": service["imported_entries"],
            "service_screen_seconds_median": round(statistics.median(service["screen_seconds"]),
                                                   2),
            "service_screen_seconds_runs": [round(t, 2) for t in service["screen_seconds"]],
            "service_candidates": service["candidates"]})
    print_table(figures)
    print(json.dumps(figures))


def print_table(f: dict[str, Any]) -> None:
    rows = [
        ("organizations x entries", f"{f['orgs']:,} x {f['entries']:,} (threshold "
                                    f"{f['threshold']}, {f['workers']} workers)"),
        ("name keys", f"{f['org_keys']:,} x {f['entry_keys']:,}"),
        ("engine, blocked (median)", f"{f['engine_seconds_median']:.2f} s "
                                     f"{f['engine_seconds_runs']}"),
        ("pairs compared", f"{f['pairs_compared']:,} of {f['all_pairs']:,} "
                           f"({f['pairs_compared_share']:.0%})"),
        ("every pair (estimate)", f"{f['exhaustive_all_pairs_seconds_estimate']:.0f} s"),
        ("candidates", f"{f['candidates']:,}"),
        ("sample, exhaustive", f"{f['sample_orgs']:,} x {f['sample_entries']:,} in "
                               f"{f['sample_exhaustive_seconds']:.2f} s: "
                               f"{f['sample_true_matches']:,} true matches"),
        ("recall on the sample", f"{f['sample_recall']:.2%} ({f['sample_found']:,} found, "
                                 f"{f['sample_extra']} not in the exhaustive set)"),
        ("planted pairs found", ", ".join(f"{k} {v:.0%}" for k, v in
                                          f["planted_found"].items())),
    ]
    if "service_screen_seconds_median" in f:
        rows += [
            ("service: import list", f"{f['service_import_seconds']:.2f} s for "
                                     f"{f['service_imported_entries']:,} entries"),
            ("service: screen (median)", f"{f['service_screen_seconds_median']:.2f} s "
                                         f"{f['service_screen_seconds_runs']}"),
            ("service: candidates", f"{f['service_candidates']:,}"),
        ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
