"""Write a valid plan of the bundled plan's schema, scaled up by adding events (stdlib only).

    python benchmarks/make_plan.py --factor 10 out.toml     # 10x the bundled plan's size
    python benchmarks/make_plan.py --bytes 1000000 out.toml # about 1 MB (about 5,000 events)

The bundled plan is copied as it is, then synthetic events (spread over 2025-2027, some in a city,
some tied to an action) are appended until the file reaches the size asked for.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "plan.toml"
CITIES = ["jinan", "qingdao", "weifang", "taian", "dezhou"]


def event_block(i: int) -> str:
    """One synthetic event as TOML text."""
    year = 2025 + i % 3
    lines = [
        "[[events]]",
        f'id = "bench-event-{i:06d}"',
        f'name = {{ zh = "基准测试活动{i:06d}", en = "Benchmark event {i:06d}" }}',
        'kind = { zh = "博览会", en = "expo" }',
        f"year = {year}",
    ]
    if i % 4 == 0:
        lines.append(f'city = "{CITIES[i % 5]}"')
    if i % 3 == 0:
        lines += ["group = 2", "action = 5", 'attribution = "inferred"']
    if i % 7 == 0:
        lines.append(f'date = "{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"')
    lines += ['keywords = ["benchmark"]', "cites = [8]", ""]
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
    size.add_argument("--factor", type=float, help="times the bundled plan's size (10, 100, 1000)")
    size.add_argument("--bytes", type=int, help="approximate size in bytes")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    target = args.bytes if args.bytes else int(BUNDLED.stat().st_size * args.factor)
    args.out.write_text(make(target), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
