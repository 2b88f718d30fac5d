"""CSV exports as they come from collection systems, Excel and the Met.

Encoding: a UTF-8 BOM means UTF-8; a UTF-16 BOM means UTF-16 (Excel's "Unicode text"); otherwise
the whole file is tried strictly as UTF-8, then as GB18030 (a superset of GBK and GB2312). When
neither decodes every byte, the file is decoded line by line, so only the rows holding bad bytes are
rejected (``field="row"``), never the file; the encoding used is UTF-8 when most lines with non-ASCII
bytes are valid UTF-8 (GB18030 would decode such a file "cleanly" — as mojibake — whenever its
few bad bytes happen to form GB18030 pairs, so this is asked *before* trying GB18030), else
GB18030 when it decodes everything, else whichever leaves fewer undecodable lines.

Delimiter: comma, semicolon or tab, whichever splits the header into the most columns and the
next rows consistently into as many; Excel's ``sep=;`` first line is honoured (and not counted as
a row, as Excel does not show it).

Rows: numbered as a spreadsheet shows them — the header is row 1, the first record row 2, a record
with quoted newlines is one row, blank lines count as (skipped) rows. A record with *more*
non-empty cells than the header has columns is rejected (a delimiter or quote is probably wrong);
fewer cells are normal (exports drop trailing empty cells) and read as empty. A quote that is
never closed is reported on the row where it opens.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from curator_console.importers.mapping import ColumnPlan, FieldScheme, plan_columns
from curator_console.importers.records import ImportFileError, ObjectRecord, Preview, RowProblem, make_record

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
SAMPLE_BYTES = 128 * 1024
CHUNK_BYTES = 1024 * 1024
MAX_CELL_CHARS = 1_000_000  # Excel allows 32,767; a larger cell is almost always an unclosed quote


def _readable(path: Path) -> None:
    try:
        if path.is_dir():
            raise ImportFileError(f"{path} is a folder, not a CSV file.")
        with open(path, "rb"):
            pass
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist.") from None
    except PermissionError:
        raise ImportFileError(f"{path} cannot be read (permission denied).") from None
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read ({exc.strerror or exc}).") from None


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK_BYTES):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _bad_lines(path: Path, encoding: str) -> int:
    bad = 0
    with open(path, "rb") as fh:
        for raw in fh:
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                bad += 1
    return bad


def detect_encoding(path: Path | str) -> tuple[str, bool]:
    """(encoding, whether every byte decodes). See the module docstring for the rules."""
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16", _decodes(path, "utf-16")
    else:
        candidates = ["utf-8", "gb18030"]
    if _decodes(path, candidates[0]):
        return candidates[0], True
    if len(candidates) == 1:
        return candidates[0], False
    # Not UTF-8 throughout. GB18030 decodes almost any byte sequence, a UTF-8 file with one bad
    # byte included (as mojibake), so first ask whether the file is mostly UTF-8.
    non_ascii = utf8_ok = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.isascii():
                non_ascii += 1
                try:
                    raw.decode("utf-8")
                    utf8_ok += 1
                except UnicodeDecodeError:
                    pass
    if utf8_ok * 2 > non_ascii:
        return "utf-8", False
    if _decodes(path, "gb18030"):
        return "gb18030", True
    # Neither decodes cleanly: the one with fewer bad lines (UTF-8 on a tie).
    bad_utf8 = non_ascii - utf8_ok
    return ("utf-8", False) if bad_utf8 <= _bad_lines(path, "gb18030") else ("gb18030", False)


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the header into the most columns and the rows consistently."""
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        try:
            records = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if len(records) > 2:
            records = records[:-1]  # the sample may end inside a record
        if not records:
            continue
        width = len(records[0])
        if width < 2:
            continue
        rows = records[1:]
        fitting = sum(1 for r in rows if len(r) <= width or not any(c.strip() for c in r[width:]))
        score = (fitting / len(rows) if rows else 1.0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class CsvFile:
    """A CSV file's records as ``(row number, cells, problem or None)``, decoded as detected."""

    def __init__(self, path: Path | str, encoding: str | None = None, delimiter: str | None = None) -> None:
        self.path = Path(path)
        _readable(self.path)
        if encoding:
            try:
                encoding = codecs.lookup(encoding).name
            except LookupError:
                raise ImportFileError(f"“{encoding}” is not an encoding Python knows (try utf-8 or gb18030).") from None
            if encoding == "utf-8" and self._has_bom():
                encoding = "utf-8-sig"
            self.encoding, self.clean = encoding, _decodes(self.path, encoding)
        else:
            self.encoding, self.clean = detect_encoding(self.path)
        self.size = self.path.stat().st_size
        self._pos = 0
        self._fh = None
        sample = self._sample()
        self.skip_sep_line = False
        first = sample.split("\n", 1)[0].rstrip("\r").lstrip("\ufeff")
        if first.lower().startswith("sep=") and len(first) == 5:
            self.skip_sep_line = True
            sniffed = first[4]
            sample = sample.split("\n", 1)[1] if "\n" in sample else ""
        else:
            sniffed = None
        if delimiter:
            delimiter = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";"}.get(delimiter, delimiter)
            if len(delimiter) != 1:
                raise ImportFileError(f"the delimiter must be one character, not “{delimiter}”.")
            self.delimiter = delimiter
        else:
            self.delimiter = sniffed or sniff_delimiter(sample)

    def _has_bom(self) -> bool:
        with open(self.path, "rb") as fh:
            return fh.read(3) == codecs.BOM_UTF8

    def _sample(self) -> str:
        with open(self.path, "rb") as fh:
            data = fh.read(SAMPLE_BYTES)
        return data.decode(self.encoding, errors="replace").replace("\r\n", "\n").replace("\r", "\n")

    @property
    def bytes_read(self) -> int:
        if self._fh is not None:
            try:
                return self._fh.tell()
            except (OSError, ValueError):
                return self._pos
        return self._pos

    @property
    def fraction_read(self) -> float:
        return min(1.0, self.bytes_read / self.size) if self.size else 1.0

    def rows(self) -> Iterator[tuple[int, list[str], str | None]]:
        """Every record with its spreadsheet row number; a problem (undecodable bytes, a cell the
        reader could not split) comes as the third item and the cells may then be partial."""
        csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
        state = {"bad": False}
        current: list[str] = []
        with open(self.path, "rb") as binary:
            self._pos = 0
            if self.clean or self.encoding == "utf-16":
                text = io.TextIOWrapper(binary, encoding=self.encoding, errors="replace", newline="")
                self._fh = binary

                def lines() -> Iterator[str]:
                    for line in text:
                        current.append(line)
                        yield line
            else:
                self._fh = None
                encoding = self.encoding

                def lines() -> Iterator[str]:
                    first = True
                    for raw in binary:
                        self._pos += len(raw)
                        try:
                            line = raw.decode(encoding)
                        except UnicodeDecodeError:
                            state["bad"] = True
                            line = raw.decode(encoding, errors="replace")
                        if first:
                            line = line.lstrip("\ufeff")
                            first = False
                        current.append(line)
                        yield line

            source = lines()
            if self.skip_sep_line:
                next(source, None)
                current.clear()
            reader = csv.reader(source, delimiter=self.delimiter)
            row = 0
            pending: tuple[int, list[str], str | None, list[str]] | None = None
            bad_label = f"undecodable bytes: this row is not valid {self.encoding} (nor any other encoding the file could be)"
            while True:
                current = []
                state["bad"] = False
                try:
                    cells = next(reader)
                    problem = bad_label if state["bad"] else None
                except StopIteration:
                    break
                except csv.Error as exc:
                    cells, problem = [], f"cannot be read as CSV ({exc})"
                    if "field limit" in str(exc):
                        problem = (f"a cell is longer than {MAX_CELL_CHARS:,} characters (probably a quote “\"” "
                                   "that is never closed)")
                row += 1
                if pending is not None:
                    yield pending[:3]
                pending = (row, cells, problem, current)
            if pending is not None:
                row_no, cells, problem, record_lines = pending
                if problem is None and len(record_lines) > 1 and _unclosed_quote(record_lines, self.delimiter):
                    problem = (f"a quote “\"” opened in this row is never closed: it swallowed the "
                               f"{len(record_lines) - 1} lines after it, to the end of the file")
                yield row_no, cells, problem
        self._fh = None
        self._pos = self.size


def _unclosed_quote(lines: list[str], delimiter: str) -> bool:
    try:
        list(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return "end of data" in str(exc)
    return False


class CsvImport:
    """A CSV file opened for import: header read, columns planned, records on demand.

    ``scheme`` names the fields and known headers (default: the collection's); another kind of
    import (``csv_products.ProductCsvImport``) passes its own and overrides ``records``."""

    format = "csv"

    def __init__(self, path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                 mapping: Mapping[str, str] | None = None,
                 require_mapping_headers: bool | Iterable[str] = False,
                 scheme: FieldScheme | None = None) -> None:
        self.file = CsvFile(path, encoding, delimiter)
        self.path = self.file.path
        self._rows = self.file.rows()
        self.header_row = 0
        headers: list[str] | None = None
        for row, cells, _problem in self._rows:
            if any(c.strip() for c in cells):
                headers = [c.strip().lstrip("\ufeff") for c in cells]
                self.header_row = row
                break
        if headers is None:
            self._rows.close()
            raise ImportFileError(f"{self.path} has no header row (the file is empty).")
        self.headers = headers
        self.plan: ColumnPlan = plan_columns(headers, mapping, require_mapping_headers, scheme)

    @property
    def encoding(self) -> str:
        return self.file.encoding

    @property
    def delimiter(self) -> str:
        return self.file.delimiter

    @property
    def unknown_headers(self) -> list[str]:
        return list(self.plan.unknown)

    @property
    def fraction_read(self) -> float:
        return self.file.fraction_read

    def rows_with_values(self) -> Iterator[tuple[int, dict[str, object], list[RowProblem]]]:
        """Every non-blank record as (row number, values by field, problems of the row as a whole)."""
        width = len(self.headers)
        values = self.plan.values
        for row, cells, problem in self._rows:
            if not problem and (not cells or not "".join(cells).strip()):
                continue  # a blank row
            problems: list[RowProblem] = []
            if problem:
                problems.append(RowProblem(row, "row", problem))
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                problems.append(RowProblem(
                    row, "row", f"{len(cells)} cells but the header has {width} columns "
                                f"(a {DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))} or a quote is probably wrong)"))
            yield row, values(cells), problems

    def records(self) -> Iterator[ObjectRecord]:
        for row, values, problems in self.rows_with_values():
            yield make_record(row, values, "csv", problems)

    def preview_rows(self, limit: int) -> list[list[str]]:
        out: list[list[str]] = []
        for _row, cells, _problem in self._rows:
            if cells and "".join(cells).strip():
                out.append(cells)
                if len(out) >= limit:
                    break
        return out

    def close(self) -> None:
        self._rows.close()


def preview_csv(path: Path | str, encoding: str | None = None, delimiter: str | None = None, limit: int = 20,
                mapping: Mapping[str, str] | None = None, scheme: FieldScheme | None = None) -> Preview:
    source = CsvImport(path, encoding, delimiter, mapping, scheme=scheme)
    try:
        rows = source.preview_rows(limit)
    finally:
        source.close()
    return Preview(headers=source.headers, rows=rows, auto_mapping=source.plan.mapping, encoding=source.encoding,
                   delimiter=source.delimiter, unknown_headers=source.unknown_headers, format="csv")
