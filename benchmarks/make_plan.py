"""Write a valid plan (format 2) of a given size whose records the benchmark's queries match (stdlib only).

    python benchmarks/make_plan.py --mb 10 out.toml      # about 10 MB
    python benchmarks/make_plan.py --bytes 1000000 out.toml

The bundled plan is copied as it is (its history joins it as usual), then synthetic events are appended
until the file reaches the size asked for. They are made to be found, so that a large plan costs what it
would cost a user whose questions hit it:

- every event is of 2026, the plan's year (``events --year 2026`` lists them all);
- one in four is a "lithium battery" fair in Qingdao (``search 'lithium battery'`` ranks them);
- every event's name carries a made-up word of its own, so that the vocabulary grows with the plan and a
  query of unknown words is checked against all of it (``search 'qzxv wplmk'``);
- events carry day dates, places, counts with their wording, keywords and citations like the real ones.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "plans" / "2026.toml"
CITIES = [("jinan", "济南", "Jinan"), ("qingdao", "青岛", "Qingdao"), ("weifang", "潍坊", "Weifang"), ("taian", "泰安", "Tai'an"), ("dezhou", "德州", "Dezhou")]
SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vo", "quel", "dri", "zan", "pho", "ul", "gre", "sim", "tor", "bex", "ny"]
KINDS = [("博览会", "expo"), ("洽谈会", "matchmaking fair"), ("论坛", "forum"), ("推介会", "promotion")]


def word(i: int) -> str:
    """A made-up word of its own for every i (base-16 digits as syllables): Kalomi, Renvotas ..."""
    parts = []
    while True:
        parts.append(SYLLABLES[i % 16])
        i //= 16
        if not i:
            break
    return "".join(parts).capitalize()


def event_block(i: int) -> str:
    """One synthetic event as TOML text."""
    slug, zh_city, en_city = CITIES[i % 5]
    zh_kind, en_kind = KINDS[i % 4]
    made_up = word(i + 4096)
    if i % 4 == 0:
        zh, en = f"{zh_city}锂电池{zh_kind}{i}", f"{made_up} lithium battery {en_kind} {i}"
    else:
        zh, en = f"{zh_city}{zh_kind}{i}", f"{made_up} {en_city} {en_kind} {i}"
    month, day = 1 + i % 12, 1 + i % 28
    lines = [
        "[[events]]",
        f'id = "bench-event-{i:07d}"',
        f'name = {{ zh = "{zh}", en = "{en}" }}',
        f'kind = {{ zh = "{zh_kind}", en = "{en_kind}" }}',
        "year = 2026",
        f'city = "{slug}"',
        f'dates = [{{ start = "2026-{month:02d}-{day:02d}", what = "scheduled", cites = [8] }}]',
        f'place = {{ name = {{ zh = "{zh_city}", en = "{en_city}" }}, known = "from_name" }}',
        f'counts = [{{ label = {{ zh = "参展企业", en = "exhibitors" }}, value = {100 + i % 900}, unit = {{ zh = "家", en = "companies" }}, original = "{100 + i % 900}家参展企业", sources = [{{ source = "dzrb-2026-dialogue" }}] }}]',
        "group = 2",
        "action = 5",
        'attribution = "inferred"',
        f'keywords = ["benchmark", "{made_up.lower()}", "{en_kind}", "{zh_kind}"]',
        "cites = [8]",
        "",
    ]
    return "\n".join(lines) + "\n"


def make(target_bytes: int) -> str:
    """Plan text of at least ``target_bytes`` bytes."""
    base = BUNDLED.read_text(encoding="utf-8").rstrip("\n") + "\n\n# ---- synthetic events for benchmarks ----\n\n"
    parts, size, i = [base], len(base.encode("utf-8")), 0
    while size < target_bytes:
        block = event_block(i)
        parts.append(block)
        size += len(block.encode("utf-8"))
        i += 1
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, help="size in megabytes (10**6 bytes)")
    size.add_argument("--bytes", type=int, help="size in bytes")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    target = args.bytes if args.bytes else int(args.mb * 1_000_000)
    args.out.write_text(make(target), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
