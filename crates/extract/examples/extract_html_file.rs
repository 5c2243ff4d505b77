//! Prints what `extract_html` finds in one HTML file (uncompressed; any charset that
//! `decode_html_bytes` handles). Usage:
//! `cargo run -p extract --example extract_html_file -- page.html [url]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_html_file PAGE.html [URL]");
        std::process::exit(2);
    };
    let url = args.next();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let html = extract::html::decode_html_bytes(&bytes);
    let ex = extract::html::extract_html(&html, url.as_deref());
    println!("title: {:?}", ex.title);
    println!("authors: {:?}", ex.authors);
    println!("outlet: {:?}", ex.outlet);
    println!("published: {:?}", ex.published);
    println!(
        "language: {:?}  canonical: {:?}",
        ex.language, ex.canonical_url
    );
    for d in &ex.diagnostics {
        println!("diagnostic: {} {}", d.code, d.message);
    }
    println!("---");
    println!("{}", ex.text);
}
