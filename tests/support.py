"""Constants shared by tests: where the samples and the seed are, and what the seed holds."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SEED = SAMPLES / "000_eff8da0c94a8cb24.txt"
SEED_TITLE = "US, allies pushing Pakistan to vote against Russia at UN"
