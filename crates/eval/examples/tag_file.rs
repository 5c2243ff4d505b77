//! Tags a plain-text file and prints each time expression with its value:
//! `cargo run --release -p eval --example tag_file -- FILE [PUBLISHED]`
//! (PUBLISHED as `2025-11-21` or `2025-11-21T22:33`). For eyeballing the tagger.

use analysis::timex::{tag, TimexContext};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: tag_file FILE [PUBLISHED]")?;
    let text = std::fs::read_to_string(&path)?;
    let published = match args.next() {
        Some(p) => Some(eval::timex::parse_dct(&p).ok_or("PUBLISHED must look like 2025-11-21")?),
        None => None,
    };
    let ctx = TimexContext {
        published,
        posts: Vec::new(),
    };
    for t in tag(&text, &ctx) {
        let end = t.end_value.map(|e| format!(" .. {e}")).unwrap_or_default();
        println!(
            "{:>6}  {:<40} {:?} {}{end}  [{:?}]",
            t.span.start,
            t.text.replace('\n', " "),
            t.kind,
            t.value,
            t.anchor.kind
        );
    }
    Ok(())
}
