//! The format-spec mini-language and printf-style formatting.
