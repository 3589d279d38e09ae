"""Builders of minimal .docx packages from XML snippets, for the checker's tests."""

from __future__ import annotations

import io
import zipfile

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{main}" ContentType="' + MAIN_CT + '"/>'
    "</Types>"
)

THEME = (
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="T"><a:themeElements>'
    '<a:clrScheme name="c"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2>'
    '<a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1></a:clrScheme>'
    '<a:fontScheme name="f">'
    '<a:majorFont><a:latin typeface="Cambria"/><a:ea typeface="MS Mincho"/><a:cs typeface="Arial"/>'
    "</a:majorFont>"
    '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="SimSun"/><a:cs typeface="Tahoma"/>'
    "</a:minorFont>"
    "</a:fontScheme></a:themeElements></a:theme>"
)


def zip_members(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``members`` (name -> bytes), for packages broken on purpose."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    """A .rels part from (id, type suffix, target) triples."""
    body = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>' for i, t, target in rels)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}'
        "</Relationships>"
    )


def build_docx(
    body: str = "",
    *,
    styles: str | None = None,
    numbering: str | None = None,
    theme: str | None = None,
    settings: str | None = None,
    headers: dict[str, str] | None = None,
    footers: dict[str, str] | None = None,
    main: str = "word/document.xml",
    document: str | None = None,
    extra: dict[str, bytes | str] | None = None,
    omit: tuple[str, ...] = (),
) -> bytes:
    """A .docx as bytes. ``body`` is the inner XML of ``w:body``; ``styles``/``numbering``/``settings`` the
    inner XML of their roots; ``headers``/``footers`` map an rId to the inner XML of ``w:hdr``/``w:ftr``
    (parts are named header1.xml, header2.xml... in order). ``document`` replaces the whole main part.
    """
    folder = main.rsplit("/", 1)[0]
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES.format(main=main),
        "_rels/.rels": rels_xml([("rId1", "officeDocument", main)]),
        main: document if document is not None else f"<w:document {NS}><w:body>{body}</w:body></w:document>",
    }
    doc_rels: list[tuple[str, str, str]] = []
    if styles is not None:
        parts[f"{folder}/styles.xml"] = f"<w:styles {NS}>{styles}</w:styles>"
        doc_rels.append(("rIdStyles", "styles", "styles.xml"))
    if numbering is not None:
        parts[f"{folder}/numbering.xml"] = f"<w:numbering {NS}>{numbering}</w:numbering>"
        doc_rels.append(("rIdNumbering", "numbering", "numbering.xml"))
    if theme is not None:
        parts[f"{folder}/theme/theme1.xml"] = theme
        doc_rels.append(("rIdTheme", "theme", "theme/theme1.xml"))
    if settings is not None:
        parts[f"{folder}/settings.xml"] = f"<w:settings {NS}>{settings}</w:settings>"
        doc_rels.append(("rIdSettings", "settings", "settings.xml"))
    for kind, root, items in (("header", "hdr", headers or {}), ("footer", "ftr", footers or {})):
        for n, (rid, inner) in enumerate(items.items(), start=1):
            parts[f"{folder}/{kind}{n}.xml"] = f"<w:{root} {NS}>{inner}</w:{root}>"
            doc_rels.append((rid, kind, f"{kind}{n}.xml"))
    if doc_rels:
        parts[f"{folder}/_rels/{main.rsplit('/', 1)[1]}.rels"] = rels_xml(doc_rels)
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            if name not in omit:
                zf.writestr(name, data.encode() if isinstance(data, str) else data)
    return buf.getvalue()


def para(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """A one-run paragraph."""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    run = f'<w:r>{rpr_xml}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr_xml}{run}</w:p>"


def pstyle(sid: str, inner: str = "", *, based_on: str | None = None, default: bool = False,
           kind: str = "paragraph", name: str | None = None) -> str:
    """A ``w:style`` element."""
    attrs = f' w:type="{kind}" w:styleId="{sid}"' + (' w:default="1"' if default else "")
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style{attrs}><w:name w:val="{name or sid}"/>{based}{inner}</w:style>'
