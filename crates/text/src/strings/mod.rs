//! Text algorithms behind the str and bytes methods, and Unicode character data.
