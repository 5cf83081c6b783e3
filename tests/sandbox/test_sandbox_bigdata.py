"""The large-directory generator and a sandbox serving it."""

from __future__ import annotations

import time

import httpx
import pytest
from sandbox_testkit import NOW, FakeClock

from desktop_app.sandbox import InProcessTransport, Sandbox, generate_directory


@pytest.fixture(scope="module")
def directory() -> tuple[list[dict], list[dict]]:
    return generate_directory(3000, 100_000, seed=5)


def test_generation_is_fast_and_sized_as_asked() -> None:
    started = time.perf_counter()
    clinics, resources = generate_directory(3000, 100_000)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"generate_directory took {elapsed:.2f} s"
    assert (len(clinics), len(resources)) == (3000, 100_000)


def test_generation_is_deterministic() -> None:
    a = generate_directory(50, 400, seed=1)
    assert a == generate_directory(50, 400, seed=1)
    assert a[0][0]["guid"] != generate_directory(50, 400, seed=2)[0][0]["guid"]


def test_directory_shape(directory: tuple[list[dict], list[dict]]) -> None:
    clinics, resources = directory
    guids = [c["guid"] for c in clinics] + [r["guid"] for r in resources]
    assert len(set(guids)) == len(guids)
    known = {c["guid"] for c in clinics}
    assert {r["lpuGuid"] for r in resources} == known  # every clinic has resources
    statuses = [c["status"] for c in clinics]
    assert 0 < sum(s["name"] == "Offline" for s in statuses) < len(clinics) * 0.05
    assert any(s["ping"] is not None and s["ping"] >= 900 for s in statuses)
    assert any(c["isChildrenPolyclinic"] for c in clinics)
    assert {r["resType"] for r in resources} == {"doctor", "room"}
    assert len({c["name"] for c in clinics}) == len(clinics)


@pytest.mark.asyncio
async def test_sandbox_serves_and_books_in_a_big_directory(
    directory: tuple[list[dict], list[dict]],
) -> None:
    clinics, resources = directory
    sb = Sandbox.with_directory(clinics, resources, clock=FakeClock(NOW))
    assert len(sb.clinics()) == 3000 + 12
    clinic = next(
        c for c in clinics if c["status"]["name"] == "Online" and not c["isChildrenPolyclinic"]
    )
    mine = [r for r in resources if r["lpuGuid"] == clinic["guid"]]
    async with httpx.AsyncClient(
        transport=InProcessTransport(sb), base_url="http://sandbox.invalid"
    ) as client:
        started = time.perf_counter()
        listed = (await client.get("/lpu")).json()
        assert len(listed) == 3012
        assert time.perf_counter() - started < 3
        doctors = (await client.get(f"/lpu/{clinic['guid']}/doctor")).json()
        assert [d["guid"] for d in doctors] == [r["guid"] for r in mine]
        assert "lpuGuid" not in doctors[0]
        response = await client.post(
            f"/visit/{clinic['guid']}/outSchedule/{mine[0]['guid']}/2026-11-28",
            headers={"Authorization": f"Bearer {sb.issue_token('adult')}"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["beginTime"] == "2026-11-28T08:00:00+03:00"  # default hours
    assert sb.landmarks().main_clinic  # the standard data set is still there


def test_directory_only_sandbox_has_no_landmarks() -> None:
    clinics, resources = generate_directory(10, 30)
    sb = Sandbox.with_directory(clinics, resources, clock=FakeClock(NOW), include_standard=False)
    assert len(sb.clinics()) == 10
    assert len(sb.patients()) == 12  # the roster is always there
    assert sb.bookings == []
    with pytest.raises(KeyError):
        sb.landmarks()


def test_resource_of_an_unknown_clinic_is_refused() -> None:
    clinics, resources = generate_directory(2, 4)
    with pytest.raises(ValueError, match="lpuGuid"):
        Sandbox.with_directory(clinics[:1], resources)
