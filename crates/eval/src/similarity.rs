//! Scorer for the `similarity` benchmark: SemEval-2022 Task 8 news-article pairs
//! judged for similarity (../shared/eval/README.md, section 8), English pairs.
//!
//! Parallax does not score a pair on its own: it groups documents into stories
//! and topics. So every distinct English text of the pairs is ingested as a plain
//! page and all of them go through `fusion::brief::build_brief` as one collection,
//! in the order the pairs list them. A pair then gets a graded prediction: 2 when
//! both texts land in one story, 1 when only in one topic, 0 otherwise. Reported:
//! the Pearson correlation of that grade with the negated gold `Overall` (1 = very
//! similar, 4 = very dissimilar), and precision, recall and F1 of "same story"
//! against the README's practical cut, `Overall <= 1.5`.

use std::collections::BTreeMap;
use std::path::Path;

use extract::input::{BodyKind, ItemMeta, RawItem};

use crate::{read_to_string, EvalError, EvalOptions, Report};

/// One scored pair.
#[derive(Debug, Clone)]
pub struct Pair {
    pub key: String,
    pub text1: String,
    pub text2: String,
    /// Gold `Overall`: 1 = very similar … 4 = very dissimilar.
    pub overall: f64,
}

/// Splits CSV text into records of fields (RFC 4180: quoted fields may hold
/// commas, doubled quotes and line breaks). A quote left open is an error.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let (mut line, mut opened_at) = (1usize, 0usize);
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                opened_at = line;
            }
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(format!(
            "the quoted field opened on line {opened_at} is never closed"
        ));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

/// Reads the English pairs of `training_set.csv` in `root` (or the CSV file given).
pub fn load(root: &Path) -> Result<Vec<Pair>, EvalError> {
    let path = if root.is_dir() {
        root.join("training_set.csv")
    } else {
        root.to_path_buf()
    };
    let records = parse_csv(&read_to_string(&path)?).map_err(|e| EvalError::format(&path, e))?;
    let Some((header, rows)) = records.split_first() else {
        return Err(EvalError::format(&path, "empty file"));
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| EvalError::format(&path, format!("no `{name}` column")))
    };
    let (key, lang1, lang2, text1, text2, overall) = (
        column("Unnamed: 0")?,
        column("lang1")?,
        column("lang2")?,
        column("text1")?,
        column("text2")?,
        column("Overall")?,
    );
    let mut pairs = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let get = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        if get(lang1) != "en" || get(lang2) != "en" {
            continue;
        }
        let score: f64 = get(overall).trim().parse().map_err(|_| {
            EvalError::format(
                &path,
                format!(
                    "record {} (key `{}`): Overall `{}` is not a number",
                    n + 1,
                    get(key),
                    get(overall)
                ),
            )
        })?;
        pairs.push(Pair {
            key: get(key).to_string(),
            text1: get(text1).trim().to_string(),
            text2: get(text2).trim().to_string(),
            overall: score,
        });
    }
    if pairs.is_empty() {
        return Err(EvalError::format(&path, "no English pairs"));
    }
    Ok(pairs)
}

/// Pearson correlation of two series over their common length (0 when either is
/// constant or shorter than two).
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let len = x.len().min(y.len());
    let (x, y) = (&x[..len], &y[..len]);
    let n = len as f64;
    if len < 2 {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx <= 0.0 || syy <= 0.0 {
        0.0
    } else {
        sxy / (sxx.sqrt() * syy.sqrt())
    }
}

/// Runs the scorer on `path` (the `semeval2022t8` folder or its CSV).
pub fn run(path: &Path, opts: &EvalOptions) -> Result<Report, EvalError> {
    let mut pairs = load(path)?;
    if let Some(limit) = opts.limit {
        pairs.truncate(limit);
    }
    // Each distinct text once, in the order the pairs list them.
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut texts: Vec<&str> = Vec::new();
    for p in &pairs {
        for t in [p.text1.as_str(), p.text2.as_str()] {
            if !index.contains_key(t) {
                index.insert(t, texts.len());
                texts.push(t);
            }
        }
    }
    let docs: Vec<(model::Document, model::DocumentAnalysis)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            crate::analysed_page(&RawItem {
                origin: format!("text-{i}"),
                body: t.as_bytes().to_vec(),
                kind: BodyKind::Text,
                meta: ItemMeta::default(),
            })
        })
        .collect();
    let placed = crate::brief_stories(&docs);
    let place = |t: &str| index.get(t).and_then(|&i| placed[i]);
    let (mut grades, mut gold) = (Vec::new(), Vec::new());
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut details = String::from("row\toverall\tgrade\n");
    for p in &pairs {
        let grade = match (place(&p.text1), place(&p.text2)) {
            (Some(a), Some(b)) if a.1 == b.1 => 2.0,
            (Some(a), Some(b)) if a.0 == b.0 => 1.0,
            _ => 0.0,
        };
        let same_gold = p.overall <= 1.5;
        match (grade == 2.0, same_gold) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => {}
        }
        grades.push(grade);
        gold.push(-p.overall);
        details.push_str(&format!("{}\t{}\t{grade}\n", p.key, p.overall));
    }
    let (precision, recall, f1) = crate::precision_recall_f1(tp, fp, fn_);
    let mut report = Report::new(
        "similarity",
        format!(
            "SemEval-2022 Task 8, {} English pairs over {} distinct texts",
            pairs.len(),
            texts.len()
        ),
    );
    report
        .metric_with_anchor(
            "pearson_en",
            pearson(&grades, &gold),
            "task winner HFL, en-en, official test set (another sample) [published]",
            0.872,
        )
        .metric("same_story_precision", precision)
        .metric("same_story_recall", recall)
        .metric("same_story_f1", f1);
    report.note(format!(
        "grade per pair: 2 same story, 1 same topic only, 0 apart, from one brief over all texts; gold same story = Overall <= 1.5 ({} of {} pairs)",
        tp + fn_,
        pairs.len()
    ));
    report.note(
        "the anchor scores a trained pair model on a 1-4 scale; ours is a three-level by-product of story clustering",
    );
    if let Some(dir) = &opts.details_dir {
        crate::write_details(dir, "similarity.tsv", &details)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_keep_quoted_commas_quotes_and_line_breaks() {
        let rows = parse_csv("a,b,c\n1,\"x, \"\"y\"\"\nz\",3\r\n2,,\n").expect("valid");
        assert_eq!(
            rows,
            vec![
                vec!["a", "b", "c"],
                vec!["1", "x, \"y\"\nz", "3"],
                vec!["2", "", ""],
            ]
        );
        assert!(parse_csv("a,\"open\nb")
            .unwrap_err()
            .contains("opened on line 1 is never closed"));
    }

    #[test]
    fn pearson_of_linear_and_constant_series() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }
}
