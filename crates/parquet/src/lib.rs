//! Parquet output, so that a ledger or a claim table loads directly into
//! DuckDB, pandas, R's arrow or Spark.
//!
//! In: a built ledger ([`write_ledger`]), claims as they are extracted
//! ([`ClaimWriter`], which writes a row group every [`BATCH`] claims, so an
//! archive of any size is written in flat memory), or the stored claims of
//! a view of the API with their events ([`write_view`], what
//! `/api/claims?format=parquet` and the page's Parquet export give). Out:
//! one Snappy-compressed Parquet file, or its bytes. The schemas are
//! [`ledger_schema`], [`summary_schema`], [`disputes_schema`],
//! [`claim_schema`] and [`view_schema`] (the README lists them); a text
//! column is null where the CSV or JSON has an empty string or null.
//!
//! Its own crate so that the command line and the server write one format
//! with one writer; both use it only with their `parquet` feature.

#![deny(missing_docs)]

use anyhow::{Context, Result};
use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int64Builder, ListBuilder, StringBuilder, StructBuilder,
};
use arrow_array::{ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use isnad_ledger::events::day_number;
use isnad_ledger::render::{DisputeRow, FlatRow, SummaryRow, dispute_rows, flat_rows, summary_rows};
use isnad_ledger::{Ledger, PairSide};
use isnad_model::{Claim, SourceRef, Span, Value, WarcOrigin};
use isnad_store::LedgerRow;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Claims per row group.
pub const BATCH: usize = 8192;

fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, false)
}

fn maybe_text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn int(name: &str) -> Field {
    Field::new(name, DataType::Int64, false)
}

fn maybe_float(name: &str) -> Field {
    Field::new(name, DataType::Float64, true)
}

fn maybe_date(name: &str) -> Field {
    Field::new(name, DataType::Date32, true)
}

/// A list of `{id, name, kind}` structs, outermost first.
fn sources(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new(
            "item",
            DataType::Struct(source_fields()),
            true,
        ))),
        false,
    )
}

/// The ledger's columns: the CSV ledger's, in its order (`value`, `vague`,
/// `lang`, `url` and `title` null where the CSV cell is empty; `published`
/// a date, null when undated; counts and offsets as integers; `value_lo`
/// and `value_hi`, the number or a range's ends, as floats), then
/// `source`, the chain as a list of `{id, name, kind}` structs outermost
/// first (the claims file's `source`).
pub fn ledger_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text("event"),
        text("facet"),
        maybe_text("value"),
        maybe_text("vague"),
        text("qualifier"),
        text("stance"),
        text("chain"),
        text("origin"),
        text("doc"),
        maybe_date("published"),
        text("relation"),
        text("event_name"),
        maybe_text("lang"),
        int("value_origins"),
        int("value_reports"),
        int("span_start"),
        int("span_end"),
        text("evidence"),
        text("disputed_by"),
        maybe_float("value_lo"),
        maybe_float("value_hi"),
        maybe_text("url"),
        maybe_text("title"),
        sources("source"),
    ]))
}

/// The summary's columns (`isnad ledger --summary`): the summary CSV's, in
/// its order, typed: `event_date` and `last_date` dates, `low`, `best`,
/// `high` and `conservative` floats, the counts integers, `contested` a
/// boolean and `exceeds` a list of facet ids (empty when they reconcile).
pub fn summary_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text("event"),
        text("event_name"),
        maybe_text("location"),
        maybe_text("kind"),
        maybe_date("event_date"),
        maybe_date("last_date"),
        text("facet"),
        maybe_text("label"),
        maybe_text("label_ar"),
        maybe_float("low"),
        maybe_float("best"),
        maybe_float("high"),
        maybe_float("conservative"),
        int("values"),
        int("number_of_sources"),
        int("reports"),
        Field::new("contested", DataType::Boolean, false),
        Field::new(
            "exceeds",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            false,
        ),
    ]))
}

/// A list of strings.
fn texts(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        false,
    )
}

/// The disputes table's columns (`isnad ledger --disputes`): the disputes
/// CSV's, in its order, all text but `*_origins` and `*_names`, each a
/// list (the origins' ids, and their names in the same order).
pub fn disputes_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text("event"),
        text("event_name"),
        text("facet"),
        text("kind"),
        text("a_value"),
        text("a_stance"),
        texts("a_origins"),
        texts("a_names"),
        text("b_value"),
        text("b_stance"),
        texts("b_origins"),
        texts("b_names"),
        text("words"),
    ]))
}

fn source_fields() -> Fields {
    Fields::from(vec![text("id"), text("name"), text("kind")])
}

/// The claims' columns: the contract's claim, flattened: `value_lo` and
/// `value_hi` (equal for a single number, null for a vague quantity),
/// `band_lo` and `band_hi` (what a vague word stands for), `source` as a
/// list of `{id, name, kind}` structs outermost first, spans as start and
/// end columns; `warc_file`, `warc_record` and `warc_offset` (null for a
/// document not read from a web archive) where its record is.
pub fn claim_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text("doc"),
        maybe_text("lang"),
        text("facet"),
        maybe_float("value_lo"),
        maybe_float("value_hi"),
        maybe_text("vague"),
        maybe_float("band_lo"),
        maybe_float("band_hi"),
        text("qualifier"),
        text("stance"),
        sources("source"),
        Field::new("anonymous", DataType::Boolean, false),
        maybe_text("subject"),
        int("span_start"),
        int("span_end"),
        int("sentence_start"),
        int("sentence_end"),
        text("evidence"),
        maybe_text("warc_file"),
        maybe_text("warc_record"),
        Field::new("warc_offset", DataType::Int64, true),
    ]))
}

fn writer(path: &Path, schema: SchemaRef) -> Result<ArrowWriter<File>> {
    let file = File::create(path).with_context(|| path.display().to_string())?;
    writer_to(file, schema).with_context(|| path.display().to_string())
}

/// A writer of `schema` to `out`: Snappy, and isnad's name and version as
/// the file's creator.
fn writer_to<W: Write + Send>(out: W, schema: SchemaRef) -> Result<ArrowWriter<W>> {
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("isnad {}", env!("CARGO_PKG_VERSION")))
        .build();
    Ok(ArrowWriter::try_new(out, schema, Some(props))?)
}

fn none_if_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn to_i64(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// Days since 1970-01-01 of a checked `YYYY-MM-DD` date, as Parquet's
/// DATE stores them; `None` for no date or one that is none
/// (`2022-02-31`: the ledger has warned of it).
fn day(date: Option<&str>) -> Option<i32> {
    date.and_then(day_number).and_then(|d| i32::try_from(d).ok())
}

/// Appends a chain to a list of `{id, name, kind}` structs.
fn append_chain(list: &mut ListBuilder<StructBuilder>, chain: &[SourceRef]) {
    let items = list.values();
    for s in chain {
        for (i, v) in [s.id.as_str(), s.name.as_str(), s.kind.as_str()]
            .into_iter()
            .enumerate()
        {
            if let Some(b) = items.field_builder::<StringBuilder>(i) {
                b.append_value(v);
            }
        }
        items.append(true);
    }
    list.append(true);
}

fn chain_list() -> ListBuilder<StructBuilder> {
    ListBuilder::new(StructBuilder::from_fields(source_fields(), 4))
}

/// Writes one batch of `columns` under `schema` to a new file at `path`.
fn write_batch(path: &Path, schema: SchemaRef, columns: Vec<ArrayRef>, what: &str) -> Result<()> {
    let batch = RecordBatch::try_new(schema.clone(), columns).with_context(|| format!("building {what}"))?;
    let mut w = writer(path, schema)?;
    w.write(&batch).with_context(|| path.display().to_string())?;
    w.close().with_context(|| path.display().to_string())?;
    Ok(())
}

/// Writes the ledger's rows to `path`.
pub fn write_ledger(path: &Path, ledger: &Ledger) -> Result<()> {
    let rows: Vec<FlatRow<'_>> = flat_rows(ledger).collect();
    let values: Vec<String> = rows.iter().map(FlatRow::value_text).collect();
    let chains: Vec<String> = rows.iter().map(FlatRow::chain_text).collect();
    let disputed: Vec<String> = rows.iter().map(FlatRow::disputed_by_text).collect();
    let text = |f: &dyn for<'r> Fn(&'r FlatRow<'r>) -> Option<&'r str>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<StringArray>())
    };
    let owned = |cells: &[String], empty_is_null: bool| -> ArrayRef {
        let cells = cells.iter().map(|s| {
            if empty_is_null {
                none_if_empty(s)
            } else {
                Some(s.as_str())
            }
        });
        Arc::new(cells.collect::<StringArray>())
    };
    let int = |f: &dyn Fn(&FlatRow<'_>) -> i64| -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(rows.iter().map(f)))
    };
    let float = |f: &dyn Fn(&FlatRow<'_>) -> Option<f64>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<Float64Array>())
    };
    let mut chain = chain_list();
    for r in &rows {
        append_chain(&mut chain, &r.claim.chain);
    }
    let columns: Vec<ArrayRef> = vec![
        text(&|r| Some(&r.event.id)),
        text(&|r| Some(&r.facet.facet)),
        owned(&values, true),
        text(&|r| r.value.vague.as_deref()),
        text(&|r| Some(r.claim.qualifier.as_str())),
        text(&|r| Some(r.value.stance.as_str())),
        owned(&chains, false),
        text(&|r| Some(&r.claim.origin)),
        text(&|r| Some(&r.claim.doc)),
        Arc::new(
            rows.iter()
                .map(|r| day(r.claim.published.as_deref()))
                .collect::<Date32Array>(),
        ),
        text(&|r| Some(r.value.relation.as_str())),
        text(&|r| Some(&r.event.name)),
        text(&|r| r.claim.lang.as_deref()),
        int(&|r| to_i64(r.value.origins.len())),
        int(&|r| to_i64(r.value.reports)),
        int(&|r| i64::from(r.claim.span.start)),
        int(&|r| i64::from(r.claim.span.end)),
        text(&|r| Some(&r.claim.evidence)),
        owned(&disputed, false),
        float(&|r| r.value.value.map(|x| x.0)),
        float(&|r| r.value.value.map(|x| x.1)),
        text(&|r| r.claim.url.as_deref()),
        text(&|r| r.claim.title.as_deref()),
        Arc::new(chain.finish()),
    ];
    write_batch(path, ledger_schema(), columns, "the ledger's rows")
}

/// Writes the ledger's summary, a row per event and facet, to `path`.
pub fn write_summary(path: &Path, ledger: &Ledger) -> Result<()> {
    let rows: Vec<SummaryRow<'_>> = summary_rows(ledger);
    let text = |f: &dyn for<'r> Fn(&'r SummaryRow<'r>) -> Option<&'r str>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<StringArray>())
    };
    let date = |f: &dyn for<'r> Fn(&'r SummaryRow<'r>) -> Option<&'r str>| -> ArrayRef {
        Arc::new(rows.iter().map(|r| day(f(r))).collect::<Date32Array>())
    };
    let float = |f: &dyn Fn(&SummaryRow<'_>) -> Option<f64>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<Float64Array>())
    };
    let int = |f: &dyn Fn(&SummaryRow<'_>) -> usize| -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| to_i64(f(r)))))
    };
    let mut exceeds = ListBuilder::new(StringBuilder::new());
    for r in &rows {
        for facet in &r.exceeds {
            exceeds.values().append_value(facet);
        }
        exceeds.append(true);
    }
    let columns: Vec<ArrayRef> = vec![
        text(&|r| Some(r.event)),
        text(&|r| Some(r.event_name)),
        text(&|r| r.location),
        text(&|r| r.kind),
        date(&|r| r.event_date),
        date(&|r| r.last_date),
        text(&|r| Some(r.facet)),
        text(&|r| r.label),
        text(&|r| r.label_ar),
        float(&|r| r.low),
        float(&|r| r.best),
        float(&|r| r.high),
        float(&|r| r.conservative),
        int(&|r| r.values),
        int(&|r| r.number_of_sources),
        int(&|r| r.reports),
        Arc::new(rows.iter().map(|r| Some(r.contested)).collect::<BooleanArray>()),
        Arc::new(exceeds.finish()),
    ];
    write_batch(path, summary_schema(), columns, "the summary's rows")
}

/// Writes who disputes whom, a row per pair of values, to `path`.
pub fn write_disputes(path: &Path, ledger: &Ledger) -> Result<()> {
    let rows: Vec<DisputeRow<'_>> = dispute_rows(ledger);
    let text = |f: &dyn for<'r> Fn(&'r DisputeRow<'r>) -> String| -> ArrayRef {
        Arc::new(rows.iter().map(|r| Some(f(r))).collect::<StringArray>())
    };
    // Each side's origins' ids, or names, as a list.
    let list = |side: &dyn for<'r> Fn(&'r DisputeRow<'r>) -> &'r PairSide, names: bool| -> ArrayRef {
        let mut b = ListBuilder::new(StringBuilder::new());
        for r in &rows {
            for o in &side(r).origins {
                b.values().append_value(if names { &o.name } else { &o.id });
            }
            b.append(true);
        }
        Arc::new(b.finish())
    };
    let columns: Vec<ArrayRef> = vec![
        text(&|r| r.event.to_string()),
        text(&|r| r.event_name.to_string()),
        text(&|r| r.facet.to_string()),
        text(&|r| r.pair.kind.as_str().to_string()),
        text(&|r| r.pair.a.value.clone()),
        text(&|r| r.pair.a.stance.to_string()),
        list(&|r| &r.pair.a, false),
        list(&|r| &r.pair.a, true),
        text(&|r| r.pair.b.value.clone()),
        text(&|r| r.pair.b.stance.to_string()),
        list(&|r| &r.pair.b, false),
        list(&|r| &r.pair.b, true),
        text(&|r| r.words.clone()),
    ];
    write_batch(path, disputes_schema(), columns, "the disputes' rows")
}

/// The columns of a view of the stored claims (`/api/claims`, the page's
/// export): the API's claim, one row per claim, in its order. `claim` and
/// `document` the store's numbers; `label` the value as the ledger writes
/// it; `value_lo` and `value_hi` (null for a vague quantity); `source` the
/// chain as a list of `{id, name, kind}` structs outermost first; `origin`
/// the ledger's origin; `published` a date (null when undated); `lang`
/// null when unknown; the claim's span as `span_start` and `span_end`.
pub fn view_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        int("claim"),
        int("document"),
        text("doc"),
        text("event"),
        text("facet"),
        text("label"),
        maybe_float("value_lo"),
        maybe_float("value_hi"),
        maybe_text("vague"),
        text("qualifier"),
        text("stance"),
        sources("source"),
        text("origin"),
        Field::new("anonymous", DataType::Boolean, false),
        maybe_date("published"),
        maybe_text("lang"),
        int("span_start"),
        int("span_end"),
        text("evidence"),
    ]))
}

/// Writes `rows`, stored claims each with its event's id, to `out` as one
/// Parquet file of [`view_schema`], a row group every [`BATCH`] rows, and
/// gives `out` back.
pub fn write_view<'a, W: Write + Send>(
    out: W,
    rows: impl IntoIterator<Item = (&'a LedgerRow, &'a str)>,
) -> Result<W> {
    let schema = view_schema();
    let mut w = writer_to(out, schema.clone())?;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<(&LedgerRow, &str)> = rows.by_ref().take(BATCH).collect();
        let int = |f: &dyn Fn(&LedgerRow) -> i64| -> ArrayRef {
            Arc::new(Int64Array::from_iter_values(batch.iter().map(|(r, _)| f(r))))
        };
        let text = |f: &dyn for<'r> Fn(&'r LedgerRow, &'r str) -> Option<&'r str>| -> ArrayRef {
            Arc::new(batch.iter().map(|(r, e)| f(r, e)).collect::<StringArray>())
        };
        let owned = |f: &dyn Fn(&LedgerRow) -> String| -> ArrayRef {
            Arc::new(batch.iter().map(|(r, _)| Some(f(r))).collect::<StringArray>())
        };
        let bound = |end: fn((f64, f64)) -> f64| -> ArrayRef {
            Arc::new(
                batch
                    .iter()
                    .map(|(r, _)| r.claim.value.bounds().map(end))
                    .collect::<Float64Array>(),
            )
        };
        let mut chain = chain_list();
        for (r, _) in &batch {
            append_chain(&mut chain, &r.claim.source);
        }
        let columns: Vec<ArrayRef> = vec![
            int(&|r| r.id),
            int(&|r| r.document),
            text(&|r, _| Some(&r.doc.doc)),
            text(&|_, e| Some(e)),
            text(&|r, _| Some(&r.claim.facet)),
            owned(&|r| isnad_ledger::label(r.claim.value, r.claim.vague.as_deref())),
            bound(|b| b.0),
            bound(|b| b.1),
            text(&|r, _| r.claim.vague.as_deref()),
            text(&|r, _| Some(r.claim.qualifier.as_str())),
            text(&|r, _| Some(r.claim.stance.as_str())),
            Arc::new(chain.finish()),
            owned(&|r| isnad_ledger::origin(&r.claim.source, &r.doc.doc)),
            Arc::new(
                batch
                    .iter()
                    .map(|(r, _)| Some(r.claim.anonymous))
                    .collect::<BooleanArray>(),
            ),
            Arc::new(
                batch
                    .iter()
                    .map(|(r, _)| day(r.doc.published.as_deref()))
                    .collect::<Date32Array>(),
            ),
            text(&|r, _| r.doc.lang.as_deref()),
            int(&|r| i64::from(r.claim.span.start)),
            int(&|r| i64::from(r.claim.span.end)),
            text(&|r, _| Some(&r.claim.evidence)),
        ];
        let batch = RecordBatch::try_new(schema.clone(), columns).context("building a batch of claims")?;
        w.write(&batch)?;
    }
    Ok(w.into_inner()?)
}

/// Claims to a Parquet file, a row group at a time.
pub struct ClaimWriter {
    path: std::path::PathBuf,
    writer: ArrowWriter<File>,
    columns: ClaimColumns,
}

struct ClaimColumns {
    rows: usize,
    doc: StringBuilder,
    lang: StringBuilder,
    facet: StringBuilder,
    value: [Float64Builder; 4],
    vague: StringBuilder,
    qualifier: StringBuilder,
    stance: StringBuilder,
    source: ListBuilder<StructBuilder>,
    anonymous: BooleanBuilder,
    subject: StringBuilder,
    spans: [Int64Builder; 4],
    evidence: StringBuilder,
    warc_file: StringBuilder,
    warc_record: StringBuilder,
    warc_offset: Int64Builder,
}

impl ClaimColumns {
    fn new() -> ClaimColumns {
        ClaimColumns {
            rows: 0,
            doc: StringBuilder::new(),
            lang: StringBuilder::new(),
            facet: StringBuilder::new(),
            value: std::array::from_fn(|_| Float64Builder::new()),
            vague: StringBuilder::new(),
            qualifier: StringBuilder::new(),
            stance: StringBuilder::new(),
            source: chain_list(),
            anonymous: BooleanBuilder::new(),
            subject: StringBuilder::new(),
            spans: std::array::from_fn(|_| Int64Builder::new()),
            evidence: StringBuilder::new(),
            warc_file: StringBuilder::new(),
            warc_record: StringBuilder::new(),
            warc_offset: Int64Builder::new(),
        }
    }

    fn push(&mut self, c: &Claim) {
        self.rows += 1;
        self.doc.append_value(&c.doc);
        self.lang.append_option(c.lang.as_deref());
        self.facet.append_value(&c.facet);
        let value = c.value.bounds();
        let band = c.band.map(|[a, b]| (a, b));
        for (b, x) in self.value.iter_mut().zip([
            value.map(|v| v.0),
            value.map(|v| v.1),
            band.map(|v| v.0),
            band.map(|v| v.1),
        ]) {
            b.append_option(x);
        }
        self.vague.append_option(c.vague.as_deref());
        self.qualifier.append_value(c.qualifier.as_str());
        self.stance.append_value(c.stance.as_str());
        append_chain(&mut self.source, &c.source);
        self.anonymous.append_value(c.anonymous);
        self.subject.append_option(c.subject.as_deref());
        for (b, n) in self
            .spans
            .iter_mut()
            .zip([c.span.start, c.span.end, c.sentence.start, c.sentence.end])
        {
            b.append_value(to_i64(n));
        }
        self.evidence.append_value(&c.evidence);
        let w = c.warc.as_ref();
        self.warc_file.append_option(w.map(|w| w.file.as_str()));
        self.warc_record.append_option(w.map(|w| w.record.as_str()));
        self.warc_offset.append_option(w.map(|w| to_i64(w.offset)));
    }

    fn finish(&mut self, schema: SchemaRef) -> Result<RecordBatch> {
        self.rows = 0;
        let [lo, hi, band_lo, band_hi] = &mut self.value;
        let [s, e, ss, se] = &mut self.spans;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.doc.finish()),
            Arc::new(self.lang.finish()),
            Arc::new(self.facet.finish()),
            Arc::new(lo.finish()),
            Arc::new(hi.finish()),
            Arc::new(self.vague.finish()),
            Arc::new(band_lo.finish()),
            Arc::new(band_hi.finish()),
            Arc::new(self.qualifier.finish()),
            Arc::new(self.stance.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.anonymous.finish()),
            Arc::new(self.subject.finish()),
            Arc::new(s.finish()),
            Arc::new(e.finish()),
            Arc::new(ss.finish()),
            Arc::new(se.finish()),
            Arc::new(self.evidence.finish()),
            Arc::new(self.warc_file.finish()),
            Arc::new(self.warc_record.finish()),
            Arc::new(self.warc_offset.finish()),
        ];
        RecordBatch::try_new(schema, columns).context("building a batch of claims")
    }
}

impl ClaimWriter {
    /// A writer creating `path`.
    pub fn create(path: &Path) -> Result<ClaimWriter> {
        Ok(ClaimWriter {
            path: path.to_path_buf(),
            writer: writer(path, claim_schema())?,
            columns: ClaimColumns::new(),
        })
    }

    /// Adds a claim; a full batch is written out.
    pub fn push(&mut self, c: &Claim) -> Result<()> {
        self.columns.push(c);
        if self.columns.rows >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.columns.rows == 0 {
            return Ok(());
        }
        let batch = self.columns.finish(claim_schema())?;
        self.writer
            .write(&batch)
            .with_context(|| self.path.display().to_string())
    }

    /// Writes what is left and the file's footer.
    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.writer
            .close()
            .with_context(|| self.path.display().to_string())?;
        Ok(())
    }
}

/// Reads a claims file [`ClaimWriter`] wrote, calling `add` with each
/// claim. A word the claim model does not know (a qualifier, a stance, a
/// source's kind) is an error naming it and the row.
pub fn read_claims(path: &Path, add: &mut dyn FnMut(Claim)) -> Result<()> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int64Type};
    use arrow_array::{Array, BooleanArray, Float64Array, Int64Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let at = || path.display().to_string();
    let f = File::open(path).with_context(at)?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(f)
        .with_context(at)?
        .build()
        .with_context(at)?;
    let mut row = 0usize;
    for batch in reader {
        let b = batch.with_context(at)?;
        let col = |name: &str| {
            b.column_by_name(name)
                .ok_or_else(|| anyhow::anyhow!("{}: no column `{name}`: not a claims file", at()))
        };
        let text = |name: &str| -> Result<&StringArray> {
            col(name)?
                .as_string_opt::<i32>()
                .ok_or_else(|| anyhow::anyhow!("{}: column `{name}` is not text", at()))
        };
        let float = |name: &str| -> Result<&Float64Array> {
            col(name)?
                .as_primitive_opt::<Float64Type>()
                .ok_or_else(|| anyhow::anyhow!("{}: column `{name}` is not float64", at()))
        };
        let int = |name: &str| -> Result<&Int64Array> {
            col(name)?
                .as_primitive_opt::<Int64Type>()
                .ok_or_else(|| anyhow::anyhow!("{}: column `{name}` is not int64", at()))
        };
        let (doc, lang, facet, vague, qualifier, stance, subject, evidence) = (
            text("doc")?,
            text("lang")?,
            text("facet")?,
            text("vague")?,
            text("qualifier")?,
            text("stance")?,
            text("subject")?,
            text("evidence")?,
        );
        let (lo, hi, band_lo, band_hi) = (
            float("value_lo")?,
            float("value_hi")?,
            float("band_lo")?,
            float("band_hi")?,
        );
        let spans = [
            int("span_start")?,
            int("span_end")?,
            int("sentence_start")?,
            int("sentence_end")?,
        ];
        let anonymous: &BooleanArray = col("anonymous")?
            .as_boolean_opt()
            .ok_or_else(|| anyhow::anyhow!("{}: column `anonymous` is not bool", at()))?;
        let sources = col("source")?
            .as_list_opt::<i32>()
            .ok_or_else(|| anyhow::anyhow!("{}: column `source` is not a list", at()))?;
        // Files written before the archive columns have none.
        let warc_file = b
            .column_by_name("warc_file")
            .and_then(|c| c.as_string_opt::<i32>());
        let warc_record = b
            .column_by_name("warc_record")
            .and_then(|c| c.as_string_opt::<i32>());
        let warc_offset = b
            .column_by_name("warc_offset")
            .and_then(|c| c.as_primitive_opt::<Int64Type>());
        fn opt_text(a: &StringArray, i: usize) -> Option<&str> {
            (!a.is_null(i)).then(|| a.value(i))
        }
        let float_at = |a: &Float64Array, i: usize| (!a.is_null(i)).then(|| a.value(i));
        let offset = |a: &Int64Array, i: usize| u32::try_from(a.value(i)).unwrap_or(u32::MAX);
        for i in 0..b.num_rows() {
            row += 1;
            let named = |e: isnad_model::UnknownName| anyhow::anyhow!("{}: row {row}: {e}", at());
            let chain_items = sources.value(i);
            let items = chain_items
                .as_struct_opt()
                .ok_or_else(|| anyhow::anyhow!("{}: `source` items are not structs", at()))?;
            let field = |j: usize| items.column(j).as_string_opt::<i32>();
            let (Some(ids), Some(names), Some(kinds)) = (field(0), field(1), field(2)) else {
                anyhow::bail!("{}: `source` items are not {{id, name, kind}}", at());
            };
            let source = (0..items.len())
                .map(|j| {
                    Ok(SourceRef {
                        id: ids.value(j).to_string(),
                        name: names.value(j).to_string(),
                        kind: kinds.value(j).parse().map_err(named)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let band = match (float_at(band_lo, i), float_at(band_hi, i)) {
                (Some(a), Some(b)) => Some([a, b]),
                _ => None,
            };
            let value = match (float_at(lo, i), float_at(hi, i)) {
                (Some(a), Some(b)) => Value::from_bounds(Some(a), Some(b)),
                _ => Value::None,
            };
            add(Claim {
                doc: doc.value(i).to_string(),
                lang: opt_text(lang, i).map(String::from),
                facet: facet.value(i).to_string(),
                value,
                vague: opt_text(vague, i).map(Arc::from),
                band,
                qualifier: qualifier.value(i).parse().map_err(named)?,
                stance: stance.value(i).parse().map_err(named)?,
                source: source.into(),
                anonymous: anonymous.value(i),
                subject: opt_text(subject, i).map(String::from),
                // Parquet has no column for it: where the quantity is in
                // the evidence is read from its spans.
                mark: None,
                span: Span {
                    start: offset(spans[0], i),
                    end: offset(spans[1], i),
                },
                sentence: Span {
                    start: offset(spans[2], i),
                    end: offset(spans[3], i),
                },
                evidence: Arc::from(evidence.value(i)),
                warc: match (warc_file, warc_record, warc_offset) {
                    (Some(f), Some(r), Some(o)) if !f.is_null(i) && !o.is_null(i) => Some(WarcOrigin {
                        file: f.value(i).to_string(),
                        record: opt_text(r, i).unwrap_or("").to_string(),
                        offset: u64::try_from(o.value(i)).unwrap_or(0),
                    }),
                    _ => None,
                },
            });
        }
    }
    Ok(())
}
