"""What Decree 30 governs, and the documents an office holds that it does not: one record each, with the
clause that leaves it out and the regulation that governs it instead.

Decree 30 governs the văn thư of state bodies and organisations and state enterprises (Art. 1; Art. 2.1);
political and socio-political organisations (the Party, the Fatherland Front, the Youth Union, the
Women's, Farmers' and Veterans' Unions) apply it "cho phù hợp" beside the Party's rules and their own
(Art. 2.2); a legal normative document (văn bản quy phạm pháp luật) follows the Law on Promulgation of
Legal Documents, and only a văn bản hành chính follows Chương II (Art. 4.2.a), whose types Art. 7 lists
and which Art. 3.3 defines as formed in the work of bodies and organisations.

An organisation that prints the Quốc hiệu over its documents (the Fatherland Front, the Women's Union,
an enterprise, a school) has taken Decree 30's thể thức: it is checked as Decree 30 writes it. One that
prints its own line where the Quốc hiệu stands (:attr:`Scope.headings`) follows its own rules.

What every one of these regulations states alike — A4 paper, the margins within Decree 30's ranges,
Vietnamese Unicode text (TCVN 6909:2001) in Times New Roman, black — is :data:`SHARED_TECHNIQUE`: the
checker holds an out-of-scope document to that much and no more (docs/check.md, "What Decree 30 does not
govern").
"""

from __future__ import annotations

from dataclasses import dataclass

SCOPE_CLAUSE = "Art. 1; Art. 2"
APPLIES_TO = "state bodies and organisations and state enterprises (Art. 2.1)"

# The page, font and encoding rules' groups (vbhc.check.rules.COMPONENTS ids) that the regulations of
# every record below state as Decree 30 does (PL I, I.1-I.4): A4, margins within its ranges, Unicode
# TCVN 6909:2001 in Times New Roman, black. Hướng dẫn 36-HD/VPTW (2018), for the Party, states the same
# paper (A4) and font standard (TCVN 6909:2001), and the Party committees' handbooks cite margins within
# Decree 30's ranges (25, 25, 35, 15 mm); the Youth Union's Hướng dẫn 29-HD/TWĐTN-VP (2013) likewise. The
# margins are not held to each text's own words: one set otherwise gets page.margins, read under the
# document.scope finding shown first.
SHARED_TECHNIQUE = ("page", "font", "text")


@dataclass(frozen=True, slots=True)
class Scope:
    """A kind of document Decree 30 does not govern as it writes: ``what`` it is, the ``clause`` of
    Decree 30 that leaves it out, the regulation that ``governed_by`` it, and ``headings``: the line it
    prints where the Quốc hiệu stands, by which it is recognised (empty: recognised otherwise)."""

    key: str
    what: str
    clause: str
    governed_by: str  # "": governed by no regulation of documents at all (``because`` says why)
    headings: tuple[str, ...] = ()
    because: str = ""
    # what to do when the document is in fact a văn bản hành chính, recognised so by a slip of its typist
    otherwise: str = ""

    def reason(self) -> str:
        """Why Decree 30 does not govern it, with the clause: "governed by …, not by Decree 30 (Art. 2.2)"."""
        if self.governed_by:
            return f"governed by {self.governed_by}, not by Decree 30 ({self.clause})"
        return f"not governed by Decree 30 ({self.clause}): {self.because}"


PARTY = Scope(
    "party", "a document of the Communist Party of Việt Nam (văn bản của Đảng)", "Art. 2.2",
    "the Party's rules: Quy định 66-QĐ/TW (2017) on its documents and Hướng dẫn 36-HD/VPTW (2018) on their "
    "thể thức", ("ĐẢNG CỘNG SẢN VIỆT NAM",))
YOUTH_UNION = Scope(
    "youth-union", "a document of the Hồ Chí Minh Communist Youth Union (văn bản của Đoàn)", "Art. 2.2",
    "the Youth Union's rules: Quy định về ban hành văn bản của Đoàn (367-QĐ/TWĐTN-VP, 2013) and "
    "Hướng dẫn 29-HD/TWĐTN-VP (2013) on their thể thức",
    ("ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH"))
FARMERS_UNION = Scope(
    "farmers-union", "a document of the Việt Nam Farmers' Union (văn bản của Hội Nông dân)", "Art. 2.2",
    "the Farmers' Union's own rules on its documents", ("HỘI NÔNG DÂN VIỆT NAM",))
VETERANS_UNION = Scope(
    "veterans-union", "a document of the Việt Nam Veterans' Association (văn bản của Hội Cựu chiến binh)",
    "Art. 2.2", "the Veterans' Association's own rules on its documents", ("HỘI CỰU CHIẾN BINH VIỆT NAM",))
WOMENS_UNION = Scope(
    "womens-union", "a document of the Việt Nam Women's Union (văn bản của Hội Liên hiệp Phụ nữ)", "Art. 2.2",
    "the Women's Union's own rules on its documents", ("HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM",))
LEGAL_NORMATIVE = Scope(
    "legal-normative", "a legal normative document (văn bản quy phạm pháp luật)", "Art. 4.2.a",
    "the Law on Promulgation of Legal Documents (Luật Ban hành văn bản quy phạm pháp luật) and the decree "
    "detailing it",
    otherwise='a văn bản hành chính numbered with its year by mistake is numbered "Số: 12/QĐ-UBND" (PL I, '
              "II.3: its number in the year and its ký hiệu, no year) and is then checked in full")
PERSONAL = Scope(
    "personal", "a citizen's own paper (đơn, sơ yếu lý lịch): the Quốc hiệu over no issuing body and no "
    "number", "Art. 2.1; Art. 3.3", "",
    because="the decree governs the documents of bodies and organisations, not what a citizen writes to them",
    otherwise="a body's document is headed with its issuer's name and its number (Art. 8.2.b, c) and is then "
              "checked in full")

# Organisations that print their own line where the Quốc hiệu stands (Art. 2.2). The Fatherland Front's
# committees print the Quốc hiệu and are checked as Decree 30 writes (so may the Women's Union's, which
# are then; its own line is recognised where it is printed).
OWN_HEADINGS = (PARTY, YOUTH_UNION, FARMERS_UNION, VETERANS_UNION, WOMENS_UNION)

# The kinds of legal normative document whose number carries its year, "Số: 12/2024/QĐ-UBND" (the
# Law's numbering: số thứ tự/năm ban hành/ký hiệu), where a văn bản hành chính's has none ("Số:
# 12/QĐ-UBND", PL I, II.3): nghị quyết, quyết định, nghị định, thông tư, thông tư liên tịch, chỉ thị (as
# issued before 2016), and the National Assembly's laws and resolutions ("Luật số: 80/2015/QH13").
LEGAL_NORMATIVE_SYMBOLS = ("NQ", "QĐ", "NĐ", "TT", "TTLT", "NQLT", "CT", "QH", "UBTVQH", "PL", "L")
# The state bodies that issue them, as their ký hiệu names them after the kind ("QĐ-UBND", "TT-BNV",
# "NĐ-CP"): the Law on Promulgation lists who may (practice: the codes in use, ministries' before and after
# their 2025 merger). A state enterprise also numbers its decisions with the year ("05/2024/QĐ-HĐQT"): it is
# Decree 30's (Art. 2.1), so a number is legal normative only with one of these issuers (or the National
# Assembly's "QH13", which has none).
LEGAL_NORMATIVE_ISSUERS = (
    "UBND", "HĐND", "CP", "TTg", "CTN", "UBTVQH", "QH", "TANDTC", "HĐTP", "VKSNDTC", "KTNN", "NHNN", "VPCP",
    "BTC", "BNV", "BGDĐT", "BTTTT", "BCA", "BQP", "BYT", "BCT", "BXD", "BTNMT", "BNNPTNT", "BNNMT", "BLĐTBXH",
    "BVHTTDL", "BKHĐT", "BKHCN", "BGTVT", "BTP", "BNG", "BDTTG", "UBDT", "TTCP")
