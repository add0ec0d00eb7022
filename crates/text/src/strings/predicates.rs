//! The str predicates: `isspace`, `isalpha`, `isalnum`, `isdecimal`, `isdigit`, `isnumeric`,
//! `isupper`, `islower`, `istitle`, `isidentifier`, `isprintable`, `isascii`.
//! Counterpart: Objects/unicodeobject.c (`unicode_isspace_impl` and its siblings).

use super::ctype;

/// True when `s` is non-empty and every character satisfies `pred`.
fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, ctype::is_space)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, ctype::is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, ctype::is_alnum)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, ctype::is_decimal)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, ctype::is_digit)
}

/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, ctype::is_numeric)
}

/// `s.isascii()`: true for the empty string too.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isprintable()`: true for the empty string too.
pub fn isprintable(s: &str) -> bool {
    s.chars().all(ctype::is_printable)
}

/// `s.isupper()`: at least one cased character, and no lower-case or title-case one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if ctype::is_lower(c) || ctype::is_title(c) {
            return false;
        }
        cased |= ctype::is_upper(c);
    }
    cased
}

/// `s.islower()`: at least one cased character, and no upper-case or title-case one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if ctype::is_upper(c) || ctype::is_title(c) {
            return false;
        }
        cased |= ctype::is_lower(c);
    }
    cased
}

/// `s.istitle()`: at least one cased character; upper- and title-case ones only after
/// uncased characters, lower-case ones only after cased characters.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if ctype::is_upper(c) || ctype::is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if ctype::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: XID_Start or `_`, then XID_Continue characters. (Keywords count;
/// NFKC normalisation, which the parser applies, is not.)
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(ctype::is_xid_start) && chars.all(ctype::is_xid_continue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_predicates() {
        // Expected values printed by python3.11.
        assert!(!isspace("") && isspace(" \t\x1c\u{3000}") && !isspace(" a"));
        assert!(isalpha("abcé") && !isalpha("ab1") && !isalpha(""));
        assert!(isalnum("ab12½") && !isalnum("a b"));
        assert!(isdecimal("12٣") && !isdecimal("²"));
        assert!(isdigit("12²") && !isdigit("½"));
        assert!(isnumeric("½Ⅻ") && !isnumeric("1a"));
        assert!(isascii("") && isascii("\x7f") && !isascii("é"));
        assert!(
            isprintable("") && isprintable("é ") && !isprintable("\n") && !isprintable("\u{a0}")
        );
    }

    #[test]
    fn case_predicates() {
        assert!(isupper("ABC1") && !isupper("1") && !isupper("ǅ") && !isupper("AbC"));
        assert!(islower("abc1") && !islower("1") && !islower("ǆǅ") && islower("ª"));
        assert!(isupper("Ⅰ") && islower("\u{345}"));
        assert!(istitle("Hello World") && istitle("ǅungla") && !istitle("HEllo"));
        assert!(!istitle("") && !istitle("123") && istitle("A1 B") && !istitle("aB"));
        assert!(istitle("They'Re") && !istitle("They're"));
    }

    #[test]
    fn identifiers() {
        assert!(isidentifier("_a1") && isidentifier("été") && isidentifier("℘x"));
        assert!(!isidentifier("") && !isidentifier("1a") && !isidentifier("a-b"));
        assert!(isidentifier("a·") && !isidentifier("·a") && isidentifier("if"));
    }
}
