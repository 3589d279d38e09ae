"""``vbhc batch``: one document per data row, the same bytes whatever the number of workers and the
same as rendering each row's spec alone; a bad row fails alone, with its number and field path."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

import vbhc
from tests.conftest import EXAMPLES
from vbhc.batch import FileNameError, Outcome, collisions, file_name, safe_name, slug
from vbhc.cli import main
from vbhc.cli.batch import Progress
from vbhc.readers.spec.rows import column_path, read_rows

SPEC = EXAMPLES / "ke-hoach-hoang-kim.yaml"
PROFILE = EXAMPLES / "profiles" / "xa-hoang-kim.yaml"
HEADER = ["place", "issuer.name.1", "signatures.0.name", "number", "date"]
# Commune names with every kind of Vietnamese letter, and two that clash once their marks are gone.
STEMS = ["Hoàng Kim", "Quảng Phú", "Hoằng Đạo", "Đông Sơn", "Thiệu Hóa", "Yên Định", "Nga Sơn", "Ứng Hòe"]


def communes(count: int) -> list[list[str]]:
    rows = []
    for i in range(count):
        place = f"{STEMS[i % len(STEMS)]} {i // len(STEMS) + 1}"
        date = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rows.append([place, f"xã {place}", f"Người Ký Số {i + 1}", str(i + 1), date])
    return rows


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def single_spec(folder: Path, row: list[str], i: int) -> Path:
    """The row written out as a spec of its own, its values in place of the fields the row fills."""
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    data["profile"] = str(PROFILE)
    place, line2, signer, number, date = row
    data.update(place=place, number=int(number), date=date, issuer={"name": ["Ủy ban nhân dân", line2]},
                signatures=[{"mandates": ["TM. Ủy ban nhân dân"], "position": "Chủ tịch", "name": signer}])
    path = folder / f"single-{i}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def two_hundred(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[str]], list[bytes]]:
    """A CSV of 200 communes, and each row rendered alone from a spec of its own."""
    folder = tmp_path_factory.mktemp("communes")
    rows = communes(200)
    alone = [vbhc.render_bytes(vbhc.load(single_spec(folder, row, i))) for i, row in enumerate(rows)]
    return write_csv(folder / "communes.csv", rows), rows, alone


@pytest.mark.parametrize("workers", [1, 2])
def test_two_hundred_communes_are_their_single_renders(two_hundred: tuple[Path, list[list[str]], list[bytes]],
                                                       tmp_path: Path, workers: int,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    data, rows, alone = two_hundred
    out = tmp_path / "out"
    status = main(["batch", str(SPEC), str(data), "-o", str(out), "--workers", str(workers),
                   "--name", "{row:03}-{dia_danh:slug}.docx"])
    assert status == 0, capsys.readouterr().err
    files = sorted(out.iterdir())
    assert len(files) == 200
    assert files[0].name == "001-hoang-kim-1.docx" and files[2].name == "003-hoang-dao-1.docx"
    for i, row in enumerate(rows):
        assert (out / f"{i + 1:03}-{slug(row[0])}.docx").read_bytes() == alone[i], f"row {i + 1}"
    assert len(set(alone)) == 200  # every row is a document of its own


def test_a_bad_date_fails_alone_with_its_row_number(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rows = communes(3)
    rows[1][4] = "2024-02-30"
    data = write_csv(tmp_path / "communes.csv", rows)
    out = tmp_path / "out"
    assert main(["batch", str(SPEC), str(data), "-o", str(out), "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert "vbhc: error: communes.csv row 2: date.day: expected a day that exists in 02/2024 (1 to 29); " \
           "found 30" in err
    assert [line for line in err.splitlines() if "error" in line] == [
        line for line in err.splitlines() if "row 2" in line]
    assert sorted(p.name for p in out.iterdir()) == ["0001-hoang-kim-1.docx", "0003-hoang-dao-1.docx"]


def test_two_rows_one_name_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_csv(tmp_path / "communes.csv", communes(3))
    out = tmp_path / "out"
    assert main(["batch", str(SPEC), str(data), "-o", str(out), "--name", "{loai}.docx",
                 "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert "ke-hoach.docx: rows 1, 2, 3 would all write this file" in err and "nothing was written" in err
    assert not out.exists()


def test_names_that_differ_only_in_case_collide() -> None:
    def outcome(number: int, name: str) -> Outcome:
        return Outcome(number, f"d.csv row {number}", name, b"", "", "", (), ())
    assert collisions([outcome(1, "Xã-A.docx"), outcome(2, "xã-a.docx"), outcome(3, "b.docx")]) == [
        "Xã-A.docx: rows 1, 2 would all write this file (add a field such as {row} to --name)"]


@pytest.mark.parametrize(("name", "safe"), [
    ("Hoàng Kim.docx", "Hoàng Kim.docx"),
    ("12/KH-UBND: kế hoạch?.docx", "12-KH-UBND- kế hoạch-.docx"),
    ("CON.docx", "_CON.docx"), ("com1.docx", "_com1.docx"), ("Nul.tar.docx", "_Nul.tar.docx"),
    ("trailing. .docx", "trailing.docx"), ("tab\there.docx", "tab-here.docx"),
])
def test_names_are_safe_on_windows_and_linux(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_a_long_name_is_cut_within_255_bytes_at_a_character() -> None:
    name = safe_name("Ủy ban nhân dân " * 30 + ".docx")
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= 255
    name.encode("utf-8").decode("utf-8")


def test_name_patterns() -> None:
    values = {"row": "7", "dia_danh": "Hoằng Đạo", "so": "12"}
    assert file_name("{row:04}-{dia_danh:slug}", values) == "0007-hoang-dao.docx"
    assert file_name("{dia_danh} số {so}.docx", values) == "Hoằng Đạo số 12.docx"
    with pytest.raises(FileNameError, match=r"\{xa\} is not a field; use one of dia_danh, row, so"):
        file_name("{xa}.docx", values)
    with pytest.raises(FileNameError, match="names no file"):
        file_name("{so:slug}", {"so": ""})


def test_a_pattern_with_a_folder_is_refused_before_any_work(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = write_csv(tmp_path / "communes.csv", communes(1))
    assert main(["batch", str(SPEC), str(data), "-o", str(tmp_path / "out"), "--name", "../{row}.docx"]) == 2
    assert "no folder" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_cells_are_typed_by_their_field_and_empty_cells_keep_the_spec(tmp_path: Path) -> None:
    rows = [["Hoàng Kim", "", "3", "true"], ["Quảng Phú", "Ủy ban\nxã Quảng Phú", "", "2"]]
    data = write_csv(tmp_path / "d.csv", rows, header=["place", "issuer.name", "number", "draft"])
    first, second = read_rows(data)
    assert dict(first.values) == {("place",): "Hoàng Kim", ("number",): 3, ("draft",): True}
    assert dict(second.values) == {("place",): "Quảng Phú", ("issuer", "name"): ["Ủy ban", "xã Quảng Phú"],
                                   ("draft",): 2}
    assert column_path("signatures[0].name") == column_path("signatures.0.name") == ("signatures", 0, "name")


def test_json_rows_and_a_profile_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"profile": str(EXAMPLES / "profiles" / "xa-quang-phu.yaml"), "number": 4},
            {"place": "Hoàng Kim", "signatures": "pho-chu-tich"}]
    data = tmp_path / "rows.json"
    data.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(SPEC), str(data), "-o", str(out), "--workers", "1",
                 "--name", "{row}-{co_quan:slug}-{so}"]) == 0, capsys.readouterr().err
    quang_phu = vbhc.render_bytes(vbhc.load(SPEC, profile=EXAMPLES / "profiles" / "xa-quang-phu.yaml"))
    assert sorted(p.name for p in out.iterdir()) == ["1-uy-ban-nhan-dan-xa-quang-phu-4.docx",
                                                      "2-uy-ban-nhan-dan-xa-hoang-kim-.docx"]
    assert (out / "1-uy-ban-nhan-dan-xa-quang-phu-4.docx").read_bytes() != quang_phu  # the number differs
    text = (out / "2-uy-ban-nhan-dan-xa-hoang-kim-.docx").read_bytes()
    assert "Nguyễn Thị Hồng".encode() in text or b"word/document.xml" in text


def test_a_row_error_names_its_row_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_csv(tmp_path / "d.csv", [["Hoàng Kim", "x"]], header=["place", "summery"])
    assert main(["batch", str(SPEC), str(data), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "d.csv row 1: summery: expected one of the fields" in err and "did you mean 'summary'?" in err


def test_a_path_into_a_value_that_is_not_a_list_is_an_error(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = write_csv(tmp_path / "d.csv", [["x"]], header=["place.0"])
    assert main(["batch", str(SPEC), str(data), "-o", str(tmp_path / "out")]) == 1
    assert "d.csv row 1: place[0]: expected a list here; found" in capsys.readouterr().err


def test_progress_shows_only_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    Progress(4, enabled=False)(4)
    assert capsys.readouterr().err == ""
    Progress(4, enabled=True)(4)
    assert capsys.readouterr().err == "\r[" + "#" * 30 + "] 4/4\n"
