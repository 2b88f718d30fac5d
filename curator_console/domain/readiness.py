"""Is a tour ready to go live? The problems a curator should fix first, in running order.

``check_readiness`` looks at a ``TourDetail`` only (no database): tour-wide problems first (no
segments, planned time over the slot), then each segment in order: its script, its objects, its
featured products.

| kind | severity | subject | detail |
|---|---|---|---|
| ``no_segments`` | error | tour title | |
| ``overrun`` | error | tour title | seconds the planned total runs past the slot |
| ``no_script`` | error | segment title | |
| ``script_too_long`` | warning | segment title | estimated speaking seconds of the script |
| ``object_no_image`` | warning | object number | |
| ``object_rights`` | error | object number | the rights text (rights not cleared) |
| ``product_out_of_stock`` | error | SKU | |
| ``product_no_price`` | error | SKU | |
| ``product_not_active`` | warning | SKU | the product's status |

Rights (``rights_cleared``) are read conservatively: only a statement that the object may be shown
counts as cleared; an empty, unknown or ambiguous statement does not. See docs/tours.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from curator_console.domain.script_markup import parse_script
from curator_console.domain.timing import ReadingSpeed, estimate_speaking_seconds
from curator_console.domain.tour_plan import TourDetail

ERROR = "error"
WARNING = "warning"

NO_SEGMENTS = "no_segments"
OVER_SLOT = "overrun"
NO_SCRIPT = "no_script"
SCRIPT_TOO_LONG = "script_too_long"
NO_IMAGE = "object_no_image"
RIGHTS_NOT_CLEARED = "object_rights"
OUT_OF_STOCK = "product_out_of_stock"
NO_PRICE = "product_no_price"
PRODUCT_INACTIVE = "product_not_active"

SEVERITY = {
    NO_SEGMENTS: ERROR, OVER_SLOT: ERROR, NO_SCRIPT: ERROR, SCRIPT_TOO_LONG: WARNING, NO_IMAGE: WARNING,
    RIGHTS_NOT_CLEARED: ERROR, OUT_OF_STOCK: ERROR, NO_PRICE: ERROR, PRODUCT_INACTIVE: WARNING,
}
KINDS = tuple(SEVERITY)


@dataclass(frozen=True)
class ReadinessProblem:
    kind: str
    severity: str  # "error" | "warning"
    segment_index: int | None
    segment_id: int | None
    item_id: int | None
    product_id: int | None
    subject: str  # segment title / object number / SKU / tour title
    detail: str = ""


# --- rights --------------------------------------------------------------------------------------

# Statements that the object is free to show although they contain a "restrictive" word.
_FREE_DESPITE_WORDING = (
    "no known copyright", "no copyright", "copyright free", "copyright-free", "not in copyright",
    "no known restrictions", "no restrictions", "without restriction", "unrestricted",
    "rightsstatements.org/vocab/noc", "无版权限制", "不受版权限制", "无使用限制", "无限制",
)
# Denials, doubt and non-commercial terms: never cleared (a live shop stream is commercial).
_NOT_CLEARED = re.compile(
    r"\bnot\b|\bno\b|\bnon\b|n't|uncleared|unlicen[cs]ed|unauthori[sz]ed|unknown|undetermined|unclear|uncertain|pending|"
    r"restricted|restriction|in copyright|permission required|ask permission|to be confirmed|"
    r"\btbc\b|\btbd\b|awaiting|under review|expired|withdrawn|"
    r"non-?commercial|\bnc\b|/(?:inc|inc-[a-z-]+|und|cne)/|"
    r"未|待|不详|不明|未知|受限|限制|禁止|不得|不可|不能|不属于|非公|非商业|过期|撤回|审核中|申请中|确认中"
)
_CLEARED = re.compile(
    r"public domain|publicdomain|\bcc0\b|cc-0|cc zero|\bcc ?by\b|creativecommons\.org/licenses/by|"
    r"open access|open content|rights cleared|cleared|\blicen[cs]ed\b|licen[cs]e granted|permission granted|"
    r"with permission|by permission|authori[sz]ed|\bpd\b|"
    r"公有领域|公共领域|公版|知识共享|开放获取|开放存取|开放获得|已获授权|已获得授权|已授权|获得授权|授权使用|"
    r"已清权|版权已清|已获许可|已许可|许可使用|可商用"
)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|版权所有|版权归|著作权|rights reserved")
_RESERVED = re.compile(r"(?:all )?rights reserved|版权所有")
_HOLDER_NOISE = re.compile(r"©|\(c\)|\bcopyright\b|版权所有|版权归|著作权|\ball rights\b|[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?|[.,;:()\[\]]")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(text.replace("‐", "-").replace("–", "-").replace("—", "-").split())


def rights_cleared(rights: str, owner: str = "") -> bool:
    """Whether a rights statement lets the museum show the object on a live stream.

    Cleared: public domain, CC0, open access, Creative Commons BY (any version, not NC),
    "cleared", "licensed", "permission granted", "no known copyright" — in English or Chinese
    (公有领域, 公共领域, 开放获取, 已授权, 已获授权, 已清权 …), also as creativecommons.org /
    rightsstatements.org NoC URLs. A copyright notice whose holder is ``owner`` (the museum itself:
    the holder is the start of the museum's name, or contains all of it) is cleared too.
    Not cleared: empty text; anything that denies or doubts (not, no, restricted, pending, unknown,
    in copyright, all rights reserved, 未, 待定, 不详, 受限 …); non-commercial licences (NC, 非商业,
    since a shop stream is commercial); a copyright notice of someone else; anything unrecognised.
    """
    text = _norm(rights)
    if not text:
        return False
    if any(phrase in text for phrase in _FREE_DESPITE_WORDING):
        return True
    if _NOT_CLEARED.search(_RESERVED.sub(" ", text)):
        return False
    if _COPYRIGHT.search(text) and owner.strip():
        holder = " ".join(_HOLDER_NOISE.sub(" ", _RESERVED.sub(" ", text)).split())
        own = _norm(owner)
        if len(holder) >= 4 and (own.startswith(holder) or own in holder):
            return True  # the museum's own copyright
    return bool(_CLEARED.search(text))


# --- the check -----------------------------------------------------------------------------------


def script_has_text(script: str) -> bool:
    """Whether a script says anything once whitespace and markup are taken away."""
    return any(any(ch.isalnum() for ch in block.text) for block in parse_script(script or ""))


def check_readiness(tour: TourDetail, speed: ReadingSpeed = ReadingSpeed()) -> list[ReadinessProblem]:
    """Every problem of ``tour`` in running order (tour-wide ones first)."""
    problems: list[ReadinessProblem] = []

    def add(kind: str, index: int | None, segment_id: int | None, subject: str, detail: str = "",
            item_id: int | None = None, product_id: int | None = None) -> None:
        problems.append(ReadinessProblem(kind, SEVERITY[kind], index, segment_id, item_id, product_id, subject, detail))

    if not tour.segments:
        add(NO_SEGMENTS, None, None, tour.title)
    planned_total = sum(s.planned_seconds for s in tour.segments)
    if tour.slot_seconds and planned_total > tour.slot_seconds:
        add(OVER_SLOT, None, None, tour.title, str(planned_total - tour.slot_seconds))
    for index, seg in enumerate(tour.segments):
        seg_id = seg.id or None
        title = seg.title or f"#{index + 1}"
        if not script_has_text(seg.script):
            add(NO_SCRIPT, index, seg_id, title)
        else:
            estimated = estimate_speaking_seconds(seg.script, speed)
            if estimated > seg.planned_seconds:
                add(SCRIPT_TOO_LONG, index, seg_id, title, str(estimated))
        for obj in seg.objects:
            item_id = obj.item_id or None
            if not obj.image_sha256 and not obj.image_url:
                add(NO_IMAGE, index, seg_id, obj.object_number, item_id=item_id)
            if not rights_cleared(obj.rights, tour.museum_name):
                add(RIGHTS_NOT_CLEARED, index, seg_id, obj.object_number, obj.rights, item_id=item_id)
        for product in seg.products:
            product_id = product.product_id or None
            if product.stock == 0:
                add(OUT_OF_STOCK, index, seg_id, product.sku, "0", product_id=product_id)
            if product.selling_price is None:
                add(NO_PRICE, index, seg_id, product.sku, product_id=product_id)
            if product.status != "active":
                add(PRODUCT_INACTIVE, index, seg_id, product.sku, product.status, product_id=product_id)
    return problems
