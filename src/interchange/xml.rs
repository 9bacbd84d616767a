//! Reading XML graph files (GEXF, GraphML) with quick-xml: events with their line and
//! column, attributes unescaped, and no entity ever expanded.
//!
//! quick-xml does not read DTDs: a `<!DOCTYPE>` with entity declarations is skipped, and
//! a reference to an entity other than the five predefined ones is an error, so a
//! "billion laughs" file costs nothing.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesRef, BytesStart, Event};

use std::sync::Arc;

use crate::background::{self, CANCELLED, Progress, Stage};
use crate::dataset::Location;

/// A problem in an XML file: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlProblem {
    /// Line and column.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

/// Turns byte offsets into line and column (columns count chars, both from 1).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    bytes: &'a [u8],
    line_starts: Vec<usize>,
    /// The line (from 0) of the last offset asked for: a reader asks in file order, so
    /// the next one is on that line or a few after it.
    last_line: std::cell::Cell<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|offset| offset + 1));
        Self {
            bytes,
            line_starts,
            last_line: std::cell::Cell::new(0),
        }
    }

    /// The line and column of byte `offset`.
    pub fn location(&self, offset: usize) -> Location {
        /// Lines walked forward from the last one before searching instead.
        const WALK: usize = 8;
        let offset = offset.min(self.bytes.len());
        let starts_by = |line: usize| {
            self.line_starts
                .get(line)
                .is_some_and(|&start| start <= offset)
        };
        // Lines are counted from 1: the number of lines starting at or before `offset`.
        let mut line = self.last_line.get();
        let walked = starts_by(line)
            && (0..WALK).any(|_| {
                if starts_by(line + 1) {
                    line += 1;
                    false
                } else {
                    true
                }
            });
        let line = if walked {
            line + 1
        } else {
            self.line_starts.partition_point(|&start| start <= offset)
        };
        self.last_line.set(line.saturating_sub(1));
        let start = line
            .checked_sub(1)
            .and_then(|index| self.line_starts.get(index))
            .copied()
            .unwrap_or(0);
        let column = self.bytes.get(start..offset).map_or(0, |slice| {
            if slice.is_ascii() {
                slice.len()
            } else {
                String::from_utf8_lossy(slice).chars().count()
            }
        });
        Location::LineColumn {
            line: line.max(1),
            column: column + 1,
        }
    }
}

/// A name of an element or an attribute: the names graph files use again and again are
/// not allocated for each element.
pub type Name = Cow<'static, str>;

/// Element and attribute names of GEXF and GraphML, shared rather than allocated.
const KNOWN_NAMES: &[&str] = &[
    "node",
    "edge",
    "attvalue",
    "attvalues",
    "color",
    "size",
    "position",
    "shape",
    "nodes",
    "edges",
    "graph",
    "data",
    "key",
    "id",
    "label",
    "source",
    "target",
    "weight",
    "type",
    "kind",
    "for",
    "value",
    "r",
    "g",
    "b",
    "a",
    "x",
    "y",
    "z",
    "hex",
    "start",
    "end",
    "attribute",
    "attributes",
    "default",
    "title",
    "class",
    "directed",
    "edgedefault",
];

/// The name `bytes` spell, shared when it is a known one.
fn name_of(bytes: &[u8]) -> Name {
    // Most names are a handful of bytes: compare only those of the same length.
    match KNOWN_NAMES
        .iter()
        .find(|known| known.len() == bytes.len() && known.as_bytes() == bytes)
    {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
    }
}

/// An XML element start: its local name (no prefix), attributes and place. The values
/// borrow from the file's bytes where they need no unescaping.
#[derive(Debug, Clone)]
pub struct Element<'a> {
    /// The name without its namespace prefix.
    pub name: Name,
    /// Attributes by local name, unescaped, in file order.
    pub attributes: Vec<(Name, Cow<'a, str>)>,
    /// Where it starts.
    pub place: Location,
    /// Whether it is empty (`<a/>`): no end event follows.
    pub empty: bool,
}

impl Element<'_> {
    /// The value of the attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_ref())
    }

    /// The value of the attribute `name`, which the element must have.
    pub fn required(&self, name: &str) -> Result<String, XmlProblem> {
        self.attribute(name)
            .map(str::to_owned)
            .ok_or_else(|| self.lacks(name))
    }

    /// The value of the attribute `name`, taken out of the element (it reads as empty
    /// afterwards): no copy is made.
    pub fn take(&mut self, name: &str) -> Option<String> {
        self.attributes
            .iter_mut()
            .find(|(key, _)| key == name)
            .map(|(_, value)| std::mem::take(value).into_owned())
    }

    /// As [`Self::take`], for an attribute the element must have.
    pub fn take_required(&mut self, name: &str) -> Result<String, XmlProblem> {
        self.take(name).ok_or_else(|| self.lacks(name))
    }

    fn lacks(&self, name: &str) -> XmlProblem {
        XmlProblem {
            location: self.place.clone(),
            message: format!("<{}> has no \"{name}\"", self.name),
        }
    }
}

/// What [`XmlReader::next`] found.
#[derive(Debug, Clone)]
pub enum Item<'a> {
    /// An element starts (or is empty).
    Start(Element<'a>),
    /// An element ends; its local name.
    End(Name),
    /// Text (entity references resolved).
    Text(String),
    /// The end of the file.
    Eof,
}

/// Items read between two progress reports.
const ITEMS_PER_REPORT: u32 = 4_096;

/// Reads an XML file as a stream of [`Item`]s.
pub struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    lines: LineIndex<'a>,
    /// The job this reading is part of, told how many bytes are parsed.
    progress: Option<Arc<Progress>>,
    /// Items read since the last report.
    unreported: u32,
    /// Whether text between elements that is only white space is an item
    /// ([`Self::text_until_end`] keeps it; elsewhere it is skipped, unallocated).
    keep_blank_text: bool,
}

impl<'a> XmlReader<'a> {
    /// Reads `bytes` (a UTF-8 byte-order mark is skipped).
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().check_end_names = true;
        let progress = background::current();
        if let Some(progress) = &progress {
            progress.start(Stage::Parsing, bytes.len() as u64);
        }
        Self {
            reader,
            lines: LineIndex::new(bytes),
            progress,
            unreported: 0,
            keep_blank_text: false,
        }
    }

    /// Tells the job how far the parse is, now and then; an error once it is cancelled.
    fn report(&mut self) -> Result<(), XmlProblem> {
        self.unreported += 1;
        if self.unreported < ITEMS_PER_REPORT {
            return Ok(());
        }
        self.unreported = 0;
        let Some(progress) = &self.progress else {
            return Ok(());
        };
        progress.set_done(self.reader.buffer_position());
        if progress.is_cancelled() {
            return Err(self.problem(self.reader.buffer_position(), CANCELLED.to_owned()));
        }
        Ok(())
    }

    /// The line and column of byte `offset`.
    pub fn location(&self, offset: usize) -> Location {
        self.lines.location(offset)
    }

    fn problem(&self, offset: u64, message: String) -> XmlProblem {
        XmlProblem {
            location: self.location(usize::try_from(offset).unwrap_or(usize::MAX)),
            message,
        }
    }

    /// The next element start, end or text; comments, declarations, processing
    /// instructions and DOCTYPEs are skipped, and so is text that is only white space
    /// (between elements), except inside [`Self::text_until_end`].
    pub fn next_item(&mut self) -> Result<Item<'a>, XmlProblem> {
        self.report()?;
        loop {
            let before = self.reader.buffer_position();
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    let at = self.reader.error_position();
                    return Err(self.problem(at, format!("malformed XML: {error}")));
                }
            };
            return match event {
                Event::Start(start) => Ok(Item::Start(self.element(start, before, false)?)),
                Event::Empty(start) => Ok(Item::Start(self.element(start, before, true)?)),
                Event::End(end) => Ok(Item::End(name_of(end.local_name().as_ref()))),
                Event::Text(text)
                    if !self.keep_blank_text
                        && text.iter().all(|byte| byte.is_ascii_whitespace()) =>
                {
                    continue;
                }
                Event::Text(text) => match text.decode() {
                    Ok(text) => Ok(Item::Text(text.into_owned())),
                    Err(error) => Err(self.problem(before, format!("malformed text: {error}"))),
                },
                Event::CData(data) => match data.decode() {
                    Ok(text) => Ok(Item::Text(text.into_owned())),
                    Err(error) => Err(self.problem(before, format!("malformed CDATA: {error}"))),
                },
                Event::GeneralRef(reference) => Ok(Item::Text(self.reference(&reference, before)?)),
                Event::Eof => Ok(Item::Eof),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            };
        }
    }

    fn reference(&self, reference: &BytesRef<'_>, at: u64) -> Result<String, XmlProblem> {
        match reference.resolve_char_ref() {
            Ok(Some(character)) => return Ok(character.to_string()),
            Ok(None) => {}
            Err(error) => return Err(self.problem(at, format!("bad character reference: {error}"))),
        }
        let name = String::from_utf8_lossy(reference.as_ref()).into_owned();
        match quick_xml::escape::resolve_predefined_entity(&name) {
            Some(text) => Ok(text.to_owned()),
            None => Err(self.problem(
                at,
                format!(
                    "undefined entity &{name}; (Backchannel never expands entities declared in a DTD)"
                ),
            )),
        }
    }

    fn element(
        &self,
        start: BytesStart<'a>,
        at: u64,
        empty: bool,
    ) -> Result<Element<'a>, XmlProblem> {
        let name = name_of(start.local_name().as_ref());
        let name_len = start.name().as_ref().len();
        // The element's text as the file has it, so that its values borrow from the file:
        // quick-xml hands it out as a slice of the file's bytes.
        let content: Cow<'a, str> =
            match self.in_file(&start) {
                Some(bytes) => Cow::Borrowed(std::str::from_utf8(bytes).map_err(|error| {
                    self.problem(at, format!("<{name}> is not UTF-8: {error}"))
                })?),
                None => Cow::Owned(String::from_utf8(start.to_vec()).map_err(|error| {
                    self.problem(at, format!("<{name}> is not UTF-8: {error}"))
                })?),
            };
        let attributes = match content {
            Cow::Borrowed(text) => {
                self.attributes(text, Attributes::new(text, name_len), &name, at)?
            }
            Cow::Owned(text) => self
                .attributes(&text, Attributes::new(&text, name_len), &name, at)?
                .into_iter()
                .map(|(key, value)| (key, Cow::Owned(value.into_owned())))
                .collect(),
        };
        Ok(Element {
            name,
            attributes,
            place: self.location(usize::try_from(at).unwrap_or(usize::MAX)),
            empty,
        })
    }

    /// `slice` as the part of the file's bytes it is, if it is one.
    fn in_file(&self, slice: &[u8]) -> Option<&'a [u8]> {
        let file = self.lines.bytes;
        let offset = (slice.as_ptr() as usize).checked_sub(file.as_ptr() as usize)?;
        file.get(offset..offset.checked_add(slice.len())?)
            .filter(|part| part.as_ptr() == slice.as_ptr())
    }

    /// The attributes `read` from `content` (the element's text), unescaped: a value
    /// without a reference is a slice of `content`, which is checked UTF-8 already.
    fn attributes<'b>(
        &self,
        content: &'b str,
        read: Attributes<'_>,
        name: &str,
        at: u64,
    ) -> Result<Vec<(Name, Cow<'b, str>)>, XmlProblem> {
        let mut attributes = Vec::new();
        for attribute in read {
            let attribute = attribute.map_err(|error| {
                self.problem(at, format!("malformed attribute in <{name}>: {error}"))
            })?;
            let key = name_of(attribute.key.local_name().as_ref());
            let raw: &[u8] = &attribute.value;
            let offset = (raw.as_ptr() as usize).checked_sub(content.as_ptr() as usize);
            let text = offset
                .and_then(|offset| content.get(offset..offset.checked_add(raw.len())?))
                .ok_or_else(|| {
                    self.problem(at, format!("attribute {key} of <{name}> is not UTF-8"))
                })?;
            let value = if text.contains('&') {
                quick_xml::escape::unescape(text).map_err(|error| {
                    self.problem(
                        at,
                        format!(
                            "attribute {key} of <{name}>: {error} (entities are never expanded)"
                        ),
                    )
                })?
            } else {
                Cow::Borrowed(text)
            };
            attributes.push((key, value));
        }
        Ok(attributes)
    }

    /// The text inside the element that just started, up to its end (nested elements'
    /// text included). Call only for an element that is not empty.
    pub fn text_until_end(&mut self) -> Result<String, XmlProblem> {
        self.keep_blank_text = true;
        let text = self.collect_text();
        self.keep_blank_text = false;
        text
    }

    fn collect_text(&mut self) -> Result<String, XmlProblem> {
        let mut depth = 0usize;
        let mut text = String::new();
        loop {
            match self.next_item()? {
                Item::Text(part) => text.push_str(&part),
                Item::Start(element) if !element.empty => depth += 1,
                Item::Start(_) => {}
                Item::End(_) => {
                    if depth == 0 {
                        return Ok(text);
                    }
                    depth -= 1;
                }
                Item::Eof => {
                    let end = self.reader.buffer_position();
                    return Err(self.problem(end, "the file ends inside an element".to_owned()));
                }
            }
        }
    }

    /// Reads up to the root element, which must be `<expected>`.
    pub fn root(&mut self, expected: &str) -> Result<(), XmlProblem> {
        loop {
            match self.next_item()? {
                Item::Start(element) if element.name == expected => return Ok(()),
                Item::Start(element) => {
                    return Err(XmlProblem {
                        location: element.place,
                        message: format!(
                            "the root element is <{}>, not <{expected}>",
                            element.name
                        ),
                    });
                }
                Item::Eof => {
                    return Err(XmlProblem {
                        location: self.here(),
                        message: format!("the file has no <{expected}> element"),
                    });
                }
                Item::End(_) | Item::Text(_) => {}
            }
        }
    }

    /// Skips the rest of the element that just started.
    pub fn skip_element(&mut self) -> Result<(), XmlProblem> {
        self.text_until_end().map(|_| ())
    }

    /// The place of the reader's current position.
    pub fn here(&self) -> Location {
        self.location(usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX))
    }
}

/// The local name of the first element of an XML file, or `None` when it has none
/// before an error.
pub fn root_name(bytes: &[u8]) -> Option<String> {
    // Read with quick-xml alone: no index of the whole file's lines for one name.
    let mut reader = Reader::from_reader(bytes);
    loop {
        match reader.read_event().ok()? {
            Event::Start(start) | Event::Empty(start) => {
                return Some(name_of(start.local_name().as_ref()).into_owned());
            }
            Event::Text(text) if text.iter().all(|byte| byte.is_ascii_whitespace()) => continue,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places asked for in any order, near or far from the last, are those a count from
    /// the start of the file gives.
    #[test]
    fn locations_asked_in_any_order_match_a_count_from_the_start() {
        let text = "<a>\n  <b é=\"ü\"/>\n\n<c/>ab\n€€x\n".repeat(7);
        let bytes = text.as_bytes();
        let index = LineIndex::new(bytes);
        let counted = |offset: usize| {
            let before = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            Location::LineColumn { line, column }
        };
        let mut offsets: Vec<usize> = (0..=bytes.len())
            .filter(|&offset| text.is_char_boundary(offset))
            .collect();
        for offset in &offsets {
            assert_eq!(index.location(*offset), counted(*offset), "at {offset}");
        }
        offsets.reverse();
        for offset in offsets.iter().step_by(3) {
            assert_eq!(
                index.location(*offset),
                counted(*offset),
                "back at {offset}"
            );
        }
        assert_eq!(index.location(usize::MAX), counted(bytes.len()));
    }

    #[test]
    fn blank_text_between_elements_is_skipped_but_kept_inside_text() {
        let mut reader = XmlReader::new(b"<a>\n  <b>  <c/> x </b>\n</a>");
        assert!(matches!(reader.next_item(), Ok(Item::Start(element)) if element.name == "a"));
        assert!(matches!(reader.next_item(), Ok(Item::Start(element)) if element.name == "b"));
        assert_eq!(reader.text_until_end().unwrap(), "   x ");
        assert!(matches!(reader.next_item(), Ok(Item::End(name)) if name == "a"));
    }

    #[test]
    fn locations_count_lines_and_chars_from_one() {
        let index = LineIndex::new("ab\nçd\n".as_bytes());
        assert_eq!(
            index.location(0),
            Location::LineColumn { line: 1, column: 1 }
        );
        assert_eq!(
            index.location(3),
            Location::LineColumn { line: 2, column: 1 }
        );
        // "ç" is two bytes but one column.
        assert_eq!(
            index.location(5),
            Location::LineColumn { line: 2, column: 2 }
        );
    }

    #[test]
    fn entities_declared_in_a_dtd_are_never_expanded() {
        let bomb = br#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<graphml><data>&lol2;</data></graphml>"#;
        let mut reader = XmlReader::new(bomb);
        let mut problem = None;
        loop {
            match reader.next_item() {
                Ok(Item::Eof) => break,
                Ok(_) => {}
                Err(error) => {
                    problem = Some(error);
                    break;
                }
            }
        }
        let problem = problem.expect("an undefined entity is an error");
        assert!(
            problem.message.contains("undefined entity &lol2;"),
            "{problem:?}"
        );
        assert_eq!(
            problem.location,
            Location::LineColumn {
                line: 3,
                column: 16
            }
        );
    }

    #[test]
    fn predefined_and_character_references_are_resolved() {
        let mut reader = XmlReader::new(b"<a t=\"x&amp;y\">1 &lt; 2 &#233;</a>");
        let Ok(Item::Start(element)) = reader.next_item() else {
            panic!("a start");
        };
        assert_eq!(element.attribute("t"), Some("x&y"));
        assert_eq!(reader.text_until_end().ok().as_deref(), Some("1 < 2 é"));
    }
}
