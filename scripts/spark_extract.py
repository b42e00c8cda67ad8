"""isnad as a Spark job: JSONL records piped through `isnad extract -`, one
process per partition, the claims written by the executors, one part file
per partition, never collected to the driver.

usage: spark-submit [--master M] [--files PATH/isnad] scripts/spark_extract.py \
           [--isnad BIN] [--partitions N] OUT_DIR INPUT...

The master is spark-submit's (`--master yarn`, `local[4]`…): the script
never sets one. BIN is a path the executors can run, or the name of a file
shipped with `--files` (the default, `isnad`, is looked up with
SparkFiles on each executor). INPUT is anything `textFile` reads (local
paths, `hdfs://…`, globs), one JSONL record a line; N is the least number of
partitions to read it in. OUT_DIR (which must not exist) receives
`part-00000`, `part-00001`… as `saveAsTextFile` writes them: the claims, one
JSON object a line, as `isnad extract` prints them. The driver prints one
line on stderr (which spark-submit passes to its stdout): the master, the
partitions and OUT_DIR.
"""

import argparse
import os
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def extract_partition(isnad: str):
    """A function for `mapPartitions`: the partition's lines go to
    `isnad extract -` on stdin, its stdout lines come back as it writes
    them (what `rdd.pipe` does, but the binary is found on the executor)."""

    def run(lines):
        exe = isnad if os.sep in isnad else SparkFiles.get(isnad)
        proc = subprocess.Popen(
            [exe, "extract", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        failed = []

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8"))
                    proc.stdin.write(b"\n")
            except BrokenPipeError:
                pass
            except Exception as e:  # surfaces in the task, below
                failed.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in proc.stdout:
            yield out.decode("utf-8").rstrip("\n")
        writer.join()
        code = proc.wait()
        if failed:
            raise failed[0]
        if code != 0:
            raise RuntimeError(f"{exe} extract - exited with {code}")

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--isnad", default="isnad", help="the binary: a path, or a file name shipped with --files")
    ap.add_argument("--partitions", type=int, default=None, help="read the input in at least N partitions")
    ap.add_argument("out", help="the output folder (must not exist)")
    ap.add_argument("inputs", nargs="+", help="JSONL inputs, as textFile reads them")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("isnad-extract").getOrCreate()
    sc = spark.sparkContext
    records = sc.textFile(",".join(args.inputs), minPartitions=args.partitions)
    print(
        f"spark_extract: master {sc.master}, {records.getNumPartitions()} partitions, output in {args.out}",
        file=sys.stderr,
        flush=True,
    )
    records.mapPartitions(extract_partition(args.isnad)).saveAsTextFile(args.out)
    spark.stop()


if __name__ == "__main__":
    main()
