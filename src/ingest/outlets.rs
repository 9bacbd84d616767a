//! The outlet an article names for itself: an agency in its dateline ("DOHA, Qatar (AP)
//! —"), the outlet after a byline ("By Jane Doe | Reuters"), or a sign-off line ("The New
//! Arab and agencies").

/// How many lines from the top a dateline or byline is looked for in.
const HEAD_LINES: usize = 15;
/// The longest outlet name taken from a dateline or byline, in chars.
const MOST_OUTLET_CHARS: usize = 40;

/// The outlet the text names, if it names one in a form outlets print.
pub fn article_outlet(text: &str) -> Option<String> {
    let head: Vec<&str> = text.lines().take(HEAD_LINES).collect();
    head.iter()
        .find_map(|line| dateline_agency(line))
        .or_else(|| head.iter().find_map(|line| byline_outlet(line)))
        .or_else(|| head.iter().find_map(|line| header_outlet(line)))
        .or_else(|| head.iter().find_map(|line| slashed_agency(line)))
        .or_else(|| head.iter().find_map(|line| dated_outlet(line)))
        .or_else(|| head.iter().find_map(|line| opening_credit(line)))
        .or_else(|| head.iter().find_map(|line| published_credit(line)))
        .or_else(|| head.iter().find_map(|line| self_credit(line)))
        .or_else(|| head.iter().find_map(|line| told_wire(line)))
        .or_else(|| sign_off(text))
}

/// `AFP Published July 23, 2024 Updated …`: the agency that opens a line of
/// publication dates.
fn published_credit(line: &str) -> Option<String> {
    let (name, dates) = line.trim().split_once(" Published ")?;
    let words: Vec<&str> = name.split(' ').collect();
    ((1..=3).contains(&words.len())
        && words.iter().all(|word| starts_upper(word))
        && plausible_name(name)
        && super::dates::full_date_in(dates).is_some())
    .then(|| name.to_owned())
}

/// Wire services that write "told The Associated Press" of those they interviewed
/// themselves.
const WIRES_TOLD: &[&str] = &["The Associated Press", "Reuters", "AFP"];

/// "…, the OLA's spokesperson, told The Associated Press": a wire's own interview, so
/// its story.
fn told_wire(line: &str) -> Option<String> {
    WIRES_TOLD
        .iter()
        .find(|wire| line.contains(&format!(" told {wire}")))
        .map(|wire| (*wire).to_owned())
}

/// "…, writes UNN with reference to statements by the parties": an agency credits
/// itself by its acronym after "writes" or "reports".
fn self_credit(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .windows(2)
        .find_map(|pair| {
            let [verb, name] = pair else { return None };
            let name = name.trim_end_matches([',', '.']);
            let acronym = (2..=6).contains(&name.chars().count())
                && name.chars().all(|c| c.is_ascii_uppercase());
            (matches!(*verb, "writes" | "reports") && acronym && plausible_name(name))
                .then(|| name.to_owned())
        })
        .or_else(|| {
            // "…, Caliber.Az reports via foreign media": a site crediting itself by its
            // domain-like name before "reports".
            words.windows(2).find_map(|pair| {
                let [name, verb] = pair else { return None };
                let site = name.split_once('.').is_some_and(|(head, tail)| {
                    starts_upper(head)
                        && head.chars().all(char::is_alphabetic)
                        && starts_upper(tail)
                        && tail.chars().all(char::is_alphabetic)
                });
                (matches!(*verb, "writes" | "reports") && site && plausible_name(name))
                    .then(|| (*name).to_owned())
            })
        })
}

/// Last words of an outlet's name printed on a line of its own ("Daily News Egypt",
/// "Panafrican News Agency").
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Agency",
    "Press",
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Gazette",
    "Journal",
    "Telegraph",
    "Observer",
    "Chronicle",
    "Network",
];

/// A line near the top that is an outlet's name alone: two to five capitalised words, one
/// of them an outlet's word ("Daily News Egypt").
fn header_outlet(line: &str) -> Option<String> {
    let line = line.trim();
    let words: Vec<&str> = line.split(' ').collect();
    let shaped = (2..=5).contains(&words.len())
        && words.iter().all(|word| starts_upper(word))
        && words.iter().any(|word| {
            OUTLET_WORDS
                .iter()
                .any(|outlet| outlet.eq_ignore_ascii_case(word))
        });
    if !(shaped && plausible_name(line)) {
        return None;
    }
    // "ANADOLU AGENCY" is printed in capitals: "Anadolu Agency".
    if line.chars().any(char::is_lowercase) {
        return Some(line.to_owned());
    }
    let titled: Vec<String> = words
        .iter()
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect();
    Some(titled.join(" "))
}

/// An agency between slashes after a dateline ("GENEVA, October 8. /TASS/.") or after
/// the date in a bracketed line ("( July 25, 2025 / JNS)").
fn slashed_agency(line: &str) -> Option<String> {
    let line = line.trim();
    let name = if let Some(bracketed) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
        bracketed.rsplit_once(" / ")?.1.trim()
    } else {
        let (_, after) = line.split_once(" /")?;
        after.split_once('/')?.0.trim()
    };
    let shaped = (2..=10).contains(&name.chars().count())
        && name.chars().all(|c| c.is_ascii_uppercase() || c == ' ');
    shaped.then(|| name.to_owned())
}

/// The char ranges of the lines near the top that print the outlet's name alone, whose
/// words name no party ("Daily News Egypt").
pub fn outlet_lines(text: &crate::model::ArticleText) -> Vec<(usize, usize)> {
    let whole = text.as_str();
    let mut found = Vec::new();
    let mut at = 0;
    for line in whole.split_inclusive('\n').take(HEAD_LINES) {
        if header_outlet(line).is_some() {
            let start = at + (line.len() - line.trim_start().len());
            let end = start + line.trim().len();
            found.push((text.char_offset(start), text.char_offset(end)));
        }
        at += line.len();
    }
    found
}

/// `CITY, Country (AP) — …`, `Tripoli, Libya (PANA) - …`, `CITY (Reuters) - …` or
/// `DOHA, Oct 19 (KUNA) -- …` after a syndicator's bracket: the agency in brackets right
/// before the dash that ends a dateline.
fn dateline_agency(line: &str) -> Option<String> {
    line.match_indices('(')
        .find_map(|(open, _)| agency_at(line, open))
}

/// The agency of a dateline whose bracket opens at `open`, if it is one: the place before
/// it runs from the line's start or the last closing bracket.
fn agency_at(line: &str, open: usize) -> Option<String> {
    let close = open + line.get(open..)?.find(')')?;
    let before = line.get(..open)?;
    // "BISHKEK. March 13 (Interfax) -": a full stop may end the dateline's place too.
    let place = before
        .rsplit_once(')')
        .map_or(before, |(_, place)| place)
        .trim()
        .replace(". ", ", ");
    let place = place.as_str();
    let after = line.get(close + 1..)?.trim_start();
    let dash = ['—', '–', '-', ':']
        .iter()
        .any(|dash| after.starts_with(*dash));
    // A dateline's place: a city and its country, each word capitalised, or a city and
    // the day ("DOHA, Oct 19").
    let upper_place = !place.is_empty()
        && place.split(',').count() <= 2
        && place.split(',').all(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            let capitalised = words.iter().all(|word| starts_upper(word));
            let day = matches!(words.as_slice(), [month, day]
                if super::dates::is_month(month.trim_end_matches('.'))
                    && day.chars().all(|c| c.is_ascii_digit()));
            (1..=3).contains(&words.len()) && (capitalised || day)
        });
    let agency = line.get(open + 1..close)?.trim();
    (dash && upper_place && plausible_name(agency)).then(|| agency.to_owned())
}

/// `The Washington Times - Thursday, September 10, 2020`: an outlet's name (one of its
/// words an outlet's), then a dash or a bar and the date alone, on a line of their own.
fn dated_outlet(line: &str) -> Option<String> {
    let (name, date) = [" - ", " — ", " – ", " | "]
        .iter()
        .find_map(|separator| line.trim().split_once(separator))?;
    let name = name.trim();
    let words: Vec<&str> = name.split(' ').collect();
    let capitalised = (1..=5).contains(&words.len()) && words.iter().all(|word| starts_upper(word));
    let outlet_word = words.iter().any(|word| OUTLET_WORDS.contains(word));
    let date_alone = date.split_whitespace().count() <= 5;
    (capitalised
        && outlet_word
        && date_alone
        && plausible_name(name)
        && super::dates::full_date_in(date).is_some())
    .then(|| name.to_owned())
}

/// The outlet a line opens with: `(MENAFN) Iran and …` (an agency's acronym in
/// brackets), `AhlulBayt News Agency: Delegations …` (an outlet's name and a colon), or
/// `Daijiworld Media Network – Sharm El-Sheikh` (an outlet's name, a dash and a place,
/// on a line of their own).
fn opening_credit(line: &str) -> Option<String> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix('(') {
        let (name, after) = rest.split_once(')')?;
        let acronym = (2..=10).contains(&name.chars().count())
            && name.chars().all(|c| c.is_ascii_uppercase());
        // "(MENAFN) Iran and …", "(JNS) — U.S. Special Envoy …".
        let text_follows = after.strip_prefix(' ').is_some_and(|text| {
            text.trim_start_matches(['—', '–', '-', ' '])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        return (acronym && text_follows).then(|| name.to_owned());
    }
    let outlet_name = |name: &str| {
        let words: Vec<&str> = name.split(' ').collect();
        (2..=5).contains(&words.len())
            && words.iter().all(|word| starts_upper(word))
            && words.last().is_some_and(|last| OUTLET_WORDS.contains(last))
            && plausible_name(name)
    };
    if let Some((name, _)) = line.split_once(": ")
        && outlet_name(name)
    {
        return Some(name.to_owned());
    }
    let (name, place) = [" – ", " — ", " - "]
        .iter()
        .find_map(|dash| line.split_once(dash))?;
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let a_place =
        (1..=3).contains(&place_words.len()) && place_words.iter().all(|word| starts_upper(word));
    (outlet_name(name) && a_place).then(|| name.to_owned())
}

/// `By Jane Doe | Reuters`: the outlet after the last bar of a byline.
/// So is `Beirut / Jerusalem — December 3, 2025 | Dalena Reporters`: a dateline's
/// places and date, then a bar and the outlet.
fn byline_outlet(line: &str) -> Option<String> {
    let line = line.trim();
    let (before, outlet) = line.rsplit_once('|')?;
    let dateline =
        before.split_whitespace().count() <= 8 && super::dates::full_date_in(before).is_some();
    let outlet = outlet.trim();
    ((line.starts_with("By ") || dateline) && plausible_name(outlet)).then(|| outlet.to_owned())
}

/// A last line such as "The New Arab and agencies" or "— Reuters".
fn sign_off(text: &str) -> Option<String> {
    let last = text
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())?
        .trim();
    // "… regional facilitators from the EAC and the SADC. (IANS)": a wire's acronym in
    // brackets after the last sentence's full stop.
    if let Some(agency) = last
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(". ("))
        .map(|(_, agency)| agency)
        .filter(|agency| {
            (2..=6).contains(&agency.chars().count())
                && agency.chars().all(|c| c.is_ascii_uppercase())
        })
    {
        return Some(agency.to_owned());
    }
    // "SOURCE:AA", "Source: Reuters": a credit line.
    if let Some((label, name)) = last.split_once(':')
        && label.trim().eq_ignore_ascii_case("source")
        && plausible_name(name.trim())
    {
        return Some(name.trim().to_owned());
    }
    let name = last.trim_start_matches(['—', '–', '-']).trim();
    let agencies = name.ends_with(" and agencies");
    let dashed = name.len() < last.len();
    ((agencies || dashed) && plausible_name(name)).then(|| name.to_owned())
}

/// Whether `text` starts with a capital letter.
fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Short, starts with a capital, not a number or a date.
fn plausible_name(name: &str) -> bool {
    let chars = name.chars().count();
    chars > 1
        && chars <= MOST_OUTLET_CHARS
        && starts_upper(name)
        && !name.chars().any(|c| c.is_ascii_digit())
        && !name.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_are_read_from_datelines_bylines_and_sign_offs() {
        let cases = [
            ("DOHA, Qatar (AP) — Hamas said on Monday…", Some("AP")),
            ("CAIRO (Reuters) - Egyptian mediators…", Some("Reuters")),
            (
                "BISHKEK. March 13 (Interfax) - Kyrgyz President…",
                Some("Interfax"),
            ),
            ("Headline\n\n(JNS) — U.S. envoy Adam Boehler…", Some("JNS")),
            ("Headline\n\nThe talks ended.\n\nSOURCE:AA\n", Some("AA")),
            ("Headline\n\nThe source: a diplomat.\n", None),
            (
                "Headline\n\nBy Jane Doe | Reuters\nGAZA — …",
                Some("Reuters"),
            ),
            (
                "Talks resume\n\nText of the article.\nThe New Arab and agencies",
                Some("The New Arab and agencies"),
            ),
            ("Talks resume\n\nText.\n— Al Jazeera", Some("Al Jazeera")),
            (
                "Declaration\n\nThe EAC and the SADC welcomed it. (IANS)",
                Some("IANS"),
            ),
            (
                "Talks\n\nAnwar is hosting the talks, Caliber.Az reports via foreign media.",
                Some("Caliber.Az"),
            ),
            // An acronym defined in the last sentence is no sign-off.
            (
                "Declaration\n\nIt was welcomed by the African Union (AU).",
                None,
            ),
            ("Tripoli, Libya (PANA) - The committee met…", Some("PANA")),
            (
                "(MENAFN- Kuwait News Agency (KUNA)) DOHA, Oct 19 (KUNA) -- The ministry…",
                Some("KUNA"),
            ),
            (
                "Round commences in Geneva\n\nDaily News Egypt\n\nThe round began.",
                Some("Daily News Egypt"),
            ),
            // Not outlets: brackets in prose, a year, a sentence, no sign-off.
            ("Israel (which attacked Rafah) - said…", None),
            ("GAZA (2024) — …", None),
            ("Talks resume\n\nThe talks ended without a deal.", None),
            ("By the end of the week | nothing", None),
            ("Talks Resume In Geneva After Long Pause\n\nText.", None),
            (
                "Headline\n\nANADOLU AGENCY\nANKARA\nText.",
                Some("Anadolu Agency"),
            ),
            ("GENEVA, October 8. /TASS/. A regular round…", Some("TASS")),
            ("( July 25, 2025 / JNS)\n\nText.", Some("JNS")),
            ("Talks on 1/2 of the issues / and/or more.", None),
            (
                "Talks to start\n\nThe Washington Times - Thursday, September 10, 2020\n\nText.",
                Some("The Washington Times"),
            ),
            // A headline with a dash and a date in it names no outlet.
            (
                "Talks Resume - Talks Resume In Geneva on 10 May 2024 after a pause",
                None,
            ),
            ("Ceasefire Talks - Thursday, September 10, 2020", None),
            (
                "Talks ended\n\nThe talks ended today, writes UNN with reference to the parties.",
                Some("UNN"),
            ),
            ("Talks ended\n\nShe writes that the US and UN agreed.", None),
            // An outlet a line opens with.
            ("Talks\n\n(MENAFN) Iran and the E3 agreed.", Some("MENAFN")),
            (
                "Talks\n\nBeirut / Jerusalem — December 3, 2025 | Dalena Reporters\n\nText.",
                Some("Dalena Reporters"),
            ),
            (
                "Talks\n\nAhlulBayt News Agency: Delegations met.",
                Some("AhlulBayt News Agency"),
            ),
            (
                "Talks\n\nDaijiworld Media Network – Sharm El-Sheikh\nSharm El-Sheikh, Oct 7: Talks began.",
                Some("Daijiworld Media Network"),
            ),
            (
                "Unity deal\n\nAFP Published July 23, 2024 Updated July 23, 2024 11:43am\n\nText.",
                Some("AFP"),
            ),
            (
                "Talks\n\nThe rebels' spokesperson told The Associated Press that talks began.",
                Some("The Associated Press"),
            ),
            // Not: a bracket of prose, a party's statement, a headline with a dash, a
            // "Published" line that names no outlet, someone telling a newspaper.
            ("Talks\n\n(The talks ended.) Then more.", None),
            ("Talks\n\nPublished July 23, 2024\n\nText.", None),
            ("Talks\n\nThe envoy told The Times that talks began.", None),
            ("Talks\n\nThe Hamas Movement: We agree.", None),
            ("Gaza Talks – Sharm El-Sheikh\n\nText.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(article_outlet(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn the_seed_articles_that_name_their_outlet_get_it() {
        let first = include_str!("../../seeds/000_4f34b04a299b5df1.txt");
        assert_eq!(
            article_outlet(first).as_deref(),
            Some("The New Arab and agencies")
        );
        let third = include_str!("../../seeds/002_01f7d1bb75bbb616.txt");
        assert_eq!(
            article_outlet(third),
            None,
            "it names none in a form outlets print"
        );
    }
}
