"""Sizes as people read them, in the messages that refuse a file for its size."""

from __future__ import annotations

import pytest

from forensics_gui.core.sizes import readable_size, readable_sizes


@pytest.mark.parametrize(("size", "shown"), [
    (0, "0 bytes"), (1, "1 byte"), (1023, "1,023 bytes"), (1024, "1 KB"),
    (16_179, "15.8 KB"), (int(0.01 * 2**20), "10.2 KB"), (200 * 2**20, "200 MB"),
    (int(1.5 * 2**30), "1.5 GB"),
])
def test_sizes_read_in_the_unit_that_fits(size: int, shown: str) -> None:
    assert readable_size(size) == shown


def test_a_size_just_over_its_limit_does_not_read_as_the_limit() -> None:
    assert readable_sizes(200 * 2**20 + 100, 200 * 2**20) == ("209,715,300 bytes",
                                                               "209,715,200 bytes")
    assert readable_sizes(16_179, 10_485) == ("15.8 KB", "10.2 KB")
