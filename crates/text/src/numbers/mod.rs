//! Parsing and printing of ints and floats as Python does it.
