//! A small robots.txt reader: groups by User-agent, Allow/Disallow with `*` and `$`,
//! the longest matching rule wins, Allow wins ties.

/// The rules that apply to one user agent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RobotsRules {
    rules: Vec<(bool, String)>,
}

impl RobotsRules {
    /// Parses robots.txt text for `agent` (matched case-insensitively as a
    /// substring of our product token); falls back to the `*` group.
    pub fn parse(text: &str, agent: &str) -> RobotsRules {
        let agent = agent.to_ascii_lowercase();
        let mut specific: Vec<(bool, String)> = Vec::new();
        let mut star: Vec<(bool, String)> = Vec::new();
        let mut found_specific = false;
        let mut group_agents: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim().to_string();
            match key.as_str() {
                "user-agent" => {
                    if in_rules {
                        group_agents.clear();
                        in_rules = false;
                    }
                    group_agents.push(value.to_ascii_lowercase());
                }
                "allow" | "disallow" => {
                    in_rules = true;
                    if value.is_empty() {
                        continue; // "Disallow:" allows everything
                    }
                    let rule = (key == "allow", value);
                    let mine = group_agents
                        .iter()
                        .any(|a| a != "*" && agent.contains(a.as_str()));
                    if mine {
                        found_specific = true;
                        specific.push(rule.clone());
                    }
                    if group_agents.iter().any(|a| a == "*") {
                        star.push(rule);
                    }
                }
                _ => {}
            }
        }
        RobotsRules {
            rules: if found_specific { specific } else { star },
        }
    }

    /// Whether `path` (with query) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if pattern_matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0usize;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            pos = part.len();
        } else if let Some(found) = path[pos..].find(part) {
            pos += found + part.len();
        } else {
            return false;
        }
    }
    !anchored || pos == path.len() || parts.last().is_some_and(|p| p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let txt = "User-agent: *\nDisallow: /private\nAllow: /private/ok\n\nUser-agent: OtherBot\nDisallow: /\n";
        let r = RobotsRules::parse(txt, "ParallaxBot/0.1");
        assert!(r.allows("/news/a"));
        assert!(!r.allows("/private/x"));
        assert!(r.allows("/private/ok/1"));
        let r = RobotsRules::parse(
            "User-agent: parallaxbot\nDisallow: /*.pdf$\n",
            "ParallaxBot/0.1",
        );
        assert!(!r.allows("/a/b.pdf"));
        assert!(r.allows("/a/b.pdf?x=1"));
        assert!(RobotsRules::parse("", "x").allows("/"));
    }
}
