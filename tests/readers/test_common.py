"""What the readers share: runs tidied as collected."""

from layout.model import Run
from layout.readers.common import merge


def text(*runs: Run) -> str:
    return "".join(run.text for run in merge(list(runs)))


def test_no_space_before_a_comma_or_full_stop_at_a_run_boundary():
    assert text(Run("Visit "), Run("Ocean Florida ", href="https://x.org"), Run(", shared it.")) == (
        "Visit Ocean Florida, shared it.")
    assert text(Run("a "), Run("b", strong=True), Run(" , c")) == "a b, c"
    assert text(Run("see "), Run("this ", href="https://x.org"), Run(").")) == "see this)."


def test_an_ellipsis_or_a_name_with_a_dot_keeps_its_space():
    assert text(Run("And then ", emphasis=True), Run("... silence")) == "And then ... silence"
    assert text(Run("2 ", strong=True), Run(".NET apps")) == "2 .NET apps"
