"""`make bench`: build a generated campaign of N claims, cold and after one edit,
beside vanilla Pelican on the same Markdown bodies; print times, memory, ratios.

Usage: python bench/run.py [--claims 2000] [--repeat 1] [--keep DIR]

With --repeat N, every build is measured N times (each cold build into fresh
output and cache folders) and the table shows medians, so the machine's noise
can be told apart from a change.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PELICAN = [sys.executable, "-m", "pelican"]
VERDICTS = "vrai plutot-vrai trompeur plutot-faux faux inverifiable".split()
TOPICS = "logement transports proprete securite ecoles climat budget".split()
DISTRICTS = ["paris-centre", *[f"{n}e" for n in range(5, 21)]]
WORDS = (
    "la ville a augmenté réduit le nombre de logements sociaux places écoles arbres budget "
    "dette depuis 2020 avec plus moins arrondissement selon les données publiques chiffre "
    "hausse baisse rapport habitants quartier transports métro vélo propreté sécurité"
).split()

VANILLA_SETTINGS = """\
PATH = {content!r}
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
"""


@dataclass
class Run:
    name: str
    seconds: float
    cpu_seconds: float  # the build's and its worker processes'
    peak_mib: float  # the largest single process
    pages: int


# The example's people: a claim names one of data/claimants.yaml, as make check asks.
CLAIMANTS = [
    person["name"]
    for person in yaml.safe_load((ROOT / "content/data/claimants.yaml").read_text("utf-8"))
]


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def body(rng: random.Random) -> str:
    paragraphs = [words(rng, rng.randint(40, 120)) + "." for _ in range(rng.randint(2, 6))]
    return "## Ce que disent les sources\n\n" + "\n\n".join(paragraphs) + "\n"


def claim(rng: random.Random, index: int) -> tuple[str, str, str]:
    """Front matter, body and date of a realistic claim."""
    text = words(rng, rng.randint(6, 40)).capitalize()[:270] + "."
    day = f"2026-{1 + index % 10:02d}-{1 + index % 28:02d} {index % 24:02d}:{index % 60:02d}"
    districts = rng.sample(DISTRICTS, rng.choice([0, 0, 1, 1, 2]))
    topics = rng.sample(TOPICS, rng.choice([1, 1, 2]))
    front = (
        f'claim: "{text}"\nclaimant: "{CLAIMANTS[index % len(CLAIMANTS)]}"\n'
        f"verdict: {rng.choice(VERDICTS)}\n"
        f'summary: "{words(rng, 14).capitalize()}."\ndate: {day}\n'
        f"topics: [{', '.join(topics)}]\ndistricts: [{', '.join(districts)}]\n"
        f'sources:\n  - title: "Source {index}"\n    url: https://example.org/source/{index}\n'
        f'    publisher: "Éditeur fictif"\n'
    )
    if rng.random() < 0.4:
        front += f'figure: {{value: "{rng.randint(2, 99)} %", label: "{words(rng, 5)}"}}\n'
    return front, body(rng), day


def generate(root: Path, claims: int) -> tuple[Path, Path]:
    """Our corpus and the vanilla one, with the same Markdown bodies."""
    ours, vanilla = root / "ours", root / "vanilla"
    shutil.copytree(ROOT / "content" / "data", ours / "data")
    shutil.copytree(ROOT / "content" / "pages", ours / "pages")
    for folder in (ours / "claims", ours / "posts", vanilla):
        folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2026)
    for index in range(claims):
        front, text, day = claim(rng, index)
        (ours / "claims" / f"verification-{index:05d}.md").write_text(f"---\n{front}---\n\n{text}")
        (vanilla / f"verification-{index:05d}.md").write_text(
            f"Title: Vérification {index}\nDate: {day}\nCategory: verifications\n\n{text}"
        )
    for index in range(claims // 10):
        day = f"2026-{1 + index % 10:02d}-{1 + index % 28:02d} 18:00"
        text = body(rng)
        (ours / "posts" / f"actualite-{index:05d}.md").write_text(
            f'---\ntitle: "Actualité {index}"\ndate: {day}\nsummary: "Résumé {index}."\n'
            f"topics: [{rng.choice(TOPICS)}]\n---\n\n{text}"
        )
        (vanilla / f"actualite-{index:05d}.md").write_text(
            f"Title: Actualité {index}\nDate: {day}\nCategory: actualites\n\n{text}"
        )
    write_loop(ours, rng, claims)
    return ours, vanilla


def write_loop(ours: Path, rng: random.Random, claims: int) -> None:
    """Calls to action and events, one for every 50 and 20 claims, around the example's
    moment (22 November 2026): some past, some of the day, some to come. Vanilla
    Pelican has no such thing: they are part of what ours does more."""
    for folder in ("actions", "events"):
        (ours / folder).mkdir(exist_ok=True)
    for index in range(claims // 50):
        day = f"2026-11-{8 + index % 20:02d}"
        districts = ", ".join(rng.sample(DISTRICTS, rng.choice([0, 1, 2])))
        (ours / "actions" / f"action-{index:05d}.md").write_text(
            f'---\ntitle: "Action {index}"\ndate: {day}\ndistricts: [{districts}]\n'
            f"item: verification-{index:05d}\n"
            f'task: "Partagez la vérification {index} dans vos groupes avant 20 h."\n---\n'
        )
    for index in range(claims // 20):
        day = f"2026-{10 + index % 3:02d}-{1 + index % 28:02d}"
        districts = ", ".join(rng.sample(DISTRICTS, rng.choice([0, 1, 1])))
        place = f'{{name: "Salle {index}", address: "{index} rue Fictive, 75000 Paris"}}'
        (ours / "events" / f"rendez-vous-{index:05d}.md").write_text(
            f'---\ntitle: "Rendez-vous {index}"\ndate: 2026-09-01 09:00\n'
            f"start: {day} 18:00\nend: {day} 20:00\nplace: {place}\n"
            f'districts: [{districts}]\nsummary: "Rendez-vous fictif {index}."\n'
            f"---\n\n{words(rng, 40)}.\n"
        )


def measure(name: str, command: list[str], output: Path) -> Run:
    """Wall time and peak resident memory of one build, in its own process.

    What the previous steps wrote is put on disk first (os.sync): each build is
    measured alone, not while the kernel writes back the corpus or another build."""
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{name} : la construction a échoué\n{process.stderr.read().decode()}")
    pages = sum(1 for _ in output.rglob("*.html"))
    cpu = usage.ru_utime + usage.ru_stime
    return Run(name, seconds, cpu, usage.ru_maxrss / 1024, pages)


def edit_one_claim(content: Path) -> None:
    claim = next(iter(sorted((content / "claims").glob("*.md"))))
    text = claim.read_text()
    claim.write_text(text.replace('summary: "', 'summary: "Mis à jour : ', 1))


def add_one_claim(content: Path, number: int) -> None:
    """A riposte: a new claim, newer than any other."""
    front, text, _ = claim(random.Random(number), 0)
    front = front.replace("date: 2026-01-01 00:00", "date: 2026-11-01 21:30")
    (content / "claims" / f"riposte-{number}.md").write_text(f"---\n{front}---\n\n{text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1, help="mesures par construction")
    parser.add_argument("--keep", help="dossier où garder le corpus et les sorties")
    args = parser.parse_args(argv)
    root = Path(args.keep or tempfile.mkdtemp(prefix="bench-"))
    ours, vanilla = generate(root, args.claims)
    (root / "vanilla.py").write_text(VANILLA_SETTINGS.format(content=str(vanilla)))
    rounds = [measure_round(root, ours, vanilla, number) for number in range(args.repeat)]
    if args.repeat > 1:
        for number, runs in enumerate(rounds, start=1):
            print(f"round {number}: " + ", ".join(f"{r.name} {r.seconds:.2f} s" for r in runs))
    report([median_run(runs) for runs in zip(*rounds, strict=True)], args.claims, args.repeat)
    if not args.keep:
        shutil.rmtree(root)
    return 0


def measure_round(root: Path, ours: Path, vanilla: Path, number: int) -> list[Run]:
    """Our cold build, one claim edited, one added, then vanilla cold and warm."""

    def build(content: Path, settings: Path, name: str) -> tuple[list[str], Path]:
        output = root / f"{name}-out-{number}"
        command = [
            *PELICAN, str(content), "-s", str(settings), "-o", str(output),
            "-e", f'CACHE_PATH="{root / f"{name}-cache-{number}"}"', "-q",
        ]  # fmt: skip
        return command, output

    ours_build = build(ours, ROOT / "pelicanconf.py", "ours")
    runs = [measure("ours, cold", *ours_build)]
    edit_one_claim(ours)
    runs.append(measure("ours, one claim edited", *ours_build))
    add_one_claim(ours, number)
    runs.append(measure("ours, one claim added", *ours_build))
    vanilla_build = build(vanilla, root / "vanilla.py", "vanilla")
    runs.append(measure("vanilla Pelican, cold", *vanilla_build))
    runs.append(measure("vanilla Pelican, warm", *vanilla_build))
    return runs


def median_run(runs: tuple[Run, ...]) -> Run:
    return Run(
        runs[0].name,
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        max(r.peak_mib for r in runs),
        runs[0].pages,
    )


def report(runs: list[Run], claims: int, repeat: int) -> None:
    medians = f", medians of {repeat} runs" if repeat > 1 else ""
    print(f"\n{claims} claims, {claims // 10} posts ({os.cpu_count()} cores{medians})\n")
    print(f"{'build':<26}{'seconds':>9}{'CPU s':>8}{'peak MiB':>10}{'pages':>8}")
    for run in runs:
        print(
            f"{run.name:<26}{run.seconds:>9.2f}{run.cpu_seconds:>8.2f}"
            f"{run.peak_mib:>10.0f}{run.pages:>8}"
        )
    ours_cold, ours_edit, _, vanilla_cold, _ = runs
    print(
        f"\ncold / vanilla cold      {ours_cold.seconds / vanilla_cold.seconds:6.2f}  (target <= 1.3)"
    )
    print(f"one edit / our cold      {ours_edit.seconds / ours_cold.seconds:6.2f}  (target <= 0.5)")


if __name__ == "__main__":
    sys.exit(main())
