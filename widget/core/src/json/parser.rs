//! The JSON parser: text to [`Value`], with serde_json's error messages and positions.
//!
//! A site owner fixing a broken configuration reads these messages, and the tests pin them, so
//! each error is raised where serde_json raises it and says what serde_json says. Positions follow
//! serde_json: the line counts from 1, and the column is the offending byte's offset in its line
//! counting from 1 (0 when the text ends at the start of a line). Nesting is capped as serde_json
//! caps it, so that a hostile document cannot exhaust the stack.

use std::fmt;

use super::{Number, Object, Value};

/// serde_json's recursion limit: the 128th array or object nested in the others is refused.
const MAX_NESTING: usize = 127;

const EOF_WHILE_PARSING_LIST: &str = "EOF while parsing a list";
const EOF_WHILE_PARSING_OBJECT: &str = "EOF while parsing an object";
const EOF_WHILE_PARSING_STRING: &str = "EOF while parsing a string";
const EOF_WHILE_PARSING_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
/// serde_json says "leading" for a lone trailing surrogate too.
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";

/// Parses one JSON value, surrounded by nothing but whitespace.
///
/// The one difference from serde_json: a number too large for a float (`1e400`) is read as
/// [`Number::Float`], where serde_json refuses it as "number out of range"; telling the two apart
/// would take float arithmetic, and either way no setting accepts it.
///
/// ```
/// use contact_core::json::{parse, Number, Value};
/// let value = parse(r#"{"offsetX": 24, "offsetY": 1.5}"#).unwrap();
/// let Value::Object(placement) = value else { panic!("an object") };
/// assert_eq!(placement.get("offsetX"), Some(&Value::Number(Number::Integer(24))));
/// assert_eq!(placement.get("offsetY"), Some(&Value::Number(Number::Float)));
/// assert_eq!(parse("[1,]").unwrap_err().to_string(), "trailing comma at line 1 column 4");
/// ```
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut parser = Parser { text, index: 0, nesting: 0 };
    let value = parser.value()?;
    match parser.skip_whitespace() {
        Some(_) => Err(parser.error(parser.index, TRAILING_CHARACTERS)),
        None => Ok(value),
    }
}

/// Why a text is not JSON, and where: `trailing comma at line 3 column 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    message: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for SyntaxError {}

/// Reads `text` byte by byte: every byte with a meaning in JSON is ASCII, and the bytes of a
/// multi-byte character match none of them.
struct Parser<'t> {
    text: &'t str,
    /// The next byte to read.
    index: usize,
    /// Arrays and objects open around the value being read.
    nesting: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.index).copied()
    }

    fn next_byte(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// The first byte after the whitespace here, not consumed.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    /// An error about the byte at `at`, or about the end of the text when `at` is its length.
    #[cold]
    fn error(&self, at: usize, message: &'static str) -> SyntaxError {
        let end = (at + 1).min(self.text.len());
        let before = &self.text.as_bytes()[..end];
        let line_start = before.iter().rposition(|&byte| byte == b'\n').map_or(0, |newline| newline + 1);
        let line = 1 + before[..line_start].iter().filter(|&&byte| byte == b'\n').count();
        SyntaxError { message, line, column: end - line_start }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        match self.skip_whitespace() {
            None => Err(self.error(self.index, EOF_WHILE_PARSING_VALUE)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(_) => Err(self.error(self.index, EXPECTED_VALUE)),
        }
    }

    /// `null`, `true` or `false`, whose first byte is the one here.
    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, SyntaxError> {
        self.index += 1;
        for &expected in &word[1..] {
            match self.next_byte() {
                None => return Err(self.error(self.index, EOF_WHILE_PARSING_VALUE)),
                Some(byte) if byte != expected => return Err(self.error(self.index - 1, EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// An array or object, read by `read` after its opening bracket, one level deeper.
    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, SyntaxError>) -> Result<Value, SyntaxError> {
        if self.nesting == MAX_NESTING {
            return Err(self.error(self.index, RECURSION_LIMIT_EXCEEDED));
        }
        self.nesting += 1;
        self.index += 1;
        let value = read(self)?;
        self.nesting -= 1;
        Ok(value)
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        let mut items = Vec::new();
        match self.skip_whitespace() {
            Some(b']') => {}
            None => return Err(self.error(self.index, EOF_WHILE_PARSING_LIST)),
            Some(_) => loop {
                items.push(self.value()?);
                if self.item_ends(b']', EXPECTED_LIST_COMMA_OR_END, EOF_WHILE_PARSING_LIST)? {
                    break;
                }
            },
        }
        self.index += 1;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        let mut object = Object::default();
        match self.skip_whitespace() {
            Some(b'}') => {}
            None => return Err(self.error(self.index, EOF_WHILE_PARSING_OBJECT)),
            Some(_) => loop {
                let key = match self.peek() {
                    Some(b'"') => self.string()?,
                    Some(_) => return Err(self.error(self.index, KEY_MUST_BE_A_STRING)),
                    None => return Err(self.error(self.index, EOF_WHILE_PARSING_VALUE)),
                };
                match self.skip_whitespace() {
                    Some(b':') => self.index += 1,
                    Some(_) => return Err(self.error(self.index, EXPECTED_COLON)),
                    None => return Err(self.error(self.index, EOF_WHILE_PARSING_OBJECT)),
                }
                object.insert(key, self.value()?);
                if self.item_ends(b'}', EXPECTED_OBJECT_COMMA_OR_END, EOF_WHILE_PARSING_OBJECT)? {
                    break;
                }
            },
        }
        self.index += 1;
        Ok(Value::Object(object))
    }

    /// After an array's or an object's item: `true` at its `close`, left unconsumed; `false` after the
    /// `,` that leads to another item (a `close` right after it is a trailing comma).
    fn item_ends(
        &mut self,
        close: u8,
        not_comma_or_end: &'static str,
        at_eof: &'static str,
    ) -> Result<bool, SyntaxError> {
        match self.skip_whitespace() {
            Some(b',') => self.index += 1,
            Some(byte) if byte == close => return Ok(true),
            Some(_) => return Err(self.error(self.index, not_comma_or_end)),
            None => return Err(self.error(self.index, at_eof)),
        }
        if self.skip_whitespace() == Some(close) {
            return Err(self.error(self.index, TRAILING_COMMA));
        }
        Ok(false)
    }

    /// A number in JSON's grammar; only a whole number's value is computed (see [`Number`]).
    fn number(&mut self) -> Result<Number, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.index += 1;
        }
        let digits_start = self.index;
        match self.next_byte() {
            None => return Err(self.error(self.index, EOF_WHILE_PARSING_VALUE)),
            Some(b'0') if matches!(self.peek(), Some(b'0'..=b'9')) => {
                return Err(self.error(self.index, INVALID_NUMBER));
            }
            Some(b'0'..=b'9') => self.skip_digits(),
            Some(_) => return Err(self.error(self.index - 1, INVALID_NUMBER)),
        }
        let digits = &self.text[digits_start..self.index];
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.index += 1;
            match self.peek() {
                Some(b'0'..=b'9') => self.skip_digits(),
                Some(_) => return Err(self.error(self.index, INVALID_NUMBER)),
                None => return Err(self.error(self.index, EOF_WHILE_PARSING_VALUE)),
            }
            whole = false;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.index += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.index += 1;
            }
            match self.next_byte() {
                None => return Err(self.error(self.index, EOF_WHILE_PARSING_VALUE)),
                Some(b'0'..=b'9') => self.skip_digits(),
                Some(_) => return Err(self.error(self.index - 1, INVALID_NUMBER)),
            }
            whole = false;
        }
        Ok(if whole { whole_number(negative, digits) } else { Number::Float })
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.index += 1;
        }
    }

    /// A string whose opening quote is the byte here, its escapes decoded.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.index += 1;
        let mut text = String::new();
        // The start of the bytes not yet copied: text between escapes is copied in one piece.
        let mut start = self.index;
        loop {
            match self.next_byte() {
                None => return Err(self.error(self.index, EOF_WHILE_PARSING_STRING)),
                Some(b'"') => break,
                Some(b'\\') => {
                    text.push_str(&self.text[start..self.index - 1]);
                    self.escape(&mut text)?;
                    start = self.index;
                }
                Some(0x00..=0x1F) => return Err(self.error(self.index - 1, CONTROL_CHARACTER)),
                Some(_) => {}
            }
        }
        text.push_str(&self.text[start..self.index - 1]);
        Ok(text)
    }

    /// The escape after a backslash.
    fn escape(&mut self, text: &mut String) -> Result<(), SyntaxError> {
        let unescaped = match self.next_byte() {
            None => return Err(self.error(self.index, EOF_WHILE_PARSING_STRING)),
            Some(b'u') => return self.unicode_escape(text),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(_) => return Err(self.error(self.index - 1, INVALID_ESCAPE)),
        };
        text.push(unescaped);
        Ok(())
    }

    /// `\uXXXX` after its `\u`; a character beyond the Basic Multilingual Plane is written as a
    /// surrogate pair, `\uD83D\uDE00`, and half a pair is an error.
    fn unicode_escape(&mut self, text: &mut String) -> Result<(), SyntaxError> {
        let unit = self.hex_digits()?;
        let code = match unit {
            0xDC00..=0xDFFF => return Err(self.error(self.index - 1, LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next_byte() {
                        None => return Err(self.error(self.index, EOF_WHILE_PARSING_STRING)),
                        Some(byte) if byte != expected => {
                            return Err(self.error(self.index - 1, UNEXPECTED_END_OF_HEX_ESCAPE));
                        }
                        Some(_) => {}
                    }
                }
                let low = self.hex_digits()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(self.index - 1, LONE_SURROGATE));
                }
                0x1_0000 + ((unit - 0xD800) << 10 | (low - 0xDC00))
            }
            _ => unit,
        };
        // Surrogates are paired or refused above, so every code left is a character.
        text.extend(char::from_u32(code));
        Ok(())
    }

    /// The four hex digits of a `\u` escape.
    fn hex_digits(&mut self) -> Result<u32, SyntaxError> {
        let Some(digits) = self.text.as_bytes().get(self.index..self.index + 4) else {
            return Err(self.error(self.text.len(), EOF_WHILE_PARSING_STRING));
        };
        self.index += 4;
        let code = digits.iter().try_fold(0, |code, &digit| Some(code * 16 + char::from(digit).to_digit(16)?));
        code.ok_or_else(|| self.error(self.index - 1, INVALID_ESCAPE))
    }
}

/// The number written as `digits` (no sign, no leading zero), negative if `negative`. Like
/// serde_json, `-0` and whole numbers beyond 64 bits count as floats.
fn whole_number(negative: bool, digits: &str) -> Number {
    let magnitude = digits.bytes().try_fold(0u64, |n, digit| n.checked_mul(10)?.checked_add(u64::from(digit - b'0')));
    match (negative, magnitude) {
        (false, Some(n)) => Number::from(n),
        (true, Some(n)) if n > 0 => 0i64.checked_sub_unsigned(n).map_or(Number::Float, Number::Integer),
        _ => Number::Float,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn integer(n: i64) -> Value {
        Value::Number(Number::Integer(n))
    }

    fn text(text: &str) -> Value {
        Value::String(text.to_owned())
    }

    /// What serde_json says about `json`, the reference for every message and position.
    fn serde_json_error(json: &str) -> String {
        serde_json::from_str::<serde_json::Value>(json).unwrap_err().to_string()
    }

    #[test]
    fn reads_each_kind_of_value() {
        let cases = [
            ("null", Value::Null),
            (" true ", Value::Bool(true)),
            ("\n\tfalse\r", Value::Bool(false)),
            ("[]", Value::Array(vec![])),
            ("[1, [2], []]", Value::Array(vec![integer(1), Value::Array(vec![integer(2)]), Value::Array(vec![])])),
            ("{}", Value::Object(Object::default())),
            (r#""""#, text("")),
        ];
        for (json, expected) in cases {
            assert_eq!(parse(json), Ok(expected), "{json:?}");
        }
    }

    #[test]
    fn whole_numbers_are_read_exactly_and_everything_else_as_a_float() {
        let cases = [
            ("0", Number::Integer(0)),
            ("70000", Number::Integer(70_000)),
            ("-15", Number::Integer(-15)),
            ("9223372036854775807", Number::Integer(i64::MAX)),
            ("-9223372036854775808", Number::Integer(i64::MIN)),
            ("9223372036854775808", Number::Large(1 << 63)),
            ("18446744073709551615", Number::Large(u64::MAX)),
            ("18446744073709551616", Number::Float),
            ("-9223372036854775809", Number::Float),
            ("-0", Number::Float),
            ("1.5", Number::Float),
            ("1.0", Number::Float),
            ("-0.25", Number::Float),
            ("1e3", Number::Float),
            ("1E+3", Number::Float),
            ("25e-1", Number::Float),
            ("1e400", Number::Float),
        ];
        for (json, expected) in cases {
            assert_eq!(parse(json), Ok(Value::Number(expected)), "{json:?}");
            let reference = serde_json::from_str::<serde_json::Value>(json).ok();
            let whole = reference.as_ref().and_then(|value| value.as_i64().map(Number::Integer));
            let large = reference.as_ref().and_then(|value| value.as_u64().map(Number::from));
            assert_eq!(whole.or(large).unwrap_or(Number::Float), expected, "serde_json reads {json:?} otherwise");
        }
    }

    #[test]
    fn every_escape_is_decoded() {
        let cases = [
            (r#""a\"b\\c\/d""#, "a\"b\\c/d"),
            (r#""\b\f\n\r\t""#, "\u{8}\u{c}\n\r\t"),
            (r#""\u0041\u00e9\u00C9""#, "AéÉ"),
            (r#""\u041f\u0440\u0438\u0432\u0435\u0442""#, "Привет"),
            (r#""\ud83d\ude00 and \uD83D\uDE00""#, "😀 and 😀"),
            (r#""\u0000""#, "\0"),
            (r#""Южный ветер, \"Юг\"""#, "Южный ветер, \"Юг\""),
            ("\"\u{7f} and 😀 stay as written\"", "\u{7f} and 😀 stay as written"),
        ];
        for (json, expected) in cases {
            assert_eq!(parse(json), Ok(text(expected)), "{json}");
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_its_last_value() {
        let Ok(Value::Object(object)) = parse(r#"{"b": 1, "a": 2, "b": 3}"#) else { panic!("an object") };
        let entries: Vec<(&str, &Value)> = object.iter().collect();
        assert_eq!(entries, [("b", &integer(3)), ("a", &integer(2))]);
        assert_eq!(object.get("b"), Some(&integer(3)));
        assert_eq!(object.get("c"), None);
    }

    /// Each error is raised where serde_json raises it, in its words, so a site owner gets the
    /// same message whichever reader ran.
    #[test]
    fn errors_read_as_serde_json_writes_them_at_the_same_position() {
        let cases = [
            ("", "EOF while parsing a value at line 1 column 0"),
            ("   \n", "EOF while parsing a value at line 2 column 0"),
            ("{\n  \"company\": \"Южный ветер\",\n}", "trailing comma at line 3 column 1"),
            ("[1, 2,\n ]", "trailing comma at line 2 column 2"),
            ("{'company': 1}", "key must be a string at line 1 column 2"),
            (r#"{"a": 1, 2: 3}"#, "key must be a string at line 1 column 10"),
            (r#"{"a": 1,"#, "EOF while parsing a value at line 1 column 8"),
            (r#"{"a" 1}"#, "expected `:` at line 1 column 6"),
            (r#"{"a""#, "EOF while parsing an object at line 1 column 4"),
            (r#"{"a": 1 "b": 2}"#, "expected `,` or `}` at line 1 column 9"),
            (r#"{"a": 1"#, "EOF while parsing an object at line 1 column 7"),
            ("{", "EOF while parsing an object at line 1 column 1"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("[1", "EOF while parsing a list at line 1 column 2"),
            ("[", "EOF while parsing a list at line 1 column 1"),
            ("[1,", "EOF while parsing a value at line 1 column 3"),
            ("[,1]", "expected value at line 1 column 2"),
            ("nul", "EOF while parsing a value at line 1 column 3"),
            ("nulL", "expected ident at line 1 column 4"),
            ("True", "expected value at line 1 column 1"),
            ("{} {}", "trailing characters at line 1 column 4"),
            ("1 2", "trailing characters at line 1 column 3"),
            ("-", "EOF while parsing a value at line 1 column 1"),
            ("-a", "invalid number at line 1 column 2"),
            ("01", "invalid number at line 1 column 2"),
            ("-01", "invalid number at line 1 column 3"),
            ("1.", "EOF while parsing a value at line 1 column 2"),
            ("1.e5", "invalid number at line 1 column 3"),
            ("[1.]", "invalid number at line 1 column 4"),
            ("1e", "EOF while parsing a value at line 1 column 2"),
            ("1e+", "EOF while parsing a value at line 1 column 3"),
            ("1ex", "invalid number at line 1 column 3"),
            ("+1", "expected value at line 1 column 1"),
            (".5", "expected value at line 1 column 1"),
            ("\"abc", "EOF while parsing a string at line 1 column 4"),
            ("\"a\nb\"", "control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0"),
            ("\"a\tb\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"),
            (r#""\x""#, "invalid escape at line 1 column 3"),
            (r#""\"#, "EOF while parsing a string at line 1 column 2"),
            (r#""\u12""#, "EOF while parsing a string at line 1 column 6"),
            (r#""\u12G4""#, "invalid escape at line 1 column 7"),
            (r#""\uDE00""#, "lone leading surrogate in hex escape at line 1 column 7"),
            (r#""\uD83D""#, "unexpected end of hex escape at line 1 column 8"),
            (r#""\uD83D\n""#, "unexpected end of hex escape at line 1 column 9"),
            (r#""\uD83D\u0041""#, "lone leading surrogate in hex escape at line 1 column 13"),
            (r#""\uD83D"#, "EOF while parsing a string at line 1 column 7"),
            ("\"Привет\u{1}\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 14"),
        ];
        for (json, expected) in cases {
            assert_eq!(parse(json).unwrap_err().to_string(), expected, "{json:?}");
            assert_eq!(serde_json_error(json), expected, "serde_json disagrees about {json:?}");
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_stops_it() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse(&nested(MAX_NESTING)).is_ok());
        let too_deep = nested(MAX_NESTING + 1);
        assert_eq!(parse(&too_deep).unwrap_err().to_string(), "recursion limit exceeded at line 1 column 128");
        assert_eq!(parse(&too_deep).unwrap_err().to_string(), serde_json_error(&too_deep));
        let objects = format!("{}1{}", r#"{"a":"#.repeat(MAX_NESTING + 1), "}".repeat(MAX_NESTING + 1));
        assert_eq!(parse(&objects).unwrap_err().to_string(), serde_json_error(&objects));
    }
}
