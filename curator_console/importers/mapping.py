"""Which column (or JSON key, or IIIF metadata label) fills which field.

Headers are compared case-, width-, whitespace- and BOM-insensitively (``"  Object_Number "``,
``"OBJECT NUMBER"`` and ``"\\ufeffObject Number"`` are the same header), with a trailing unit in
brackets ignored when the header is not known with it (``尺寸（cm）`` → ``尺寸``). Known headers:
the app's own field names, MetObjects.csv and the Met / AIC API keys, Dublin Core as Omeka S and
Omeka Classic write it (``dcterms:title``, ``Dublin Core:Title``), and the headers of common Chinese
collection-management exports (藏品编号 / 登记号, 名称, 年代 / 时代, 质地 / 材质 …).

A column may fill several fields (``年代`` → period and date_text) and several columns may fill one
field: for a text field the best-ranked *non-empty* cell wins (MetObjects' ``Period`` before its
``Dynasty``; ``Title`` before ``Object Name``); tags and images collect every such column.
An explicit mapping (``--map "Source header=field"``, a saved mapping, the mapping dialog) ranks
before every automatic one; ``field`` may be ``a,b`` for several fields, or ``ignore``.

The fields and known headers of one kind of import make a ``FieldScheme``: ``COLLECTION`` (the
default of every function here) for objects; other importers build their own with
``make_scheme`` (``csv_products.PRODUCTS``) and pass it as ``scheme=``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from curator_console.importers.records import FIELDS, IGNORE, MULTI_FIELDS, PUBLIC_DOMAIN_FIELD, TARGETS


class MappingError(ValueError):
    """A mapping that cannot be used; the message names the header or field."""


_SPACE = re.compile(r"[\s_\-]+")
_UNIT = re.compile(r"\s*[(\[（【][^()\[\]（）【】]*[)\]）】]\s*$")
# Aliases people type for a field.
_TARGET_ALIASES = {"images": "image", "tag": "tags", "public_domain": PUBLIC_DOMAIN_FIELD, "skip": IGNORE,
                   "-": IGNORE, "none": IGNORE}


def normalize_header(header: str) -> str:
    text = unicodedata.normalize("NFKC", header or "").replace("\ufeff", "").replace("\u200b", "")
    text = _SPACE.sub(" ", text.casefold()).strip()
    return text.strip(" *:").strip()


def _dc(element: str) -> list[str]:
    """Dublin Core spellings: Omeka S (dcterms:), dc:, Omeka Classic ("Dublin Core:Title"), dc.title."""
    return [f"dcterms:{element}", f"dc:{element}", f"dublin core:{element}", f"dc.{element}"]


# (target, rank, headers): a lower rank wins when several columns fill one text field.
_KNOWN: list[tuple[str, int, list[str]]] = [
    ("object_number", 10, [
        "object number", "objectnumber", "accession number", "accessionnumber", "accession no", "accession no.",
        "accession", "object no", "object no.", "obj no", "obj. no.", "inventory number", "inventory no",
        "inventory no.", "inv no", "inv. no.", "registration number", "reg no", "catalogue number",
        "catalog number", "main reference number", *_dc("identifier"),
        "藏品编号", "登记号", "总登记号", "藏品号", "文物编号", "藏品登记号", "馆藏编号", "入藏编号", "编号", "藏品总登记号"]),
    ("object_number", 20, ["identifier", "number"]),
    ("title", 10, ["title", "object title", *_dc("title"), "名称", "藏品名称", "文物名称", "题名", "标题", "品名",
                   "中文名称", "藏品名", "名称(中文)"]),
    ("title", 30, ["name", "object name", "objectname"]),
    ("alt_title", 10, ["alt title", "alternative title", "english title", "title (english)", "title en",
                       "english name", *_dc("alternative"), "英文名称", "英文名", "外文名称", "外文名", "英文题名",
                       "别名", "又名", "原名"]),
    ("maker", 10, ["artist display name", "artistdisplayname", "artist display", "artist", "maker", "creator",
                   "author", "artist/maker", *_dc("creator"), "作者", "制作者", "创作者", "艺术家", "书画家",
                   "作者/制作者", "责任者"]),
    ("maker", 20, ["窑口", "窑别", "manufacturer", *_dc("contributor")]),
    ("culture", 10, ["culture", "文化", "国别", "国家/地区", "地域"]),
    ("culture", 20, ["place of origin", "country", *_dc("coverage"), "产地"]),
    ("period", 10, ["period", "年代", "时代", "朝代", "时期", *_dc("temporal")]),
    ("period", 15, ["dynasty", "reign"]),
    ("date_text", 10, ["object date", "objectdate", "date", "date display", "dated", *_dc("date"), "日期",
                       "具体年代", "纪年"]),
    ("date_text", 15, [*_dc("created")]),
    ("date_text", 20, ["年代", "时代"]),
    ("begin_year", 10, ["object begin date", "objectbegindate", "begin year", "start year", "date start",
                        "year from", "begin date", "起始年", "起始年代", "始年", "开始年份"]),
    ("end_year", 10, ["object end date", "objectenddate", "end year", "date end", "year to", "end date",
                      "终止年", "截止年", "终年", "结束年份", "终止年代"]),
    ("medium", 10, ["medium", "medium display", "material", "materials", "materials and techniques",
                    *_dc("medium"), "质地", "材质", "材料", "质地/材质", "质料"]),
    ("medium", 20, ["technique", "工艺"]),
    ("dimensions", 10, ["dimensions", "dimension", "measurements", "size", *_dc("extent"), "尺寸", "规格",
                        "尺寸规格", "尺寸/规格", "尺寸大小", "外形尺寸"]),
    ("classification", 10, ["classification", "classifications", "object type", "category", "类别", "分类",
                            "文物类别", "藏品类别", "类型", "文物类型", "藏品分类"]),
    ("classification", 20, ["type", *_dc("type")]),
    ("credit_line", 10, ["credit line", "creditline", "credit", "acknowledgement", "attribution"]),
    ("provenance", 10, ["provenance", "provenance text", *_dc("provenance"), "来源", "藏品来源", "入藏来源",
                        "来源方式", "入藏方式"]),
    ("description", 10, ["description", *_dc("description"), "描述", "简介", "说明", "介绍", "藏品描述",
                         "藏品简介", "内容描述", "文物描述", "藏品介绍"]),
    ("description", 20, ["label text", "summary", *_dc("abstract"), "inscription"]),
    ("description", 30, ["notes", "note", "备注"]),
    ("alt_description", 10, ["alt description", "english description", "description (english)",
                             "description en", "英文描述", "英文简介", "英文说明", "英文介绍"]),
    ("rights", 10, ["rights", "license", "licence", "copyright", "rights statement", *_dc("rights"),
                    *_dc("license"), "版权", "版权信息", "版权说明"]),
    ("rights", 15, ["rights and reproduction"]),
    (PUBLIC_DOMAIN_FIELD, 10, ["is public domain", "ispublicdomain", "public domain", "公有领域", "是否公有领域"]),
    ("tags", 10, ["tags", "tag", "keywords", "keyword", "subjects", "subject", *_dc("subject"), "标签", "关键词",
                  "关键字", "主题词", "主题"]),
    ("image", 10, ["image", "images", "image file", "image files", "image path", "image url", "image filename",
                   "primary image", "primaryimage", "图片", "图像", "影像", "照片", "图片文件", "图片路径",
                   "图片地址", "图像文件"]),
    ("image", 20, ["additional images", "additionalimages", "filename", "file", "files", "media", "media url",
                   "附图"]),
    ("source_ref", 10, ["object id", "objectid", "source ref", "permalink"]),
    ("source_ref", 15, ["link resource", "object url", "objecturl", "url", "uri", "link", *_dc("source"),
                        "链接", "网址"]),
    ("source_ref", 20, ["id", "source"]),
]

@dataclass(frozen=True, eq=False)
class FieldScheme:
    """The fields one kind of import fills and the headers that fill them automatically.

    ``auto``: normalized header → [(target, rank)]; ``multi``: targets that collect every column
    mapped to them (tags, images …) instead of the best non-empty one; ``aliases``: what people
    type for a target (``images`` → ``image``); ``ignored``: normalized headers known to hold
    nothing to import (not reported as unknown columns)."""

    kind: str
    targets: tuple[str, ...]
    auto: dict[str, list[tuple[str, int]]]
    multi: frozenset[str] = frozenset()
    aliases: dict[str, str] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()


def make_scheme(kind: str, targets: Sequence[str], known: Iterable[tuple[str, int, Iterable[str]]], *,
                multi: Iterable[str] = (), aliases: Mapping[str, str] | None = None,
                ignored: Iterable[str] = ()) -> FieldScheme:
    """A scheme from (target, rank, headers) entries; each target's own name maps to it with rank 5."""
    auto: dict[str, list[tuple[str, int]]] = {}
    for target in targets:
        auto.setdefault(normalize_header(target), []).append((target, 5))
    for target, rank, headers in known:
        for h in headers:
            entries = auto.setdefault(normalize_header(h), [])
            if all(t != target for t, _r in entries):
                entries.append((target, rank))
    every_alias = {"skip": IGNORE, "-": IGNORE, "none": IGNORE, **(aliases or {})}
    return FieldScheme(kind, tuple(targets), auto, frozenset(multi), every_alias,
                       frozenset(normalize_header(h) for h in ignored))


# The app's own field names always map to themselves, best of all automatic matches.
COLLECTION = make_scheme("collection", TARGETS, _KNOWN, multi=MULTI_FIELDS, aliases=_TARGET_ALIASES)
AUTO: dict[str, list[tuple[str, int]]] = COLLECTION.auto


def auto_targets(header: str, scheme: FieldScheme | None = None) -> list[tuple[str, int]]:
    """The fields a header fills automatically, with their ranks (empty when it is unknown)."""
    auto = (scheme or COLLECTION).auto
    key = normalize_header(header)
    found = auto.get(key)
    if found is None:
        stripped = _UNIT.sub("", key).strip()
        if stripped != key:
            found = auto.get(stripped)
    return list(found or ())


def parse_targets(spec: str, scheme: FieldScheme | None = None) -> tuple[str, ...]:
    """``"period,date_text"`` → ("period", "date_text"); ``"ignore"`` / ``""`` → (). Unknown → MappingError."""
    scheme = scheme or COLLECTION
    out: list[str] = []
    for part in re.split(r"[,，+]", spec or ""):
        name = part.strip().lower().replace(" ", "_")
        if not name:
            continue
        name = scheme.aliases.get(name, name)
        if name == IGNORE:
            continue
        if name not in scheme.targets:
            raise MappingError(f"“{part.strip()}” is not a field. Fields: {', '.join(scheme.targets)} (or “ignore”).")
        if name not in out:
            out.append(name)
    return tuple(out)


def parse_map_option(text: str, scheme: FieldScheme | None = None) -> tuple[str, str]:
    """``"Source header=field"`` → (header, field spec), checked."""
    header, sep, spec = text.rpartition("=")
    if not sep or not header.strip():
        raise MappingError(f"--map takes “Source header=field”, not “{text}”.")
    parse_targets(spec, scheme)
    return header.strip(), spec.strip()


@dataclass(frozen=True)
class ColumnPlan:
    """Where each field's value comes from in a row of cells."""

    headers: tuple[str, ...]
    targets: tuple[tuple[str, ...], ...]  # per column
    scalar: tuple[tuple[str, tuple[int, ...]], ...]  # text/year/object-number fields → columns, best first
    multi: tuple[tuple[str, tuple[int, ...]], ...]  # tags / image → every column
    unknown: tuple[str, ...]  # headers that fill nothing (not counting those ignored on purpose)

    @property
    def mapping(self) -> dict[str, str]:
        """header → comma-separated fields ("" for an unmapped column), as the mapping dialog shows it."""
        out: dict[str, str] = {}
        for header, targets in zip(self.headers, self.targets):
            if header not in out or targets:
                out[header] = ",".join(targets)
        return out

    @property
    def fields(self) -> set[str]:
        return {f for f, _cols in self.scalar} | {f for f, _cols in self.multi}

    def values(self, cells: Sequence[str]) -> dict[str, object]:
        n = len(cells)
        out: dict[str, object] = {}
        for name, columns in self.scalar:
            value = ""
            for i in columns:
                if i < n:
                    cell = cells[i]
                    if cell and not cell.isspace():
                        value = cell
                        break
            out[name] = value
        for name, columns in self.multi:
            out[name] = [cells[i] for i in columns if i < n]
        return out


def required_headers(overrides: Mapping[str, str] | None, require: bool | Iterable[str]) -> list[str]:
    """The override headers that must exist: all of them (``True``), none, or the ones named."""
    if require is True:
        return list(overrides or {})
    if not require:
        return []
    return list(require)  # type: ignore[arg-type]


def plan_columns(headers: Sequence[str], overrides: Mapping[str, str] | None = None,
                 require_override_headers: bool | Iterable[str] = False,
                 scheme: FieldScheme | None = None) -> ColumnPlan:
    """The plan for a file's header row. ``overrides`` maps source headers to field specs and
    beats automatic matches. A header named by ``require_override_headers`` (``True``: every
    override) that the file does not have is a MappingError — for ``--map`` typed by a person;
    saved mappings are lenient, as not every file has every column. ``scheme``: the fields and
    known headers (default: the collection's)."""
    scheme = scheme or COLLECTION
    by_key: dict[str, str] = {}
    for header, spec in (overrides or {}).items():
        by_key[normalize_header(header)] = spec
    seen_keys = {normalize_header(h) for h in headers}
    required = required_headers(overrides, require_override_headers)
    if required:
        missing = [h for h in required if normalize_header(h) not in seen_keys]
        if missing:
            raise MappingError(
                f"there is no column “{missing[0]}”; the columns are: {', '.join(h for h in headers if h.strip())}.")
    ranked: dict[str, list[tuple[int, int]]] = {}
    targets: list[tuple[str, ...]] = []
    unknown: list[str] = []
    for i, header in enumerate(headers):
        key = normalize_header(header)
        if key in by_key:
            found = [(t, 0) for t in parse_targets(by_key[key], scheme)]
        else:
            found = auto_targets(header, scheme) if key else []
            if not found and key and key not in scheme.ignored:
                unknown.append(header.strip())
        targets.append(tuple(t for t, _r in found))
        for target, rank in found:
            ranked.setdefault(target, []).append((rank, i))
    order = {name: n for n, name in enumerate(scheme.targets)}
    scalar, multi = [], []
    for target in sorted(ranked, key=order.__getitem__):
        columns = tuple(i for _r, i in sorted(ranked[target]))
        (multi if target in scheme.multi else scalar).append((target, columns))
    return ColumnPlan(tuple(headers), tuple(targets), tuple(scalar), tuple(multi), tuple(dict.fromkeys(unknown)))


def auto_mapping(headers: Iterable[str], scheme: FieldScheme | None = None) -> dict[str, str]:
    return plan_columns(list(headers), scheme=scheme).mapping


__all__ = ["AUTO", "COLLECTION", "ColumnPlan", "FIELDS", "FieldScheme", "MappingError", "auto_mapping", "auto_targets",
           "make_scheme", "normalize_header", "parse_map_option", "parse_targets", "plan_columns", "required_headers"]
