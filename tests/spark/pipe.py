"""isnad as a stage of Apache Spark: JSONL records piped through
`isnad extract -`, one process per partition, as `rdd.pipe` does on a
cluster.

usage: python pipe.py ISNAD_BINARY OUT_FILE PARTITIONS INPUT.jsonl...

Writes the claims (one JSON object per line, as `isnad extract` prints
them) to OUT_FILE and prints the wall time of the Spark job on stderr.
The same job on a cluster: see the README ("Extraction on Spark").
"""

import os
import sys
import time

from pyspark.sql import SparkSession


def main() -> None:
    isnad, out, partitions, inputs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    spark = (
        SparkSession.builder.master(f"local[{min(partitions, os.cpu_count() or 1)}]")
        .appName("isnad-extract")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    started = time.monotonic()
    records = spark.sparkContext.textFile(",".join(inputs), minPartitions=partitions)
    claims = records.pipe(f"{isnad} extract -")
    lines = claims.collect()
    elapsed = time.monotonic() - started
    n = records.getNumPartitions()
    spark.stop()
    with open(out, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    print(f"spark: {len(lines)} claims from {n} partitions in {elapsed:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
