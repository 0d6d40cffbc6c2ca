"""Reading and cleaning articles on Spark executors, with the local readers and cleaner.

JSONL is read line by line (``spark.read.text``: local paths, globs, ``.gz``, any Hadoop file system
URI), each line parsed by the JSONL reader's own functions; Parquet with ``spark.read.parquet``, each
row read as a JSON record; WARC files whole (``binaryFile``) and handed to the WARC reader. Every
problem becomes a row of ``problems`` (its source and reason), never a silent drop.

A JSONL input that names one file is numbered line by line (``zipWithIndex`` over its lines, which
Hadoop splits in file order), so its articles are named and placed (``file:line``) exactly as on one
machine. A folder or glob of JSONL files is read without line numbers, since Spark packs the pieces
of many files in no particular order: there an article record without an id is named
``<file stem>-<first 12 hex digits of the line's SHA-1>`` and a problem names the file only. Spark
reads JSONL as UTF-8 (the local reader also recognises other encodings). Cleaning removes template lines by their repetition across an outlet's articles, so
articles are partitioned by outlet before they are cleaned: each outlet's articles meet in one task,
as they do on one machine.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from newsprism.engines.local import usable_articles
from newsprism.engines.rows import ARTICLE_COLUMNS, article_from_row, article_row
from newsprism.errors import InputError
from newsprism.ingest.jsonl import articles_of, parse_json
from newsprism.ingest.sanitize import sanitized
from newsprism.ingest.settings import ReadSettings
from newsprism.ingest.warc import read_warc
from newsprism.model import Article
from newsprism.text.clean import CleanSettings, clean_articles

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)

ITEM_SCHEMA = ", ".join(f"{name} string" for name in (*ARTICLE_COLUMNS, "problem"))
"""An article row, or (``problem`` set, ``source`` naming where) a problem met on the way."""

_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PARQUET_SUFFIXES = (".parquet", ".pq")


def input_kind(path: str) -> str:
    """How an input is read: ``"parquet"``, ``"warc"`` or ``"jsonl"``, by its name; a local folder
    holding Parquet files is Parquet, any other input JSONL (a folder or glob of ``.jsonl`` files)."""
    name = path.lower().rstrip("/")
    if name.endswith(_PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    if "://" not in path and Path(path).is_dir() and any(Path(path).glob("*.parquet")):
        return "parquet"
    return "jsonl"


def _stem(path: str) -> str:
    name = PurePosixPath(path.split("://", 1)[-1]).name
    for suffix in (".gz", ".jsonl", ".ndjson", ".json"):
        name = name.removesuffix(suffix)
    return name


def _item_rows(items: Iterable[Article | InputError], settings: ReadSettings) -> Iterator[dict[str, Any]]:
    for item in items:
        if isinstance(item, InputError):
            yield {"source": item.source, "problem": item.reason}
        else:
            yield {**article_row(sanitized(item, settings)), "problem": None}


def _frame(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(list(rows), columns=[*ARTICLE_COLUMNS, "problem"], dtype=object)


def parse_jsonl_lines(frames: Iterable[pd.DataFrame], settings: ReadSettings) -> Iterator[pd.DataFrame]:
    """Each JSONL line (columns ``value``, ``file`` and ``number``, the line number when it is known)
    to its articles, or to its problem."""
    for frame in frames:
        rows: list[dict[str, Any]] = []
        for line, file, number in zip(frame["value"], frame["file"], frame["number"]):
            if not line or not line.strip():
                continue
            if number is not None and number == number:  # known (not null, not NaN)
                source, default_id = f"{file}:{int(number)}", f"{_stem(file)}-{int(number)}"
            else:
                digest = hashlib.sha1(line.encode("utf-8", "surrogatepass")).hexdigest()[:12]
                source, default_id = file, f"{_stem(file)}-{digest}"
            try:
                value, notes = parse_json(line, source, settings)
            except InputError as error:
                rows.extend(_item_rows([error], settings))
                continue
            rows.extend(_item_rows(articles_of(value, source=source, default_id=default_id, notes=tuple(notes)),
                                   settings))
        yield _frame(rows)


def _one_file(path: str) -> bool:
    """Whether an input names one file (not a folder, not a glob), so that its lines can be numbered."""
    if any(mark in path for mark in "*?[{"):
        return False
    return "://" in path or not Path(path).is_dir()


def _numbered(name: str) -> Callable[[tuple[str, int]], tuple[str, str, int]]:
    def line(pair: tuple[str, int]) -> tuple[str, str, int]:
        return pair[0], name, pair[1] + 1

    return line


def jsonl_lines(spark: SparkSession, paths: Sequence[str]) -> DataFrame:
    """The lines of JSONL inputs (``value``, ``file``, ``number``): numbered for an input that is
    one file, named as the user gave it; unnumbered, named by Spark, for a folder or a glob."""
    from pyspark.sql import functions as F

    schema = "value string, file string, number bigint"
    parts = []
    for path in paths:
        if _one_file(path):
            name = path if "://" in path else str(Path(path))
            numbered = spark.sparkContext.textFile(path).zipWithIndex().map(_numbered(name))
            parts.append(spark.createDataFrame(numbered, schema))
        else:
            parts.append(spark.read.text(path).select(
                "value", F.input_file_name().alias("file"), F.lit(None).cast("bigint").alias("number")))
    lines = parts[0]
    for part in parts[1:]:
        lines = lines.unionByName(part)
    return lines


def parse_parquet_rows(frames: Iterable[pd.DataFrame], settings: ReadSettings) -> Iterator[pd.DataFrame]:
    """Each row of a Parquet input (its columns as a JSON record's fields) to its article or problem."""
    for frame in frames:
        rows: list[dict[str, Any]] = []
        for number, record in enumerate(frame.to_dict("records")):
            file = str(record.pop("_file", "parquet"))
            record = {key: _plain(value) for key, value in record.items() if _plain(value) is not None}
            rows.extend(_item_rows(articles_of(record, source=file, default_id=f"{_stem(file)}-{number}"), settings))
        yield _frame(rows)


def _plain(value: Any) -> Any:
    """A Parquet cell as the JSON reader would see it: missing values None, timestamps ISO text."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN: pandas' missing number
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):  # a NumPy array of a list column, or a NumPy scalar
        return value.tolist()
    return value


def parse_warc_files(frames: Iterable[pd.DataFrame], settings: ReadSettings) -> Iterator[pd.DataFrame]:
    """Each WARC file (columns ``path`` and ``content``) to the articles of its HTML responses,
    read by the WARC reader from a temporary copy (it reads files, and the input may be on HDFS)."""
    for frame in frames:
        rows: list[dict[str, Any]] = []
        for path, content in zip(frame["path"], frame["content"]):
            suffix = ".warc.gz" if path.lower().endswith(".gz") else ".warc"
            handle, temporary = tempfile.mkstemp(suffix=suffix)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(content)
                items = [_renamed(item, temporary, path) for item in read_warc(Path(temporary), settings)]
            finally:
                os.unlink(temporary)
            rows.extend(_item_rows(items, settings))
        yield _frame(rows)


def _renamed(item: Article | InputError, temporary: str, path: str) -> Article | InputError:
    if isinstance(item, InputError):
        return InputError(item.source.replace(temporary, path), item.reason)
    return replace(item, source=(item.source or temporary).replace(temporary, path))


def clean_partition(frames: Iterable[pd.DataFrame], settings: CleanSettings) -> Iterator[pd.DataFrame]:
    """The articles of one partition cleaned together (``clean_articles``), each article emptied by
    cleaning turned into a problem."""
    rows = [row for frame in frames for row in frame.to_dict("records")]
    articles = clean_articles((article_from_row(row) for row in rows), settings)
    kept, emptied = usable_articles(articles)
    out = [{**article_row(a), "problem": None} for a in kept]
    out += [{"source": e.source, "problem": e.reason} for e in emptied]
    yield _frame(out)


def read_items(spark: SparkSession, inputs: Sequence[str], settings: ReadSettings | None = None) -> DataFrame:
    """Every input read on the executors: a DataFrame of article rows and problem rows (``ITEM_SCHEMA``)."""
    from pyspark.sql import functions as F

    settings = settings or ReadSettings()
    kinds: dict[str, list[str]] = {"jsonl": [], "parquet": [], "warc": []}
    for path in inputs:
        kinds[input_kind(path)].append(path)
    parts = []
    if kinds["jsonl"]:
        parts.append(jsonl_lines(spark, kinds["jsonl"]).mapInPandas(lambda f: parse_jsonl_lines(f, settings), ITEM_SCHEMA))
    for path in kinds["parquet"]:
        table = spark.read.parquet(path)
        table = table.select([F.col(c).cast("string") if _is_nested(table, c) else F.col(c) for c in table.columns])
        table = table.withColumn("_file", F.input_file_name())
        parts.append(table.mapInPandas(lambda f: parse_parquet_rows(f, settings), ITEM_SCHEMA))
    if kinds["warc"]:
        files = spark.read.format("binaryFile").load(kinds["warc"]).select("path", "content")
        parts.append(files.mapInPandas(lambda f: parse_warc_files(f, settings), ITEM_SCHEMA))
    items = parts[0]
    for part in parts[1:]:
        items = items.unionByName(part)
    return items


def _is_nested(table: DataFrame, column: str) -> bool:
    from pyspark.sql.types import MapType, StructType

    return isinstance(table.schema[column].dataType, (MapType, StructType))


def clean_items(items: DataFrame, settings: CleanSettings) -> DataFrame:
    """The article rows of ``items`` cleaned, an outlet's articles in one task; problems pass through."""
    from pyspark.sql import functions as F

    articles = items.where(F.col("problem").isNull())
    problems = items.where(F.col("problem").isNotNull())
    cleaned = articles.repartition(F.col("outlet")).mapInPandas(lambda frames: clean_partition(frames, settings), ITEM_SCHEMA)
    return cleaned.unionByName(problems)


def unique_ids(articles: DataFrame) -> DataFrame:
    """``articles`` with a repeated id made unique as on one machine (``-2``, ``-3``... after the
    first, by source: file name, then line number), and a note saying so."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    line = F.regexp_extract("source", r":(\d+)$", 1)
    order = Window.partitionBy("id").orderBy(F.regexp_replace("source", r":\d+$", "").asc_nulls_first(),
                                             F.when(line != "", line.cast("long")), "text")
    ranked = articles.withColumn("_n", F.row_number().over(order))
    renamed = F.concat(F.col("id"), F.lit("-"), F.col("_n").cast("string"))
    note = F.concat(F.lit("id '"), F.col("id"), F.lit("' is taken by an earlier article; renamed '"), renamed, F.lit("'"))
    noted = F.udf(lambda meta, text: with_note(meta, text), "string")
    return ranked.withColumn("meta", F.when(F.col("_n") > 1, noted("meta", note)).otherwise(F.col("meta"))).withColumn(
        "id", F.when(F.col("_n") > 1, renamed).otherwise(F.col("id"))).drop("_n")


def with_note(meta: str | None, note: str) -> str:
    """An article row's ``meta`` (JSON) with ``note`` added to its notes."""
    values = json.loads(meta or "{}")
    values["notes"] = [*values.get("notes", ()), note]
    return json.dumps(values, ensure_ascii=False)
