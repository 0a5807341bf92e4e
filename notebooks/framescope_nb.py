"""Shared helper of framescope's notebooks: start Spark in this Python process (through JPype, on
the job's own classpath) and bring small, aggregated tables into pandas.

The output folder comes from FRAMESCOPE_OUT (default: the sample run's out/ in the repository).
Only what a plot or a table shows is collected: every read goes through a row cap.

Long source lists are shown as the report and the console summary show them (see rank()):
FRAMESCOPE_TOP (default 10) sources at each end, FRAMESCOPE_ALL_SOURCES=1 for every source.
"""
import json
import os
from pathlib import Path

import pandas as pd

HOME = Path(__file__).resolve().parent.parent
OUT = Path(os.environ.get("FRAMESCOPE_OUT", HOME / "out")).resolve()
ROW_CAP = int(os.environ.get("FRAMESCOPE_ROW_CAP", "20000"))
TOP = int(os.environ.get("FRAMESCOPE_TOP", "10"))
ALL_SOURCES = os.environ.get("FRAMESCOPE_ALL_SOURCES", "") not in ("", "0", "false")
# Most source rows of one plotted panel; longer lists are drawn as several panels.
PANEL_ROWS = 40
_spark = None


def _classpath():
    jar = HOME / "target" / "framescope.jar"
    listing = HOME / "target" / "classpath.txt"
    if not jar.exists() or not listing.exists():
        raise RuntimeError(f"{jar} is missing: build it with 'mvn -B -DskipTests package' "
                           "(or run jobs/framescope once)")
    jpype_jar = "/usr/share/java/org.jpype.jar"
    return [str(jar)] + listing.read_text().strip().split(os.pathsep) + [jpype_jar]


def spark():
    """The notebook's SparkSession: local, 2 threads, UI off, bound to 127.0.0.1."""
    global _spark
    if _spark is not None:
        return _spark
    import jpype
    import jpype.imports  # noqa: F401  (enables Java imports)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    flags = [l.strip() for l in (HOME / "jobs" / "jvm-flags").read_text().splitlines() if l.strip()]
    log4j = HOME / "notebooks" / "log4j2.properties"
    if not jpype.isJVMStarted():
        jpype.startJVM(*flags, f"-Dlog4j2.configurationFile={log4j}", "-Xmx2g",
                       classpath=_classpath(), convertStrings=True)
    from org.apache.spark.sql import SparkSession
    _spark = (SparkSession.builder().master("local[2]").appName("framescope notebook")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.session.timeZone", "UTC")
              .getOrCreate())
    return _spark


def table(name, where=None, columns=None, limit=ROW_CAP, order_by=None):
    """Rows of an output table as a pandas DataFrame: filtered (Spark SQL), at most `limit` rows."""
    path = OUT / name
    if not path.exists():
        raise FileNotFoundError(f"no {name} table in {OUT}: run 'jobs/framescope run' first, "
                                "or point FRAMESCOPE_OUT at an output folder")
    df = spark().read().parquet(str(path))
    if where:
        df = df.filter(where)
    if columns:
        df = df.selectExpr(*columns)
    if order_by:
        df = df.orderBy(*[spark_col(c) for c in order_by])
    rows = [json.loads(str(s)) for s in df.limit(limit).toJSON().collectAsList()]
    return pd.DataFrame(rows, columns=list(df.columns()))


def spark_col(expr):
    from org.apache.spark.sql import functions
    return functions.expr(expr)


def run_info():
    """The run.json of the output folder."""
    return json.loads((OUT / "run.json").read_text())


def query(sql, limit=ROW_CAP):
    """A Spark SQL query over the output's tables (each a view by its name), as pandas, capped."""
    session = spark()
    for path in OUT.iterdir():
        if path.is_dir() and not path.name.startswith(("_", ".")):
            session.read().parquet(str(path)).createOrReplaceTempView(path.name)
    df = session.sql(sql)
    rows = [json.loads(str(s)) for s in df.limit(limit).toJSON().collectAsList()]
    return pd.DataFrame(rows, columns=list(df.columns()))


def rank(df, value, reliable="is_reliable", name="source", top=None, all_sources=None):
    """The rows of a per-source list to show, as the report shows them.

    A list of 2 * top rows or fewer is shown whole, thin rows last; a longer one shows its
    reliable rows only, the `top` highest and the `top` lowest by `value`. Returns
    (high, low, left_out): two DataFrames, highest first (low is empty when there is no gap),
    and what was left out, in words ("" when nothing was).
    """
    top = TOP if top is None else top
    all_sources = ALL_SOURCES if all_sources is None else all_sources
    order = dict(by=[value, name], ascending=[False, True])
    solid = df[df[reliable].fillna(False).astype(bool)].sort_values(**order)
    thin = df[~df[reliable].fillna(False).astype(bool)].sort_values(**order)
    empty = df.iloc[0:0]
    if all_sources or len(df) <= 2 * top:
        return pd.concat([solid, thin]), empty, ""
    if len(solid) <= 2 * top:
        return solid, empty, left_out(0, len(thin), top)
    return (solid.head(top), solid.tail(top),
            left_out(len(solid) - 2 * top, len(thin), top))


def left_out(between, thin, top):
    parts = []
    if between:
        parts.append(f"{between} source{'s' if between != 1 else ''} with a reliable score "
                     f"between the strongest {top} at each end")
    if thin:
        parts.append(f"{thin} source{'s' if thin != 1 else ''} with too few hits to read")
    if not parts:
        return ""
    return ("Not shown: " + "; ".join(parts)
            + " (FRAMESCOPE_ALL_SOURCES=1 shows every source).")


def busiest(counts, n=None):
    """The n sources (default 2 * TOP; every one with FRAMESCOPE_ALL_SOURCES) with the largest
    counts, from a Series indexed by source; and what was left out, in words."""
    n = 2 * TOP if n is None else n
    ordered = counts.sort_index().sort_values(ascending=False, kind="stable")
    if ALL_SOURCES or len(ordered) <= n:
        return list(ordered.index), ""
    return (list(ordered.index[:n]),
            f"Shown: the {n} sources with the most; {len(ordered) - n} more not shown "
            "(FRAMESCOPE_ALL_SOURCES=1 shows every source).")
