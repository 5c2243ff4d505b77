//! Polite HTTP(S) fetching: timeouts, a size cap, a redirect cap followed hop by hop
//! (each hop checked against robots.txt and the private-address rule), and a
//! User-Agent that says who we are.

use std::collections::HashMap;
use std::io::Read;
use std::net::{IpAddr, ToSocketAddrs};
use std::time::Duration;

use extract::input::ItemMeta;

use crate::robots::RobotsRules;
use crate::{LoadedInput, SourceError};

/// How to fetch. Defaults are conservative.
#[derive(Debug, Clone)]
pub struct FetchPolicy {
    pub timeout_secs: u64,
    pub max_bytes: u64,
    pub max_redirects: u32,
    pub user_agent: String,
    /// Permit loopback and private addresses (tests use a loopback server).
    pub allow_private: bool,
    pub respect_robots: bool,
}

impl Default for FetchPolicy {
    fn default() -> Self {
        FetchPolicy {
            timeout_secs: 20,
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 5,
            user_agent: format!(
                "ParallaxBot/{} (+news comparison; respects robots.txt)",
                env!("CARGO_PKG_VERSION")
            ),
            allow_private: false,
            respect_robots: true,
        }
    }
}

/// One response: status, the headers we read, and the (capped) body.
type RawResponse = (u16, HashMap<String, String>, Vec<u8>);

/// Fetches URLs under one policy, caching robots.txt per origin.
pub struct Fetcher {
    policy: FetchPolicy,
    agent: ureq::Agent,
    robots: HashMap<String, RobotsRules>,
}

fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.octets()[0] == 100 && (64..128).contains(&v4.octets()[1]) // CGNAT
                || v4.octets()[0] == 0
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (v6.segments()[0] & 0xfe00) == 0xfc00 // unique local
                || (v6.segments()[0] & 0xffc0) == 0xfe80 // link local
                || v6.to_ipv4_mapped().is_some_and(|v4| is_private(IpAddr::V4(v4)))
        }
    }
}

/// Splits `scheme://host[:port]/path` into (origin, host, port, path).
fn split_url(url: &str) -> Option<(String, String, u16, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let default_port = match scheme.to_ascii_lowercase().as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let authority = authority.rsplit('@').next()?;
    let (host, port) = if let Some(stripped) = authority.strip_prefix('[') {
        let (h, after) = stripped.split_once(']')?;
        let port = after
            .strip_prefix(':')
            .map(|p| p.parse().ok())
            .unwrap_or(Some(default_port))?;
        (h.to_string(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().ok()?),
            None => (authority.to_string(), default_port),
        }
    };
    if host.is_empty() {
        return None;
    }
    let path = path.split('#').next().unwrap_or("/");
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    Some((format!("{scheme}://{authority}"), host, port, path))
}

fn resolve_location(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let Some((origin, _, _, path)) = split_url(base) else {
        return location.to_string();
    };
    if let Some(rest) = location.strip_prefix("//") {
        let scheme = base.split("://").next().unwrap_or("https");
        return format!("{scheme}://{rest}");
    }
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    format!("{origin}{dir}/{location}")
}

impl Fetcher {
    pub fn new(policy: FetchPolicy) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(policy.timeout_secs)))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(policy.user_agent.as_str())
            .build();
        Fetcher {
            policy,
            agent: config.new_agent(),
            robots: HashMap::new(),
        }
    }

    fn check_address(&self, url: &str, host: &str, port: u16) -> Result<(), SourceError> {
        if self.policy.allow_private {
            return Ok(());
        }
        let addrs = (host, port)
            .to_socket_addrs()
            .map_err(|e| SourceError::Http {
                url: url.to_string(),
                reason: format!("cannot resolve {host}: {e}"),
            })?;
        for addr in addrs {
            if is_private(addr.ip()) {
                return Err(SourceError::PrivateAddress {
                    url: url.to_string(),
                    host: host.to_string(),
                    addr: addr.ip(),
                });
            }
        }
        Ok(())
    }

    fn robots_allows(&mut self, origin: &str, path: &str) -> bool {
        if !self.policy.respect_robots {
            return true;
        }
        if !self.robots.contains_key(origin) {
            let robots_url = format!("{origin}/robots.txt");
            // A missing or unreadable robots.txt allows everything.
            let rules = self
                .get_raw(&robots_url, 512 * 1024)
                .ok()
                .filter(|(status, _, _)| *status == 200)
                .map(|(_, _, body)| {
                    RobotsRules::parse(&String::from_utf8_lossy(&body), &self.policy.user_agent)
                })
                .unwrap_or_default();
            self.robots.insert(origin.to_string(), rules);
        }
        self.robots.get(origin).is_none_or(|r| r.allows(path))
    }

    /// One request, no redirects: (status, headers of interest, body capped at `limit`).
    fn get_raw(&self, url: &str, limit: u64) -> Result<RawResponse, SourceError> {
        let http_err = |reason: String| SourceError::Http {
            url: url.to_string(),
            reason,
        };
        let response = self
            .agent
            .get(url)
            .call()
            .map_err(|e| http_err(e.to_string()))?;
        let status = response.status().as_u16();
        let mut headers = HashMap::new();
        for name in ["location", "content-type", "last-modified"] {
            if let Some(v) = response.headers().get(name).and_then(|v| v.to_str().ok()) {
                headers.insert(name.to_string(), v.to_string());
            }
        }
        let mut body = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(limit + 1)
            .read_to_end(&mut body)
            .map_err(|e| http_err(format!("reading the body: {e}")))?;
        if body.len() as u64 > limit {
            return Err(SourceError::TooLarge {
                url: url.to_string(),
                limit,
            });
        }
        Ok((status, headers, body))
    }

    /// Fetches `url`, following up to `max_redirects` redirects, each hop checked.
    pub fn fetch(&mut self, url: &str) -> Result<LoadedInput, SourceError> {
        let mut current = url.to_string();
        for _ in 0..=self.policy.max_redirects {
            let (origin, host, port, path) =
                split_url(&current).ok_or_else(|| SourceError::BadUrl {
                    url: current.clone(),
                })?;
            self.check_address(&current, &host, port)?;
            if !self.robots_allows(&origin, &path) {
                return Err(SourceError::Robots {
                    url: current.clone(),
                    robots: format!("{origin}/robots.txt"),
                });
            }
            let (status, headers, body) = self.get_raw(&current, self.policy.max_bytes)?;
            match status {
                200..=299 => {
                    let meta = ItemMeta {
                        url: Some(current.clone()),
                        ..ItemMeta::default()
                    };
                    return Ok(LoadedInput {
                        name: current,
                        bytes: body,
                        meta,
                    });
                }
                300..=399 => {
                    let location = headers.get("location").ok_or_else(|| SourceError::Http {
                        url: current.clone(),
                        reason: format!("HTTP {status} without a Location header"),
                    })?;
                    current = resolve_location(&current, location);
                }
                _ => {
                    return Err(SourceError::Http {
                        url: current,
                        reason: format!("HTTP status {status}"),
                    })
                }
            }
        }
        Err(SourceError::TooManyRedirects {
            url: url.to_string(),
            limit: self.policy.max_redirects,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use testkit::{http_ok as ok, serve_http as serve};

    #[test]
    fn refuses_loopback_unless_allowed() {
        let base = serve(vec![("/a", ok("<p>x</p>"))], 2);
        let mut f = Fetcher::new(FetchPolicy::default());
        let err = f.fetch(&format!("{base}/a")).expect_err("loopback refused");
        assert!(matches!(err, SourceError::PrivateAddress { .. }), "{err}");
    }

    #[test]
    fn follows_redirects_and_respects_robots() {
        let routes = vec![
            ("/robots.txt", ok("User-agent: *\nDisallow: /secret\n")),
            ("/old", "HTTP/1.1 301 Moved\r\nLocation: /new\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()),
            ("/new", ok("<p>moved here</p>")),
            ("/loop", "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()),
        ];
        let base = serve(routes, 20);
        let policy = FetchPolicy {
            allow_private: true,
            max_redirects: 2,
            ..FetchPolicy::default()
        };
        let mut f = Fetcher::new(policy);
        let got = f.fetch(&format!("{base}/old")).expect("redirect followed");
        assert_eq!(got.bytes, b"<p>moved here</p>");
        assert!(got.name.ends_with("/new"));
        let err = f.fetch(&format!("{base}/secret/x")).expect_err("robots");
        assert!(matches!(err, SourceError::Robots { .. }), "{err}");
        let err = f.fetch(&format!("{base}/loop")).expect_err("loop");
        assert!(matches!(err, SourceError::TooManyRedirects { .. }), "{err}");
        let err = f.fetch(&format!("{base}/missing")).expect_err("404");
        assert!(err.to_string().contains("HTTP status 404"), "{err}");
    }

    #[test]
    fn size_cap() {
        let base = serve(
            vec![("/robots.txt", ok("")), ("/big", ok(&"x".repeat(5000)))],
            4,
        );
        let policy = FetchPolicy {
            allow_private: true,
            max_bytes: 1000,
            ..FetchPolicy::default()
        };
        let err = Fetcher::new(policy)
            .fetch(&format!("{base}/big"))
            .expect_err("too large");
        assert!(matches!(err, SourceError::TooLarge { .. }), "{err}");
    }

    #[test]
    fn private_ranges() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.5",
            "169.254.1.1",
            "::1",
            "fd00::1",
            "100.64.0.1",
        ] {
            assert!(is_private(ip.parse().expect("ip")), "{ip}");
        }
        assert!(!is_private("93.184.216.34".parse().expect("ip")));
    }
}
