//! A scorer's result: named figures with their published anchors.

use serde::Serialize;

/// One figure: our value, and optionally a published figure to compare with.
#[derive(Debug, Clone, Serialize)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    /// e.g. ("HeidelTime, TE3-Platinum [approximate]", 0.903)
    pub anchor: Option<(String, f64)>,
}

/// The outcome of one benchmark run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub benchmark: String,
    /// What was scored ("181 pages", "84 articles / 94 annotation files").
    pub items: String,
    pub metrics: Vec<Metric>,
    /// Free-form notes (per-type breakdowns, timing, caveats).
    pub notes: Vec<String>,
}

impl Report {
    pub fn new(benchmark: &str, items: impl Into<String>) -> Self {
        Report {
            benchmark: benchmark.to_string(),
            items: items.into(),
            metrics: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn metric(&mut self, name: &str, value: f64) -> &mut Self {
        self.metrics.push(Metric {
            name: name.to_string(),
            value,
            anchor: None,
        });
        self
    }

    pub fn metric_with_anchor(
        &mut self,
        name: &str,
        value: f64,
        anchor: &str,
        anchor_value: f64,
    ) -> &mut Self {
        self.metrics.push(Metric {
            name: name.to_string(),
            value,
            anchor: Some((anchor.to_string(), anchor_value)),
        });
        self
    }

    pub fn note(&mut self, note: impl Into<String>) -> &mut Self {
        self.notes.push(note.into());
        self
    }

    /// The value of a metric by name.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.metrics
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.value)
    }

    /// A plain-text table: metric, ours, anchor.
    pub fn to_table(&self) -> String {
        let mut out = format!("{} — {}\n", self.benchmark, self.items);
        let width = self
            .metrics
            .iter()
            .map(|m| m.name.len())
            .max()
            .unwrap_or(6)
            .max(6);
        out.push_str(&format!(
            "  {:<width$}  {:>8}  {}\n",
            "metric", "ours", "anchor"
        ));
        for m in &self.metrics {
            let anchor = match &m.anchor {
                Some((label, v)) => format!("{v:.4}  {label}"),
                None => String::new(),
            };
            out.push_str(&format!(
                "  {:<width$}  {:>8.4}  {}\n",
                m.name, m.value, anchor
            ));
        }
        for n in &self.notes {
            out.push_str(&format!("  · {n}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_metrics_and_anchors() {
        let mut r = Report::new("demo", "3 items");
        r.metric_with_anchor("f1", 0.5, "someone", 0.9)
            .metric("p", 0.25);
        let t = r.to_table();
        assert!(t.contains("f1"));
        assert!(t.contains("0.9000  someone"));
        assert_eq!(r.get("p"), Some(0.25));
    }
}
