//! Test support shared by the crates' test suites.
//!
//! Tests that read third-party data from `../shared` (seeds, benchmarks) call
//! [`shared_path`]. When the data is missing they skip with a message — unless the
//! environment variable `PARALLAX_REQUIRE_SHARED=1` is set (as `.ci/run` does), in
//! which case they fail, so CI always runs them.

use std::path::{Path, PathBuf};

/// The environment variable that turns a missing `../shared` into a test failure.
pub const REQUIRE_SHARED_ENV: &str = "PARALLAX_REQUIRE_SHARED";

/// The `shared/` folder beside the repository checkout, if present.
pub fn shared_root() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("PARALLAX_SHARED_DIR") {
        let p = PathBuf::from(dir);
        return p.is_dir().then_some(p);
    }
    // crates/<name>/ -> repo root -> its parent -> shared
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = here.parent()?.parent()?;
    let shared = repo.parent()?.join("shared");
    shared.is_dir().then_some(shared)
}

/// `shared/<rel>` if it exists. Returns `None` (and prints why) when it is missing
/// and not required; panics when `PARALLAX_REQUIRE_SHARED=1`.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let found = shared_root().map(|r| r.join(rel)).filter(|p| p.exists());
    if found.is_none() {
        let required = std::env::var(REQUIRE_SHARED_ENV).is_ok_and(|v| v == "1");
        assert!(
            !required,
            "shared data `{rel}` is missing and {REQUIRE_SHARED_ENV}=1"
        );
        eprintln!(
            "skipping: shared data `{rel}` not found (set {REQUIRE_SHARED_ENV}=1 to fail instead)"
        );
    }
    found
}

/// A real HTTP/1.1 server on loopback for tests: answers `GET path` with the raw
/// response given for that path (404 otherwise), for at most `max_requests`
/// connections, then stops. Returns the base URL (`http://127.0.0.1:PORT`).
pub fn serve_http(routes: Vec<(&'static str, String)>, max_requests: usize) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("local address");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max_requests) {
            let Ok(mut stream) = stream else { continue };
            let Ok(clone) = stream.try_clone() else {
                continue;
            };
            let mut reader = BufReader::new(clone);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            loop {
                let mut header = String::new();
                if reader
                    .read_line(&mut header)
                    .map(|n| n == 0)
                    .unwrap_or(true)
                    || header == "\r\n"
                {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let response = routes
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, r)| r.clone())
                .unwrap_or_else(|| {
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .to_string()
                });
            let _ = stream.write_all(response.as_bytes());
        }
    });
    format!("http://{addr}")
}

/// A `200 OK` HTML response with `body`, for [`serve_http`].
pub fn http_ok(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_path_is_none_when_not_required() {
        if std::env::var(super::REQUIRE_SHARED_ENV).is_err() {
            assert!(super::shared_path("definitely/not/here").is_none());
        }
    }
}
