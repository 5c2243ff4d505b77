//! Prints the dates the eval's date finder reads in one line of text.
//!
//! `cargo run -p eval --example date_probe -- 2011-11-01 "text"`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let published = args
        .get(1)
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let (Some(published), Some(text)) = (published, args.get(2)) else {
        eprintln!("usage: date_probe YYYY-MM-DD \"text\"");
        return;
    };
    for span in text::split_sentences(text) {
        let s = span.slice(text);
        println!("{:?} <- {s}", eval::timeline::find_dates(s, published));
    }
}
