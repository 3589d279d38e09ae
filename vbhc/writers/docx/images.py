"""Signature images in a .docx: a DrawingML inline picture, its relationship, content type and part.

PL I, II.7.d: the image of the signature, a PNG, stands centred between the signer's position and
name. Each image is an ``image`` relationship of ``word/document.xml`` to ``word/media/signatureN.png``,
whose bytes are the spec's file unchanged; the PNG content type is declared once. Names and ids follow
the signatures' order, so the same document always gives the same package.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from vbhc.model import SignatureImage
from vbhc.ooxml.build import CT_NS, OFFICE_RELS, PR_NS, R_NS, Element, el, to_bytes
from vbhc.ooxml.xml import A_NS, EMU_PER_PT, WP_NS

PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
EMU_PER_MM = round(EMU_PER_PT * 72 / 25.4)  # 36,000
EMU_PER_TWIP = EMU_PER_PT // 20
PNG_CONTENT_TYPE = "image/png"

# The printed height of a signature image (a page-geometry choice: the decree gives none; about the
# room the signer's name style leaves for a handwritten signature). Its width follows the PNG's
# proportions, narrowed to the signature's column when wider.
SIGNATURE_IMAGE_HEIGHT_MM = 20


class ImagePart:
    """One image of the package: its relationship id, part name and bytes."""

    def __init__(self, n: int, image: SignatureImage) -> None:
        self.n = n
        self.image = image
        self.rid = f"rIdVbhcSignature{n}"
        self.name = f"media/signature{n}.png"

    def extent(self, column_twips: int) -> tuple[int, int]:
        """(cx, cy) in EMU: the fixed height, the PNG's proportions, at most the column's width."""
        width_px, height_px = self.image.size_px
        cy = SIGNATURE_IMAGE_HEIGHT_MM * EMU_PER_MM
        cx = round(cy * width_px / height_px)
        limit = column_twips * EMU_PER_TWIP
        if cx > limit:
            cx, cy = limit, round(limit * height_px / width_px)
        return cx, cy

    def height_pt(self, column_twips: int) -> float:
        """The printed height in points (:meth:`extent`)."""
        return self.extent(column_twips)[1] / EMU_PER_PT

    def run(self, column_twips: int) -> Element:
        """A ``w:r`` holding the picture inline (``wp:inline``), sized by :meth:`extent`."""
        cx, cy = self.extent(column_twips)

        def sub(parent: etree._Element, ns: str, tag: str, **attrs: object) -> etree._Element:
            node = etree.SubElement(parent, f"{{{ns}}}{tag}")
            for key, value in attrs.items():
                node.set(key, str(value))
            return node

        drawing = el("drawing")
        inline = etree.SubElement(drawing, f"{{{WP_NS}}}inline", nsmap={"wp": WP_NS})
        for side in ("distT", "distB", "distL", "distR"):
            inline.set(side, "0")
        sub(inline, WP_NS, "extent", cx=cx, cy=cy)
        sub(inline, WP_NS, "effectExtent", l=0, t=0, r=0, b=0)
        sub(inline, WP_NS, "docPr", id=self.n, name=f"Signature {self.n}")
        frame = sub(inline, WP_NS, "cNvGraphicFramePr")
        locks = etree.SubElement(frame, f"{{{A_NS}}}graphicFrameLocks", nsmap={"a": A_NS})
        locks.set("noChangeAspect", "1")
        graphic = etree.SubElement(inline, f"{{{A_NS}}}graphic", nsmap={"a": A_NS})
        data = sub(graphic, A_NS, "graphicData", uri=PIC_NS)
        pic = etree.SubElement(data, f"{{{PIC_NS}}}pic", nsmap={"pic": PIC_NS})
        nv = sub(pic, PIC_NS, "nvPicPr")
        sub(nv, PIC_NS, "cNvPr", id=0, name=f"signature{self.n}.png")
        sub(nv, PIC_NS, "cNvPicPr")
        fill = sub(pic, PIC_NS, "blipFill")
        sub(fill, A_NS, "blip").set(f"{{{R_NS}}}embed", self.rid)
        sub(sub(fill, A_NS, "stretch"), A_NS, "fillRect")
        shape = sub(pic, PIC_NS, "spPr")
        xfrm = sub(shape, A_NS, "xfrm")
        sub(xfrm, A_NS, "off", x=0, y=0)
        sub(xfrm, A_NS, "ext", cx=cx, cy=cy)
        sub(sub(shape, A_NS, "prstGeom", prst="rect"), A_NS, "avLst")
        return el("r", None, drawing)


def with_images(parts: Sequence[tuple[str, bytes]], images: Sequence[ImagePart]) -> list[tuple[str, bytes]]:
    """``parts`` with ``images`` added: the PNG default content type, one relationship of the main
    document each, and the image parts right after ``word/_rels/document.xml.rels``."""
    if not images:
        return list(parts)
    out: list[tuple[str, bytes]] = []
    for name, data in parts:
        if name == "[Content_Types].xml":
            types = etree.fromstring(data)
            if not any(d.get("Extension", "").lower() == "png" for d in types.iter(f"{{{CT_NS}}}Default")):
                default = etree.Element(f"{{{CT_NS}}}Default", Extension="png", ContentType=PNG_CONTENT_TYPE)
                defaults = list(types.iter(f"{{{CT_NS}}}Default"))
                types.insert(types.index(defaults[-1]) + 1 if defaults else 0, default)
            data = to_bytes(types)
        elif name == "word/_rels/document.xml.rels":
            rels = etree.fromstring(data)
            for image in images:
                etree.SubElement(rels, f"{{{PR_NS}}}Relationship", Id=image.rid, Type=OFFICE_RELS + "image",
                                 Target=image.name)
            data = to_bytes(rels)
        out.append((name, data))
        if name == "word/_rels/document.xml.rels":
            out += [(f"word/{image.name}", image.image.data) for image in images]
    return out
