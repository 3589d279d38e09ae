"""What spans the layers: a template is accepted only if the documents it renders pass ``vbhc check``.

A template passes two gates. :class:`~vbhc.writers.docx.template.Template` reads it safely, keeps only
its look and holds its styles and page to the decree's ranges (:func:`~vbhc.writers.docx.template.
decree_problems`). Then :func:`template_findings` renders :func:`probe_documents` (every role of
:class:`~vbhc.nd30.Role`, over more than one page) with it and runs the checker on them: any finding
refuses the template, in the checker's words (rule id, clause, expected and found). So a template that
``vbhc render --template``, a profile's ``template:`` or ``vbhc template`` accepts never gives a file
that ``vbhc check`` faults.

:func:`read` is the spec reader with the profile's template checked here (the reader resolves the
path; it never imports a writer): what :func:`read` accepts, :func:`render` renders.

Imports readers, writers and check, the last two when they are needed (``vbhc validate`` loads no
writer unless a profile names a template; the checker is loaded only to check a template). Imported by
the CLI and the package's ``__init__``; never by the layers below.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from vbhc import model as m
from vbhc.diagnostics import Diagnostic, SpecProblems, split_path
from vbhc.errors import TemplateError
from vbhc.model.particulars import Leave, Telegram
from vbhc.readers.spec import reader

if TYPE_CHECKING:
    from vbhc.readers.docx import ReportRow
    from vbhc.readers.spec.rows import Row
    from vbhc.readers.spec.source import Parsed
    from vbhc.writers.docx.template import Template

PathLike = str | os.PathLike[str]

_LONG = ("Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch, bố trí nguồn "
         "lực và tổ chức thực hiện bảo đảm đúng tiến độ; định kỳ hằng quý báo cáo kết quả về Ủy ban nhân dân "
         "xã để theo dõi, tổng hợp.")


@cache
def probe_documents() -> tuple[m.Document, ...]:
    """Documents that use every role between them, the first over two pages (so page numbers show)."""
    commune = m.Issuer(name=["Ủy ban nhân dân", "xã Thử Nghiệm"], abbreviation="UBND",
                       address="Thôn Một, xã Thử Nghiệm", phone="0200 000 000", email="ubnd@thunghiem.gov.vn")
    report = m.Document(
        type="bao-cao", issuer=m.Issuer(name=["Phòng Nội vụ"], abbreviation="NV",
                                        parent=["Ủy ban nhân dân", "huyện Thử Nghiệm"]),
        number=7, place="Thử Nghiệm", date=m.IssueDate(2024, 6, 10), secrecy="MẬT", urgency="KHẨN",
        summary="Kết quả công tác cải cách hành chính sáu tháng đầu năm 2024",
        addressees=["Ủy ban nhân dân huyện Thử Nghiệm"],
        body=[
            m.Part("Kết quả đạt được", [
                m.Item(title="Cải cách thể chế", children=[m.Paragraph(_LONG), m.Paragraph(_LONG)]),
                m.Item(text="Cải cách thủ tục hành chính.", children=[
                    m.Point("Rà soát thủ tục;"), m.Point("Công khai thủ tục."),
                    m.Dash(_LONG, [m.Plus("Tại bộ phận một cửa."), m.Plus("Trên cổng thông tin.")])]),
            ]),
            m.Part("Nhiệm vụ sáu tháng cuối năm", [
                m.Item(title="Tiếp tục cải cách", children=[m.Dash(_LONG) for _ in range(10)]),
            ]),
        ],
        signatures=m.Signature(position="Trưởng phòng", name="Phạm Văn Minh"),
        recipients=[m.Recipient("Ủy ban nhân dân huyện", "b/c")], archive=m.Archive(["NV"]),
        appendices=[m.Appendix("Số liệu thủ tục hành chính", [
            m.Paragraph("Số liệu theo biểu kèm theo."),
            m.Table([["1", "Thủ tục cấp xã", "1.234"]], header=[["STT", "Lĩnh vực", "Số hồ sơ"]],
                    total=[m.Cell("Tổng cộng", colspan=2), "1.234"])])],
    )
    decision = m.Document(
        type="quyet-dinh", issuer=commune, number=3, place="Thử Nghiệm", date=m.IssueDate(2024, 2, 15),
        summary="Ban hành Quy chế tiếp công dân của Ủy ban nhân dân xã",
        enacting_authority="Chủ tịch Ủy ban nhân dân xã Thử Nghiệm",
        legal_bases=["Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;",
                     "Theo đề nghị của Công chức Văn phòng - Thống kê."],
        body=[m.Chapter("Quy định chung", [m.Section("Phạm vi", [
            m.Article("Phạm vi điều chỉnh", [m.Item(text="Việc tiếp công dân tại trụ sở.", children=[
                m.Point("Địa điểm;"), m.Point("Thời gian.")])])])])],
        signatures=m.Signature(position="Chủ tịch", name="Phạm Văn Minh"),
        recipients=[m.Recipient("Như Điều 1")],
        copy=m.Copy(kind="sao-y", number=4, date=m.IssueDate(2024, 2, 16),
                    signature=m.Signature(position="Chủ tịch", name="Phạm Văn Minh"),
                    recipients=[m.Recipient("Các thôn")]),
    )
    letter = m.Document(
        type="cong-van", issuer=commune, unit="VP", number=9, place="Thử Nghiệm", draft=True,
        circulation="Lưu hành nội bộ", issuance=m.IssuanceNote("VP", 10),
        date=m.IssueDate(2024, 4, 2),
        summary="Tổ chức tiếp công dân định kỳ", addressees=["Các thôn", "Công an xã"],
        body=[m.Paragraph("Ủy ban nhân dân xã đề nghị các đơn vị phối hợp tổ chức tiếp công dân định kỳ.")],
        signatures=m.Signature(position="Phó Chủ tịch", name="Đỗ Thị Lan",
                               mandates=[m.Mandate("TM.", "Ủy ban nhân dân"), m.Mandate("KT.", "Chủ tịch")]),
        recipients=[m.Recipient("Chủ tịch", "b/c")],
    )
    leave = m.Document(  # PL III, Mẫu 1.10, with its confirmation box
        type="giay-nghi-phep", issuer=commune, number=4, place="Thử Nghiệm", date=m.IssueDate(2024, 7, 1),
        leave=Leave(request_date=m.IssueDate(2024, 6, 25), person="Đỗ Thị Lan", days=3,
                    start=m.IssueDate(2024, 7, 8), end=m.IssueDate(2024, 7, 10), place="xã Thử Nghiệm",
                    counted_as="nghỉ phép năm 2024", confirmation=True),
        signatures=m.Signature(position="Chủ tịch", name="Phạm Văn Minh",
                               mandates=[m.Mandate("TM.", "Ủy ban nhân dân")]),
        recipients=[m.Recipient("Bà Đỗ Thị Lan")],
    )
    telegram = m.Document(  # PL III, Mẫu 1.6: the centred "… điện:" and the receivers under it
        type="cong-dien", issuer=commune, number=2, place="Thử Nghiệm", date=m.IssueDate(2024, 9, 6),
        summary="Về việc chủ động ứng phó với bão",
        telegram=Telegram(sender="Chủ tịch Ủy ban nhân dân xã Thử Nghiệm",
                          receivers=["Các thôn", "Công an xã"]),
        body=[m.Paragraph("Các đơn vị trực ban 24/24 giờ, báo cáo kịp thời về Ủy ban nhân dân xã.")],
        signatures=m.Signature(position="Chủ tịch", name="Phạm Văn Minh",
                               mandates=[m.Mandate("TM.", "Ủy ban nhân dân")]),
        recipients=[m.Recipient("Như trên")],
    )
    return report, decision, letter, leave, telegram


_CHECKED: OrderedDict[str, tuple[str, ...]] = OrderedDict()  # template digest -> its findings
_CHECKED_SIZE = 32  # templates remembered: a batch or a server checks each of its few templates once


def template_findings(template: Template) -> list[str]:
    """What ``vbhc check`` finds in the probe documents rendered with ``template``, one line each.

    The answer is remembered by the digest of the template's parts, so a template named by a profile
    is checked once by ``read`` and not again by ``render``.
    """
    import hashlib  # only when a template is given

    digest = hashlib.sha256()
    for name, data in template.parts:
        digest.update(name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    key = digest.hexdigest()
    if key in _CHECKED:
        _CHECKED.move_to_end(key)
        return list(_CHECKED[key])
    from vbhc.check import check
    from vbhc.writers.docx.writer import render_bytes as write

    lines: dict[str, None] = {}
    for document in probe_documents():
        report = check(write(document, template), name="probe")
        for finding in report.findings:
            lines[f"a document rendered with it fails vbhc check: {finding.line()}"] = None
    _CHECKED[key] = tuple(lines)
    if len(_CHECKED) > _CHECKED_SIZE:
        _CHECKED.popitem(last=False)
    return list(lines)


def load_template(source: PathLike | bytes, name: str | None = None) -> Template:
    """The template at ``source`` (a path, or a .docx's bytes named ``name``), or a
    :class:`TemplateError` listing its decree problems and what the checker finds in what it renders."""
    from vbhc.writers.docx.template import Template

    if isinstance(source, bytes):
        template = Template(source, name or "template", strict=False)
    else:
        template = Template.from_path(source, strict=False)
    problems = [*template.problems, *template_findings(template)]
    if problems:
        raise TemplateError("\n".join(f"{template.source}: {p}" for p in problems))
    return template


def template_problems(path: Path) -> list[str]:
    """Why the template at ``path`` is refused, one line each (none when it is accepted)."""
    try:
        load_template(path)
    except TemplateError as exc:
        return str(exc).splitlines()
    return []


def read(path: PathLike, profile: PathLike | None = None, template: PathLike | None = None
         ) -> reader.Validation:
    """:func:`vbhc.readers.spec.reader.read`, with the profile's template checked (never raises on bad
    input: a bad template is an error on the profile's ``template`` field), and the warnings of
    :func:`fit_warnings` with ``template`` (else the profile's)."""
    return _with_fit(reader.read(path, profile, template_problems=template_problems), template)


def read_data(data: Any, source: str = "<spec>", profile: PathLike | None = None, *, files: bool = True
              ) -> reader.Validation:
    """:func:`read` for parsed spec data (:func:`vbhc.readers.spec.reader.structure_data`): what a web form
    or an assistant sends, with ``files=False`` where the spec may name no file on this machine."""
    found = reader.structure_data(data, source, profile, template_problems=template_problems, files=files)
    return _with_fit(found)


def _with_fit(result: reader.Validation, template: PathLike | None = None) -> reader.Validation:
    if result.document is None:
        return result
    return result._replace(warnings=result.warnings + fit_warnings(result, template or result.template))


def read_row(spec: Parsed, path: PathLike, row: Row, profile: PathLike | None = None,
             profiles: dict[Path, Any] | None = None) -> reader.Validation:
    """:func:`read` for one row of ``vbhc batch`` (:func:`vbhc.readers.spec.reader.read_row`): the spec
    parsed once, the row's values over it, the profile's template checked, the fit warnings added;
    ``profiles`` keeps the profiles read so far."""
    result = reader.read_row(spec, path, row, profile, template_problems=template_problems, profiles=profiles)
    if result.document is None:
        return result
    return result._replace(warnings=result.warnings + fit_warnings(result, result.template))


def fit_warnings(result: reader.Validation, template: PathLike | Template | None = None) -> list[Diagnostic]:
    """The issuer lines of a read spec too wide for the header's column (:func:`vbhc.layout.header.
    fit_warnings`), located in the spec. Measured with ``template``, else the built-in one's sizes and
    margins, which are the Formatting defaults (so no writer is loaded for them)."""
    from vbhc.layout import lay_out
    from vbhc.layout.header import Look
    from vbhc.layout.header import fit_warnings as measure
    from vbhc.model.formatting import Formatting

    assert result.document is not None and result.locate is not None
    look: Look
    if template is None:
        fmt = Formatting()
        width = fmt.text_width_mm * 72 / 25.4
        look = lambda role: (fmt.size(role), role.typography.bold, role.typography.italic)  # noqa: E731
    else:
        from vbhc.writers.docx.writer import look_of

        loaded = _template(template)
        assert loaded is not None
        width, look = loaded.text_width / 20, look_of(loaded)
    out = []
    for found in measure(lay_out(result.document), width, look):
        source, line = result.locate(split_path(found.path))
        out.append(attrs.evolve(found, source=source, line=line))
    return out


def _template(template: PathLike | Template | None) -> Template | None:
    """A template path loaded and checked (:func:`load_template`); a :class:`Template` as it is."""
    from vbhc.writers.docx.template import Template

    return template if template is None or isinstance(template, Template) else load_template(template)


def render(document: m.Document, target: PathLike | IO[bytes],
           template: PathLike | Template | None = None) -> None:
    """Render ``document`` to a path (atomically) or a binary stream; a ``template`` path is checked by
    :func:`load_template` first."""
    from vbhc.writers.docx.writer import render as _render

    _render(document, target, _template(template))


def render_bytes(document: m.Document, template: PathLike | Template | None = None) -> bytes:
    """The .docx bytes of ``document``; ``template`` as for :func:`render`."""
    from vbhc.writers.docx.writer import render_bytes as _render_bytes

    return _render_bytes(document, _template(template))


def load(path: PathLike, profile: PathLike | None = None) -> m.Document:
    """The spec's document, or a :class:`~vbhc.errors.SpecError` listing every error (template included)."""
    result = read(path, profile)
    if result.document is None:
        raise SpecProblems(str(path), result.errors, result.warnings)
    return result.document


__all__ = ["fit_warnings", "load", "load_template", "probe_documents", "read", "read_data", "read_row",
           "render", "render_bytes", "template_findings", "template_problems"]
__all__ += ["IMPORT_SUFFIXES", "ImportResult", "import_document", "profile_yaml"]


# --------------------------------------------------------------------------------------------
# Import: an existing document into a spec


IMPORT_SUFFIXES = (".docx", ".docm", ".doc", ".rtf", ".odt", ".txt", ".md")


@attrs.frozen
class ImportResult:
    """What :func:`import_document` read: the ``document`` (the model), its ``spec`` (plain data, what an
    officer would type) and that spec as ``yaml`` text, the ``diagnostics`` (warnings: what was not
    placed, numbers that disagree) and the ``report`` (each paragraph's number, what it was read as,
    its text). ``files``: the signatures' images the spec names (``image: ke-hoach-chu-ky-1.png``), by
    their names relative to the spec's folder, to be written beside it."""

    document: m.Document
    spec: dict[str, object]
    yaml: str
    diagnostics: list[Diagnostic]
    report: list[ReportRow]
    files: dict[str, bytes] = attrs.field(factory=dict)


def import_document(source: PathLike | bytes, *, name: str = "document.docx",
                    profile: PathLike | None = None, spec_path: PathLike | None = None) -> ImportResult:
    """Read an existing document (a .docx, or pasted text in a .txt or .md; the kind from ``name`` for
    bytes, else from the path) into the model and the YAML spec that renders it. A Word 97–2003 .doc,
    an .rtf or an .odt (known by its bytes, whatever its name) is converted to .docx by LibreOffice
    first (:func:`vbhc.libreoffice.as_docx`); without LibreOffice that raises
    :class:`~vbhc.errors.ConverterMissing`, naming what to install.

    ``profile`` (a commune profile's path) fills what the source lacks and replaces its issuer, place
    and signer (:func:`vbhc.readers.docx.adopt_profile`). With ``spec_path`` (where the spec will be
    written) too, the spec names the profile (``profile: ../profiles/xa.yaml``, relative to its folder)
    and leaves out what the profile gives, as an officer writes it.

    Raises :class:`~vbhc.errors.SpecError` for an unreadable source or one whose fields do not make a
    valid document (every problem listed), and :class:`~vbhc.readers.docx.NotAnAdministrativeDocument`
    for a source that is no such document.
    """
    import yaml as pyyaml

    from vbhc.errors import DocxReadError, FileError, SpecError
    from vbhc.fileio import read_bytes
    from vbhc.libreoffice import ConversionError, as_docx
    from vbhc.limits import MAX_ARCHIVE_BYTES
    from vbhc.readers.docx import adopt_profile, place_tables, read_docx, read_text
    from vbhc.readers.spec.source import MAX_FILE_BYTES
    from vbhc.readers.spec.unparse import spec_data
    from vbhc.writers.spec import dump_yaml

    if not isinstance(source, bytes):
        name = str(source)
    suffix = Path(name).suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise SpecError(name, message=f"cannot import a {suffix or 'file without extension'}; import one of "
                                      f"{', '.join(IMPORT_SUFFIXES)}")
    text_input = suffix in (".txt", ".md")
    if not isinstance(source, bytes):
        try:
            source = read_bytes(source, MAX_FILE_BYTES if text_input else MAX_ARCHIVE_BYTES, "source")
        except FileError as exc:
            raise SpecError(name, message=exc.problem) from None
    try:
        source, converted = as_docx(source)
    except ConversionError as exc:
        raise SpecError(name, message=str(exc)) from None
    text_input = text_input and converted is None
    if text_input:
        try:
            imported = read_text(source.decode("utf-8").removeprefix("\ufeff"))
        except UnicodeDecodeError as exc:
            raise SpecError(name, message=f"not UTF-8 text (byte {exc.start + 1}); save it as "
                                          "UTF-8") from None
    else:
        try:
            imported = read_docx(source)
        except DocxReadError as exc:
            raise SpecError(name, message=str(exc)) from None
    data = adopt_profile(imported.data, profile) if profile is not None else imported.data
    result = reader.structure_data(data, name, profile)
    if result.document is None:
        missing = [e.path for e in result.errors if e.message.endswith("found nothing")]
        hint = [Diagnostic("no tên loại of Art. 7 (nor a công văn's \"V/v\") was recognised under the "
                           "header: vbhc lays out the 29 types of Art. 7 only, and a profile cannot give "
                           "a type", "type", name)] if "type" in missing else []
        given = [path for path in missing if path != "type"]
        hint += [] if not given or profile else [Diagnostic(
            f"the source does not give {', '.join(given)}: import it with --profile (a commune profile "
            "that gives them)", "", name)]
        raise SpecProblems(name, result.errors + hint, result.warnings)
    document = place_tables(result.document, imported.tables)
    document, files = _with_images(document, imported.images, spec_path)
    diagnostics = [Diagnostic(w.message, f'¶{w.paragraph} "{w.text}"' if w.paragraph else w.text, name,
                              warning=True) for w in sorted(imported.warnings, key=lambda w: w.paragraph)]
    diagnostics += [w for w in result.warnings
                    if not w.path.startswith(("body", "preamble", "appendices"))]
    if converted is not None:
        diagnostics.insert(0, Diagnostic(f"converted to .docx by LibreOffice from {converted.describe()} "
                                         "before import", "", name, warning=True))
    spec = spec_data(document)
    if profile is not None and spec_path is not None:
        spec = _under_profile(spec, document, profile, spec_path)
    text = dump_yaml(spec, f"Imported by vbhc import from {Path(name).name}; check it, then: vbhc render "
                           "SPEC.yaml")
    again = reader.structure_data(_without_images(pyyaml.safe_load(text)), str(spec_path or name))
    if again.document != _with_images(document, {}, None)[0]:
        diagnostics.append(Diagnostic("the written spec does not read back into the imported document "
                                      "(please report this)", "", name, warning=True))
    return ImportResult(document, spec, text, diagnostics, list(imported.report), files)


def _with_images(document: m.Document, images: dict[int, tuple[str, bytes]],
                 spec_path: PathLike | None) -> tuple[m.Document, dict[str, bytes]]:
    """``document`` with each signer's imported image (none: every image taken off), named after the spec
    (``ke-hoach-chu-ky-1.png``), and those files by name."""
    stem = f"{Path(spec_path).stem}-" if spec_path is not None else ""
    files: dict[str, bytes] = {}
    signatures = []
    for k, signature in enumerate(document.signatures):
        image = None
        if k in images:
            file = f"{stem}chu-ky-{k + 1}.png"
            files[file] = images[k][1]
            image = m.SignatureImage(images[k][1], file)
        signatures.append(attrs.evolve(signature, image=image))
    return attrs.evolve(document, signatures=tuple(signatures)), files


def _without_images(data: Any) -> Any:
    """Spec data with no signature's ``image`` (its file is not written yet when the spec is read back)."""
    if not isinstance(data, dict):
        return data
    signatures = data.get("signatures")
    if isinstance(signatures, dict):
        return {**data, "signatures": {k: v for k, v in signatures.items() if k != "image"}}
    if isinstance(signatures, list):
        return {**data, "signatures": [{k: v for k, v in s.items() if k != "image"}
                                       if isinstance(s, dict) else s for s in signatures]}
    return data


def _under_profile(spec: dict[str, object], document: m.Document, profile: PathLike,
                   spec_path: PathLike) -> dict[str, object]:
    """``spec`` naming ``profile`` (relative to the spec's folder) and without the fields it gives: each
    office field is left out where the profile alone gives the same document, and a signature the
    profile names is written by its key (``signatures: pho-chu-tich``)."""
    from collections.abc import Mapping

    from vbhc.readers.spec.profile import PROFILE_FIELDS
    from vbhc.readers.spec.source import read_file

    ref = os.path.relpath(Path(profile).resolve(), Path(spec_path).resolve().parent)
    out: dict[str, object] = {"profile": Path(ref).as_posix(), **spec}

    def same(candidate: dict[str, object]) -> bool:
        return reader.structure_data(candidate, str(spec_path)).document == document

    for key in PROFILE_FIELDS:
        if key in out:
            trial = {k: v for k, v in out.items() if k != key}
            if same(trial):
                out = trial
    signers = read_file(Path(profile), "profile").data.get("signers")
    if "signatures" in out and isinstance(signers, Mapping):
        for key in signers:
            trial = {**out, "signatures": str(key)}
            if same(trial):
                out = trial
                break
    return out


def profile_yaml(result: ImportResult) -> str:
    """The commune profile of an imported document's office, as YAML (``vbhc import --profile-out``)."""
    from vbhc.readers.spec.unparse import profile_data
    from vbhc.writers.spec import dump_yaml

    return dump_yaml(profile_data(result.document), "A commune profile written by vbhc import: what every "
                                                      "document of this office shares.\nA spec names it "
                                                      "with `profile: FILE.yaml`; the spec's fields win.")
