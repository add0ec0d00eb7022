//! rpy-compiler: Python 3.11 source → CPython 3.11 code objects (symbol table, codegen,
//! assembler). Not yet implemented: see issue "Compiler" in the tracker.
