"""`manage.py seed_scale --factor N`: a realistic, reproducible data set for benchmarks (see doingoai/ops/seed)."""

from __future__ import annotations

import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from doingoai.ops.seed.scale import DEFAULT_SEED, FACTOR_1, AlreadySeeded, ScaleSeeder


class Command(BaseCommand):
    help = (
        "Fill the database with scale data on top of the demo province. Factor 1 is one province over ten years: "
        + ", ".join(f"{count:,} {name.replace('_', ' ')}" for name, count in FACTOR_1.items())
        + ". The same factor, seed and --as-of date always give the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="Scale of the data set (default 1).")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"Random seed (default {DEFAULT_SEED}).")
        parser.add_argument(
            "--as-of", type=datetime.date.fromisoformat, default=None,
            help="The day the data is seen from (YYYY-MM-DD, default today): the ten years end in its year.",
        )

    def handle(self, *args, factor: float, seed: int, as_of: datetime.date | None, verbosity: int, **options):
        if factor <= 0:
            raise CommandError("--factor must be greater than 0.")
        started = time.monotonic()

        def progress(message: str) -> None:
            if verbosity:
                self.stdout.write(f"[{time.monotonic() - started:6.1f} s] {message}")

        seeder = ScaleSeeder(factor, seed=seed, as_of=as_of, progress=progress)
        try:
            created = seeder.run()
        except AlreadySeeded:
            raise CommandError(
                "This database already holds scale data; seed a fresh database (or `manage.py flush` this one)."
            ) from None
        if verbosity:
            for label, rows in sorted(created.items()):
                self.stdout.write(f"  {label:<40} {rows:>9,}")
            self.stdout.write(self.style.SUCCESS(
                f"Scale data (factor {factor:g}, seed {seed}) written in {time.monotonic() - started:.1f} s."
            ))
