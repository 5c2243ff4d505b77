//! Spelling-insensitive name keys for matching entities across documents.
//!
//! A key folds a name through general transliteration rules, not a list of names:
//! diacritics go (via `text::normalize::fold_for_match`), `y`/`j` become `i`,
//! doubled letters collapse, `ie` becomes `i` (Kiev / Kyiv), `ks` becomes `x`,
//! `w` becomes `v`, `shch` becomes `sch`, and a word-final `i`-cluster with an
//! optional `e` before it is dropped (Zelensky / Zelenskyy / Zelenskiy / Zelenskii,
//! Andriy / Andrey / Andrii, Sergey / Sergei, Dmitry / Dmitri).
//!
//! [`same_entity`] goes further for people: same surname key, and first names that
//! are equal, initials of each other, share a consonant skeleton (Vladimir /
//! Volodymyr), or are missing on one side.

use model::{Entity, EntityKind};

/// Honorifics dropped from person names before keying.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"];

/// Folds one word through the transliteration rules.
pub fn fold_word(word: &str) -> String {
    let base = text::normalize::fold_for_match(word);
    let mut s: String = base
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            c => c,
        })
        .collect();
    for (from, to) in [("shch", "sch"), ("tch", "ch"), ("ks", "x"), ("cs", "x")] {
        s = s.replace(from, to);
    }
    // Collapse doubled letters.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    // Word-initial "ie" came from "ye"/"je" (Yevgeny / Evgeny).
    if out.starts_with("ie") && out.len() > 3 {
        out.remove(0);
    }
    let mut s = out.replace("ie", "i");
    // A final "ei" is the "ey" / "ei" ending of a transliteration (Andrey / Andriy,
    // Sergey / Serhii): "i". The i itself stays, so a country does not become its
    // demonym (Germany / German).
    if s.len() > 4 && s.ends_with("ei") {
        s.truncate(s.len() - 2);
        s.push('i');
    }
    if s.len() > 3 && s.ends_with('f') {
        s.pop();
        s.push('v');
    }
    s
}

/// The words of a name with a possessive ending and honorifics removed.
fn name_words(name: &str, kind: EntityKind) -> Vec<String> {
    let name = strip_possessive(name.trim());
    let mut words: Vec<String> = text::normalize::fold_for_match(name)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    match kind {
        EntityKind::Person => words.retain(|w| !HONORIFICS.contains(&w.as_str())),
        _ => {
            if words.len() > 1 && words[0] == "the" {
                words.remove(0);
            }
        }
    }
    words
}

/// Removes a trailing `'s` / `’s` / `'` from a name.
pub fn strip_possessive(name: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S", "'", "\u{2019}"] {
        if let Some(s) = name.strip_suffix(suffix) {
            return s.trim_end();
        }
    }
    name
}

/// A key shared by spellings and transliterations of one name.
pub fn name_key(name: &str, kind: EntityKind) -> String {
    name_words(name, kind)
        .iter()
        .map(|w| fold_word(w))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Consonant skeleton of a folded word (vowels dropped, doubles collapsed).
fn skeleton(folded: &str) -> String {
    let mut out = String::new();
    for c in folded.chars() {
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// True when two folded given names can name the same person.
fn given_names_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() == 1 {
        return long.starts_with(short);
    }
    let (sa, sb) = (skeleton(a), skeleton(b));
    let vowel = |c: Option<char>| c.is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'));
    let (ca, cb) = (a.chars().next(), b.chars().next());
    sa.len() >= 2 && sa == sb && (ca == cb || vowel(ca) && vowel(cb))
}

fn person_compatible(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let (Some(la), Some(lb)) = (wa.last(), wb.last()) else {
        return false;
    };
    if la != lb {
        return false;
    }
    match (wa.first(), wb.first()) {
        (Some(fa), Some(fb)) if wa.len() > 1 && wb.len() > 1 => given_names_compatible(fa, fb),
        _ => true,
    }
}

fn kinds_compatible(a: EntityKind, b: EntityKind) -> bool {
    a == b || (a != EntityKind::Person && b != EntityKind::Person)
}

/// Whether two entities (possibly from different documents) are the same thing.
pub fn same_entity(a: &Entity, b: &Entity) -> bool {
    EntityKeys::of(a).same(&EntityKeys::of(b))
}

/// An entity's name keys, computed once for many comparisons ([`same_entity`]
/// over every pair would key each name again for every pair).
#[derive(Debug, Clone)]
pub struct EntityKeys {
    kind: EntityKind,
    key: String,
    aliases: Vec<String>,
}

impl EntityKeys {
    pub fn of(e: &Entity) -> EntityKeys {
        let key = if e.key.is_empty() {
            name_key(&e.name, e.kind)
        } else {
            e.key.clone()
        };
        // A person's aliases are never compared.
        let aliases = if e.kind == EntityKind::Person {
            Vec::new()
        } else {
            e.aliases.iter().map(|s| name_key(s, e.kind)).collect()
        };
        EntityKeys {
            kind: e.kind,
            key,
            aliases,
        }
    }

    /// [`same_entity`] on the keys.
    pub fn same(&self, other: &EntityKeys) -> bool {
        if !kinds_compatible(self.kind, other.kind) {
            return false;
        }
        if self.key.is_empty() || other.key.is_empty() {
            return false;
        }
        if self.kind == EntityKind::Person {
            return person_compatible(&self.key, &other.key);
        }
        if self.key == other.key {
            return true;
        }
        // Any shared alias spelling (e.g. an acronym both documents use).
        other
            .aliases
            .iter()
            .any(|k| !k.is_empty() && (*k == self.key || self.aliases.contains(k)))
            || self.aliases.contains(&other.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(names: &[&str], kind: EntityKind, expect: expect_test::Expect) {
        let keys: Vec<String> = names
            .iter()
            .map(|n| format!("{n} -> {}", name_key(n, kind)))
            .collect();
        expect.assert_eq(&keys.join("\n"));
    }

    fn person(name: &str) -> Entity {
        Entity {
            name: name.to_string(),
            kind: EntityKind::Person,
            roles: vec![],
            aliases: vec![name.to_string()],
            key: name_key(name, EntityKind::Person),
        }
    }

    #[test]
    fn transliterations_share_a_key() {
        check(
            &[
                "Zelensky",
                "Zelenskyy",
                "Zelenskiy",
                "Zelenskii's",
                "Andriy Yermak",
                "Andrey Yermak",
                "Andrii Yermak",
                "Dmitry",
                "Dmitri",
                "Sergey",
                "Sergei",
            ],
            EntityKind::Person,
            expect_test::expect![[r#"
                Zelensky -> zelenski
                Zelenskyy -> zelenski
                Zelenskiy -> zelenski
                Zelenskii's -> zelenski
                Andriy Yermak -> andri ermak
                Andrey Yermak -> andri ermak
                Andrii Yermak -> andri ermak
                Dmitry -> dmitri
                Dmitri -> dmitri
                Sergey -> sergi
                Sergei -> sergi"#]],
        );
        check(
            &[
                "Kyiv",
                "Kiev",
                "Kharkiv",
                "the Velorian Union",
                "Dnipró",
                "Turkey",
                "Türkiye",
                "Germany",
                "German",
            ],
            EntityKind::Location,
            expect_test::expect![[r#"
                Kyiv -> kiv
                Kiev -> kiv
                Kharkiv -> kharkiv
                the Velorian Union -> velorian union
                Dnipró -> dnipro
                Turkey -> turki
                Türkiye -> turki
                Germany -> germani
                German -> german"#]],
        );
        // Invented names through the same rules.
        check(
            &[
                "Bohdan Ostrovskyy",
                "Bohdan Ostrovskiy",
                "Bohdan Ostrovsky",
                "Taras Vovkiv",
                "Taras Wowkiw",
                "Yevheniy Lytvynenko",
                "Evheniy Litvinenko",
            ],
            EntityKind::Person,
            expect_test::expect![[r#"
                Bohdan Ostrovskyy -> bohdan ostrovski
                Bohdan Ostrovskiy -> bohdan ostrovski
                Bohdan Ostrovsky -> bohdan ostrovski
                Taras Vovkiv -> taras vovkiv
                Taras Wowkiw -> taras vovkiv
                Yevheniy Lytvynenko -> evheni litvinenko
                Evheniy Litvinenko -> evheni litvinenko"#]],
        );
    }

    #[test]
    fn same_person_across_spellings_but_not_namesakes() {
        let cases = [
            ("Vladimir Zelensky", "Volodymyr Zelenskyy", true),
            ("Zelensky", "Volodymyr Zelensky", true),
            ("V. Zelensky", "Volodymyr Zelenskiy", true),
            ("Oleksandr Marchuk", "Alexander Marchuk", true),
            ("Mr Pavlo Dorin", "Pavlo Dorin", true),
            ("Irina Marchuk", "Oleksandr Marchuk", false),
            ("Greta Holm", "Anders Holm", false),
            ("Anders Holm", "Anders Holt", false),
        ];
        let got: Vec<String> = cases
            .iter()
            .map(|(a, b, want)| {
                let same = same_entity(&person(a), &person(b));
                format!(
                    "{a} / {b}: {same}{}",
                    if same == *want { "" } else { " WRONG" }
                )
            })
            .collect();
        expect_test::expect![[r#"
            Vladimir Zelensky / Volodymyr Zelenskyy: true
            Zelensky / Volodymyr Zelensky: true
            V. Zelensky / Volodymyr Zelenskiy: true
            Oleksandr Marchuk / Alexander Marchuk: true
            Mr Pavlo Dorin / Pavlo Dorin: true
            Irina Marchuk / Oleksandr Marchuk: false
            Greta Holm / Anders Holm: false
            Anders Holm / Anders Holt: false"#]]
        .assert_eq(&got.join("\n"));
    }

    #[test]
    fn places_and_organisations_match_on_keys_and_aliases() {
        let place = |name: &str, aliases: &[&str], kind| Entity {
            name: name.to_string(),
            kind,
            roles: vec![],
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            key: name_key(name, kind),
        };
        assert!(same_entity(
            &place("Kyiv", &["Kyiv"], EntityKind::Location),
            &place("Kiev", &["Kiev"], EntityKind::Location)
        ));
        assert!(same_entity(
            &place(
                "Northern Grain Council",
                &["NGC", "Northern Grain Council"],
                EntityKind::Organization
            ),
            &place("NGC", &["NGC"], EntityKind::Organization)
        ));
        assert!(!same_entity(
            &place("Kyiv", &["Kyiv"], EntityKind::Location),
            &place("Kyiv", &["Kyiv"], EntityKind::Person)
        ));
    }
}
