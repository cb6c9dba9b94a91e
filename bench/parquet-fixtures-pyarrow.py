#!/usr/bin/env python3
"""Writes the pyarrow-*.parquet files of fixtures/parquet/ with pyarrow (Apache Arrow's own
writer, what pandas uses), a third writer beside DuckDB (bench/parquet-fixtures.mjs) and
hyparquet-writer: REQUIRED and OPTIONAL columns, data pages v1 and v2, a dictionary that falls
back to PLAIN pages inside one column chunk, Snappy and zstd. test/io/parquet-pages.test.ts
reads them with src/io/parquet-pages.ts and with hyparquet, and compares. The files are
committed; this script says how they were made (pyarrow is not a dependency of the project):

    pip install --target /tmp/pyarrow-lib pyarrow
    PYTHONPATH=/tmp/pyarrow-lib python3 bench/parquet-fixtures-pyarrow.py fixtures/parquet
"""
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

out = Path(sys.argv[1] if len(sys.argv) > 1 else 'fixtures/parquet')
out.mkdir(parents=True, exist_ok=True)
n = 5000
regions = ['Møre og Romsdal', 'القاهرة', 'Päijät-Häme', 'NO-15', 'R0']
table = pa.table({
    # REQUIRED columns: nullable=False in the schema.
    'region': pa.array([regions[i % 5] for i in range(n)], pa.string()),
    'year': pa.array([1995 + i % 30 for i in range(n)], pa.int32()),
    # OPTIONAL, with nulls.
    'capacity': pa.array([None if i % 11 == 0 else i * 0.37 for i in range(n)], pa.float64()),
    'unit': pa.array([None if i % 13 == 0 else ['beds', 'places', 'teams', 'fte'][i % 4] for i in range(n)], pa.string()),
    'n': pa.array([i * 7919 - 10000 for i in range(n)], pa.int64()),
    # Every text different: the dictionary outgrows its page limit and the chunk goes on in PLAIN pages.
    'note': pa.array([f'text {i} {"æøå→x"[i % 5]}' for i in range(n)], pa.string()),
}, schema=pa.schema([
    pa.field('region', pa.string(), nullable=False),
    pa.field('year', pa.int32(), nullable=False),
    pa.field('capacity', pa.float64()),
    pa.field('unit', pa.string()),
    pa.field('n', pa.int64(), nullable=False),
    pa.field('note', pa.string()),
]))
pq.write_table(table, out / 'pyarrow-v1-snappy.parquet', row_group_size=2000, data_page_version='1.0',
               compression='snappy', dictionary_pagesize_limit=2048, data_page_size=4096)
pq.write_table(table, out / 'pyarrow-v2-zstd.parquet', row_group_size=2000, data_page_version='2.0',
               compression='zstd', dictionary_pagesize_limit=2048, data_page_size=4096)
print(f'wrote the pyarrow Parquet fixtures to {out}')
