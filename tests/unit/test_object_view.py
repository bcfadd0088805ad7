"""The quake marks the panel shows are decided in the domain, at the policy boundaries."""

import datetime as dt

from domain.presentation.object_view import quake_marks


def test_marks_at_the_two_and_five_mm_s_boundaries_and_the_decision_day():
    day = dt.date(2020, 1, 1)
    # compared as shown, two decimals (policy.pgv_rounded): 1.994 reads 1,99, 1.995 reads 2,00
    assert quake_marks(1.994, day, None) == []
    assert quake_marks(1.995, day, None) == ["ge_2"]
    assert quake_marks(5.004, day, dt.date(2019, 1, 1)) == ["ge_5"]  # reads 5,00: not above 5
    assert quake_marks(2.0, day, None) == ["ge_2"]
    assert quake_marks(5.0, day, dt.date(2019, 1, 1)) == ["ge_5"]  # 5 is not more than 5
    assert quake_marks(5.01, day, dt.date(2019, 12, 31)) == ["ge_5", "reopens"]
    assert quake_marks(5.01, day, day) == ["ge_5"]  # a quake on the decision day does not reopen
