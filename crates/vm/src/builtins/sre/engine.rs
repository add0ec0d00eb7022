//! The matcher: runs the code `re._compiler` makes over a str (by code point) or a bytes-like
//! object (by byte), with an explicit backtracking stack so that no Rust recursion grows with
//! the subject.
//! Counterpart: Modules/_sre/sre_lib.h (3.11).
//!
//! Each pending sub-match (an alternative of a branch, one more iteration of a repeat, the tail
//! after a repeat, an assertion) is a [`Ctx`] on `ctxs`: the parent records where it must
//! resume ([`Jump`]) and the child runs; when the child ends, its parent resumes with the
//! child's verdict. Group marks are saved on and restored from the `data` stack around
//! sub-matches that may fail after setting marks.

use super::constants::*;

/// A character of the subject: a byte or a code point.
pub trait Ch: Copy {
    fn code(self) -> u32;
}

impl Ch for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        u32::from(self)
    }
}

impl Ch for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// Why a match could not be decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// An opcode the engine does not know, or one in the wrong place.
    Illegal,
    /// An `UNTIL` without an enclosing `REPEAT`.
    State,
    /// SIGINT arrived while matching.
    Interrupted,
    /// The backtracking stacks outgrew [`MAX_STACK_BYTES`].
    Memory,
}

/// How much memory the backtracking stacks may take before the match fails with
/// MemoryError (CPython's grow until allocation fails).
const MAX_STACK_BYTES: usize = 1 << 30;

type Res<T> = Result<T, Error>;

/// A mark not set yet (CPython's NULL mark).
const NONE: usize = usize::MAX;

/// Where a parent resumes when its child sub-match ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One level of the backtracking stack.
#[derive(Clone, Copy)]
struct Ctx {
    /// Code position: where this context starts, then where it resumes.
    pc: usize,
    /// Subject position to resume at.
    ptr: usize,
    count: isize,
    /// The repeat (index into `repeats`) an `UNTIL` or `REPEAT` works on.
    rep: usize,
    /// The literal that must follow a `REPEAT_ONE`, if the tail starts with one.
    chr: Option<u32>,
    lastmark: isize,
    lastindex: isize,
    /// Whether `SUCCESS` here ends the whole match (so `fullmatch` and the must-advance rule
    /// of `finditer` apply).
    toplevel: bool,
    /// Whether marks were saved on `data` (so they must be restored or dropped).
    pushed: bool,
    /// Where the parent resumes.
    jump: Jump,
}

impl Ctx {
    fn new(pc: usize, toplevel: bool, jump: Jump) -> Ctx {
        Ctx {
            pc,
            ptr: 0,
            count: 0,
            rep: NONE,
            chr: None,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            pushed: false,
            jump,
        }
    }
}

/// A `REPEAT ... UNTIL` in progress.
struct Repeat {
    /// Iterations matched so far (-1 before the first).
    count: isize,
    /// Code position of the REPEAT operands (`<skip> <min> <max> item`).
    pc: usize,
    /// The enclosing repeat, or `NONE`.
    prev: usize,
    /// Where the last iteration started (stops empty iterations looping forever).
    last_ptr: usize,
}

/// What the main loop does next.
enum Flow {
    /// Start the context on top of the stack.
    Enter,
    /// Go on with the current context at this code and subject position.
    Goto(usize, usize),
    /// End the current context with this verdict.
    Exit(bool),
}

/// A character set whose shape allows a direct test.
#[derive(Clone, Copy)]
enum SetKind {
    Category(u32),
    /// A 256-bit bitmap at this code position.
    Bitmap(usize),
    Range(u32, u32),
    Literal(u32),
    /// Any other set, at this code position.
    General(usize),
}

/// The matching state over one subject.
pub struct State<'a, T: Ch> {
    code: &'a [u32],
    /// The subject up to `endpos` (position 0 is the real beginning of the string); its
    /// length is the end of the subject for matching.
    s: &'a [T],
    /// Where the match starts (set by search).
    pub start: usize,
    /// Where the match ends, after a success.
    pub ptr: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    repeats: Vec<Repeat>,
    /// The innermost active repeat, or `NONE`.
    repeat: usize,
    data: Vec<usize>,
    ctxs: Vec<Ctx>,
    /// `fullmatch`: the match must end at `end`.
    pub match_all: bool,
    /// An empty match at `start` is not allowed (after an empty match in finditer/sub/split).
    pub must_advance: bool,
    steps: u32,
}

impl<'a, T: Ch> State<'a, T> {
    /// A state for matching `code` against `s[..end]`, starting at `start`.
    pub fn new(code: &'a [u32], s: &'a [T], start: usize, end: usize, groups: usize) -> Self {
        let end = end.min(s.len());
        State {
            code,
            s: &s[..end],
            start,
            ptr: start,
            marks: vec![NONE; 2 * groups + 2],
            lastmark: -1,
            lastindex: -1,
            repeats: Vec::new(),
            repeat: NONE,
            data: Vec::new(),
            ctxs: Vec::new(),
            match_all: false,
            must_advance: false,
            steps: 0,
        }
    }

    /// Forgets everything from an earlier attempt (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NONE;
        self.repeats.clear();
        self.data.clear();
        self.ctxs.clear();
    }

    fn reset_capture(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    #[inline(always)]
    fn op(&self, i: usize) -> u32 {
        match self.code.get(i) {
            Some(&c) => c,
            None => FAILURE,
        }
    }

    /// Where matching must stop (`endpos`).
    #[inline(always)]
    fn end(&self) -> usize {
        self.s.len()
    }

    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        match self.s.get(i) {
            Some(c) => c.code(),
            None => u32::MAX,
        }
    }

    /// The span of group `g` (0-based among the capturing groups), if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * g;
        if (j + 1) as isize > self.lastmark {
            return None;
        }
        match (self.marks.get(j), self.marks.get(j + 1)) {
            (Some(&a), Some(&b)) if a != NONE && b != NONE => Some((a, b)),
            _ => None,
        }
    }

    // ---- the data stack ----

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data
                .extend_from_slice(&self.marks[..n.min(self.marks.len())]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len().saturating_sub(n);
            for (m, &d) in self.marks.iter_mut().zip(&self.data[at..]) {
                *m = d;
            }
            if discard {
                self.data.truncate(at);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.truncate(self.data.len().saturating_sub(n));
        }
    }

    fn top(&self) -> usize {
        self.ctxs.len() - 1
    }

    fn lastmark_save(&mut self, t: usize) {
        self.ctxs[t].lastmark = self.lastmark;
        self.ctxs[t].lastindex = self.lastindex;
    }

    fn lastmark_restore(&mut self, t: usize) {
        self.lastmark = self.ctxs[t].lastmark;
        self.lastindex = self.ctxs[t].lastindex;
    }

    /// Saves the marks if a repeat is active (then the caller may loop back over them).
    fn save_marks_if_repeat(&mut self, t: usize) {
        self.lastmark_save(t);
        let pushed = self.repeat != NONE;
        self.ctxs[t].pushed = pushed;
        if pushed {
            self.mark_push(self.ctxs[t].lastmark);
        }
    }

    // ---- character tests ----

    fn at(&self, ptr: usize, code: u32) -> bool {
        let end = self.s.len();
        let boundary = |word: fn(u32) -> bool| -> Option<bool> {
            if end == 0 {
                return None;
            }
            let that = ptr > 0 && word(self.ch(ptr - 1));
            let this = ptr < end && word(self.ch(ptr));
            Some(this != that)
        };
        match code {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(self.ch(ptr - 1)),
            AT_END => ptr == end || (ptr + 1 == end && is_linebreak(self.ch(ptr))),
            AT_END_LINE => ptr == end || is_linebreak(self.ch(ptr)),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => boundary(is_word) == Some(true),
            AT_NON_BOUNDARY => boundary(is_word) == Some(false),
            AT_LOC_BOUNDARY => boundary(is_loc_word) == Some(true),
            AT_LOC_NON_BOUNDARY => boundary(is_loc_word) == Some(false),
            AT_UNI_BOUNDARY => boundary(is_uni_word) == Some(true),
            AT_UNI_NON_BOUNDARY => boundary(is_uni_word) == Some(false),
            _ => false,
        }
    }

    /// Whether `ch` is in the set whose items start at `pc` (and end with FAILURE).
    fn charset(&self, mut pc: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            match self.op(pc) {
                FAILURE => return !ok,
                LITERAL => {
                    if ch == self.op(pc + 1) {
                        return ok;
                    }
                    pc += 2;
                }
                CATEGORY => {
                    if category(self.op(pc + 1), ch) {
                        return ok;
                    }
                    pc += 2;
                }
                CHARSET => {
                    if ch < 256 && self.op(pc + 1 + (ch as usize >> 5)) & (1 << (ch & 31)) != 0 {
                        return ok;
                    }
                    pc += 1 + 8;
                }
                RANGE => {
                    if self.op(pc + 1) <= ch && ch <= self.op(pc + 2) {
                        return ok;
                    }
                    pc += 3;
                }
                RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.op(pc + 1), self.op(pc + 2));
                    if lo <= ch && ch <= hi {
                        return ok;
                    }
                    let up = upper_unicode(ch);
                    if lo <= up && up <= hi {
                        return ok;
                    }
                    pc += 3;
                }
                NEGATE => {
                    ok = !ok;
                    pc += 1;
                }
                BIGCHARSET => {
                    // <BIGCHARSET> <count> <256 block numbers, 4 a word> <count 256-bit blocks>
                    let count = self.op(pc + 1) as usize;
                    pc += 2;
                    if ch < 0x10000 {
                        let k = (ch >> 8) as usize;
                        let block = self.op(pc + k / 4).to_ne_bytes()[k % 4] as usize;
                        let bit = block * 256 + (ch & 255) as usize;
                        if self.op(pc + 64 + bit / 32) & (1 << (ch & 31)) != 0 {
                            return ok;
                        }
                    }
                    pc += 64 + count * 8;
                }
                _ => return false,
            }
        }
    }

    /// The shape of the set whose items start at `pc`.
    fn set_kind(&self, pc: usize) -> SetKind {
        match self.op(pc) {
            CATEGORY if self.op(pc + 2) == FAILURE => SetKind::Category(self.op(pc + 1)),
            CHARSET if self.op(pc + 9) == FAILURE => SetKind::Bitmap(pc + 1),
            RANGE if self.op(pc + 3) == FAILURE => SetKind::Range(self.op(pc + 1), self.op(pc + 2)),
            LITERAL if self.op(pc + 2) == FAILURE => SetKind::Literal(self.op(pc + 1)),
            _ => SetKind::General(pc),
        }
    }

    #[inline(always)]
    fn in_set(&self, kind: SetKind, ch: u32) -> bool {
        match kind {
            SetKind::Category(c) => category(c, ch),
            SetKind::Bitmap(at) => {
                ch < 256 && self.op(at + (ch as usize >> 5)) & (1 << (ch & 31)) != 0
            }
            SetKind::Range(lo, hi) => lo <= ch && ch <= hi,
            SetKind::Literal(c) => ch == c,
            SetKind::General(pc) => self.charset(pc, ch),
        }
    }

    /// The literal the code at `pc` must start with, looking past MARKs (which consume
    /// nothing).
    fn first_literal(&self, mut pc: usize) -> Option<u32> {
        while self.op(pc) == MARK {
            pc += 2;
        }
        (self.op(pc) == LITERAL).then(|| self.op(pc + 1))
    }

    fn charset_loc_ignore(&self, pc: usize, ch: u32) -> bool {
        let lo = lower_locale(ch);
        if self.charset(pc, lo) {
            return true;
        }
        let up = upper_locale(ch);
        up != lo && self.charset(pc, up)
    }

    /// How many characters from `self.ptr` on the one-character item at `pc` matches, at
    /// most `maxcount`.
    fn count(&mut self, pc: usize, maxcount: u32) -> Res<usize> {
        let start = self.ptr;
        let mut end = self.s.len();
        if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(start) {
            end = start + maxcount as usize;
        }
        let mut p = start;
        macro_rules! scan {
            ($c:ident => $cond:expr) => {{
                while p < end {
                    let $c = self.ch(p);
                    if !($cond) {
                        break;
                    }
                    p += 1;
                }
            }};
        }
        let arg = self.op(pc + 1);
        match self.op(pc) {
            IN => match self.set_kind(pc + 2) {
                SetKind::Category(cat) => match cat {
                    CATEGORY_UNI_WORD => scan!(c => is_uni_word(c)),
                    CATEGORY_UNI_NOT_WORD => scan!(c => !is_uni_word(c)),
                    CATEGORY_WORD => scan!(c => is_word(c)),
                    CATEGORY_NOT_WORD => scan!(c => !is_word(c)),
                    CATEGORY_UNI_DIGIT => scan!(c => is_uni_digit(c)),
                    CATEGORY_DIGIT => scan!(c => is_digit(c)),
                    CATEGORY_UNI_SPACE => scan!(c => is_uni_space(c)),
                    CATEGORY_UNI_NOT_SPACE => scan!(c => !is_uni_space(c)),
                    CATEGORY_SPACE => scan!(c => is_space(c)),
                    CATEGORY_NOT_SPACE => scan!(c => !is_space(c)),
                    _ => scan!(c => category(cat, c)),
                },
                kind => scan!(c => self.in_set(kind, c)),
            },
            IN_IGNORE => {
                let kind = self.set_kind(pc + 2);
                scan!(c => self.in_set(kind, lower_ascii(c)))
            }
            IN_UNI_IGNORE => {
                let kind = self.set_kind(pc + 2);
                scan!(c => self.in_set(kind, lower_unicode(c)))
            }
            IN_LOC_IGNORE => scan!(c => self.charset_loc_ignore(pc + 2, c)),
            ANY => scan!(c => !is_linebreak(c)),
            ANY_ALL => p = end.max(start),
            LITERAL => scan!(c => c == arg),
            LITERAL_IGNORE => scan!(c => lower_ascii(c) == arg),
            LITERAL_UNI_IGNORE => scan!(c => lower_unicode(c) == arg),
            LITERAL_LOC_IGNORE => scan!(c => char_loc_ignore(arg, c)),
            NOT_LITERAL => scan!(c => c != arg),
            NOT_LITERAL_IGNORE => scan!(c => lower_ascii(c) != arg),
            NOT_LITERAL_UNI_IGNORE => scan!(c => lower_unicode(c) != arg),
            NOT_LITERAL_LOC_IGNORE => scan!(c => !char_loc_ignore(arg, c)),
            CATEGORY => scan!(c => category(arg, c)),
            _ => {
                // Any other item: match it repeatedly as a sub-pattern.
                self.ptr = start;
                while self.ptr < end {
                    let before = self.ptr;
                    if !self.run(pc, false)? || self.ptr <= before {
                        break;
                    }
                }
                return Ok(self.ptr.saturating_sub(start));
            }
        }
        Ok(p - start)
    }

    // ---- the match loop ----

    /// Matches the code at `pc` at `self.ptr` (`SRE(match)`); on success `self.ptr` is where
    /// the match ended.
    pub fn run(&mut self, pc: usize, toplevel: bool) -> Res<bool> {
        let base = self.ctxs.len();
        self.ctxs.push(Ctx::new(pc, toplevel, Jump::None));
        let mut flow = Flow::Enter;
        loop {
            flow = match flow {
                Flow::Enter => {
                    if self.ctxs.len() * std::mem::size_of::<Ctx>()
                        + self.data.len() * std::mem::size_of::<usize>()
                        > MAX_STACK_BYTES
                    {
                        return Err(Error::Memory);
                    }
                    let mut pc = self.ctxs[self.top()].pc;
                    let ptr = self.ptr;
                    if self.op(pc) == INFO {
                        // <INFO> <skip> <flags> <min> ...: give up early on a short subject.
                        let min = self.op(pc + 3) as usize;
                        if min != 0 && ptr <= self.s.len() && self.s.len() - ptr < min {
                            Flow::Exit(false)
                        } else {
                            pc += self.op(pc + 1) as usize + 1;
                            self.dispatch(pc, ptr)?
                        }
                    } else {
                        self.dispatch(pc, ptr)?
                    }
                }
                Flow::Goto(pc, ptr) => self.dispatch(pc, ptr)?,
                Flow::Exit(ret) => {
                    let Some(child) = self.ctxs.pop() else {
                        return Err(Error::State);
                    };
                    if self.ctxs.len() <= base {
                        return Ok(ret);
                    }
                    let t = self.top();
                    let (pc, ptr) = (self.ctxs[t].pc, self.ctxs[t].ptr);
                    self.resume(child.jump, ret, pc, ptr)?
                }
            };
        }
    }

    /// Starts a child sub-match at `next`; the current context resumes at `pc`/`ptr` with
    /// `jump`. `toplevel` None keeps the current context's.
    fn call(
        &mut self,
        jump: Jump,
        pc: usize,
        ptr: usize,
        next: usize,
        toplevel: Option<bool>,
    ) -> Flow {
        let t = self.top();
        self.ctxs[t].pc = pc;
        self.ctxs[t].ptr = ptr;
        let toplevel = toplevel.unwrap_or(self.ctxs[t].toplevel);
        self.ctxs.push(Ctx::new(next, toplevel, jump));
        Flow::Enter
    }

    /// Matches a back reference to group `arg` at `ptr`; the position after it, if it matches.
    fn groupref(&self, arg: u32, ptr: usize, fold: fn(u32) -> u32) -> Option<usize> {
        let g = arg as usize * 2;
        if g as isize >= self.lastmark {
            return None;
        }
        let (p, e) = (*self.marks.get(g)?, *self.marks.get(g + 1)?);
        if p == NONE || e == NONE || e < p {
            return None;
        }
        let mut q = ptr;
        for i in p..e {
            if q >= self.s.len() || fold(self.ch(q)) != fold(self.ch(i)) {
                return None;
            }
            q += 1;
        }
        Some(q)
    }

    /// Runs opcodes of the current context from `pc` at `ptr` until it must start a child or
    /// end.
    fn dispatch(&mut self, mut pc: usize, mut ptr: usize) -> Res<Flow> {
        let end = self.s.len();
        macro_rules! fail {
            () => {
                return Ok(Flow::Exit(false))
            };
        }
        macro_rules! one {
            ($c:ident => $test:expr) => {{
                if ptr >= end {
                    fail!();
                }
                let $c = self.ch(ptr);
                if !($test) {
                    fail!();
                }
                ptr += 1;
            }};
        }
        loop {
            self.steps = self.steps.wrapping_add(1);
            if self.steps & 0xfff == 0 && crate::signals::take_sigint() {
                return Err(Error::Interrupted);
            }
            let op = self.op(pc);
            pc += 1;
            match op {
                MARK => {
                    let i = self.op(pc) as usize;
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i >= self.marks.len() {
                        self.marks.resize(i + 1, NONE);
                    }
                    if i as isize > self.lastmark {
                        let from = (self.lastmark + 1) as usize;
                        for m in &mut self.marks[from..i] {
                            *m = NONE;
                        }
                        self.lastmark = i as isize;
                    }
                    self.marks[i] = ptr;
                    pc += 1;
                }
                LITERAL => {
                    let a = self.op(pc);
                    one!(c => c == a);
                    pc += 1;
                }
                NOT_LITERAL => {
                    let a = self.op(pc);
                    one!(c => c != a);
                    pc += 1;
                }
                LITERAL_IGNORE => {
                    let a = self.op(pc);
                    one!(c => lower_ascii(c) == a);
                    pc += 1;
                }
                NOT_LITERAL_IGNORE => {
                    let a = self.op(pc);
                    one!(c => lower_ascii(c) != a);
                    pc += 1;
                }
                LITERAL_UNI_IGNORE => {
                    let a = self.op(pc);
                    one!(c => lower_unicode(c) == a);
                    pc += 1;
                }
                NOT_LITERAL_UNI_IGNORE => {
                    let a = self.op(pc);
                    one!(c => lower_unicode(c) != a);
                    pc += 1;
                }
                LITERAL_LOC_IGNORE => {
                    let a = self.op(pc);
                    one!(c => char_loc_ignore(a, c));
                    pc += 1;
                }
                NOT_LITERAL_LOC_IGNORE => {
                    let a = self.op(pc);
                    one!(c => !char_loc_ignore(a, c));
                    pc += 1;
                }
                SUCCESS => {
                    let t = self.top();
                    if self.ctxs[t].toplevel
                        && ((self.match_all && ptr != end)
                            || (self.must_advance && ptr == self.start))
                    {
                        fail!();
                    }
                    self.ptr = ptr;
                    return Ok(Flow::Exit(true));
                }
                AT => {
                    if !self.at(ptr, self.op(pc)) {
                        fail!();
                    }
                    pc += 1;
                }
                CATEGORY => {
                    let a = self.op(pc);
                    one!(c => category(a, c));
                    pc += 1;
                }
                ANY => one!(c => !is_linebreak(c)),
                ANY_ALL => one!(_c => true),
                IN => {
                    one!(c => self.charset(pc + 1, c));
                    pc += self.op(pc) as usize;
                }
                IN_IGNORE => {
                    one!(c => self.charset(pc + 1, lower_ascii(c)));
                    pc += self.op(pc) as usize;
                }
                IN_UNI_IGNORE => {
                    one!(c => self.charset(pc + 1, lower_unicode(c)));
                    pc += self.op(pc) as usize;
                }
                IN_LOC_IGNORE => {
                    one!(c => self.charset_loc_ignore(pc + 1, c));
                    pc += self.op(pc) as usize;
                }
                JUMP | INFO => pc += self.op(pc) as usize,
                BRANCH => {
                    // <BRANCH> <skip> code <JUMP> ... <0>
                    let t = self.top();
                    self.save_marks_if_repeat(t);
                    return Ok(self.branch_next(pc, ptr));
                }
                REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    let min = self.op(pc + 1) as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    self.ptr = ptr;
                    let count = self.count(pc + 3, self.op(pc + 2))?;
                    ptr += count;
                    if count < min {
                        fail!();
                    }
                    let tail = pc + self.op(pc) as usize;
                    let t = self.top();
                    if self.op(tail) == SUCCESS
                        && ptr == end
                        && !(self.ctxs[t].toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return Ok(Flow::Exit(true));
                    }
                    self.save_marks_if_repeat(t);
                    self.ctxs[t].count = count as isize;
                    self.ctxs[t].chr = self.first_literal(tail);
                    return Ok(self.repeat_one_next(pc, ptr));
                }
                MIN_REPEAT_ONE => {
                    // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    let min = self.op(pc + 1) as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    self.ptr = ptr;
                    let mut count = 0;
                    if min > 0 {
                        count = self.count(pc + 3, min as u32)?;
                        if count < min {
                            fail!();
                        }
                        ptr += count;
                    }
                    let tail = pc + self.op(pc) as usize;
                    let t = self.top();
                    if self.op(tail) == SUCCESS
                        && !(self.ctxs[t].toplevel
                            && ((self.match_all && ptr != end)
                                || (self.must_advance && ptr == self.start)))
                    {
                        self.ptr = ptr;
                        return Ok(Flow::Exit(true));
                    }
                    self.save_marks_if_repeat(t);
                    self.ctxs[t].count = count as isize;
                    self.ctxs[t].chr = self.first_literal(tail);
                    return self.min_repeat_one_next(pc, ptr);
                }
                POSSESSIVE_REPEAT_ONE => {
                    let min = self.op(pc + 1) as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    self.ptr = ptr;
                    let count = self.count(pc + 3, self.op(pc + 2))?;
                    ptr += count;
                    if count < min {
                        fail!();
                    }
                    pc += self.op(pc) as usize;
                    let t = self.top();
                    if self.op(pc) == SUCCESS
                        && ptr == end
                        && !(self.ctxs[t].toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return Ok(Flow::Exit(true));
                    }
                }
                REPEAT => {
                    // <REPEAT> <skip> <min> <max> item <UNTIL> tail
                    self.repeats.push(Repeat {
                        count: -1,
                        pc,
                        prev: self.repeat,
                        last_ptr: NONE,
                    });
                    let idx = self.repeats.len() - 1;
                    self.repeat = idx;
                    let t = self.top();
                    self.ctxs[t].rep = idx;
                    self.ptr = ptr;
                    let next = pc + self.op(pc) as usize;
                    return Ok(self.call(Jump::Repeat, pc, ptr, next, None));
                }
                MAX_UNTIL => {
                    let rp = self.repeat;
                    if rp == NONE {
                        return Err(Error::State);
                    }
                    let t = self.top();
                    self.ctxs[t].rep = rp;
                    self.ptr = ptr;
                    let count = self.repeats[rp].count + 1;
                    self.ctxs[t].count = count;
                    let rpc = self.repeats[rp].pc;
                    let (min, max) = (self.op(rpc + 1), self.op(rpc + 2));
                    if count < min as isize {
                        // Not enough iterations yet.
                        self.repeats[rp].count = count;
                        return Ok(self.call(Jump::MaxUntil1, pc, ptr, rpc + 3, None));
                    }
                    if (count < max as isize || max == MAXREPEAT)
                        && self.ptr != self.repeats[rp].last_ptr
                    {
                        // Try one more iteration.
                        self.repeats[rp].count = count;
                        self.lastmark_save(t);
                        self.mark_push(self.ctxs[t].lastmark);
                        self.data.push(self.repeats[rp].last_ptr);
                        self.repeats[rp].last_ptr = self.ptr;
                        return Ok(self.call(Jump::MaxUntil2, pc, ptr, rpc + 3, None));
                    }
                    return Ok(self.until_tail(Jump::MaxUntil3, pc, ptr));
                }
                MIN_UNTIL => {
                    let rp = self.repeat;
                    if rp == NONE {
                        return Err(Error::State);
                    }
                    let t = self.top();
                    self.ctxs[t].rep = rp;
                    self.ptr = ptr;
                    let count = self.repeats[rp].count + 1;
                    self.ctxs[t].count = count;
                    let rpc = self.repeats[rp].pc;
                    if count < self.op(rpc + 1) as isize {
                        self.repeats[rp].count = count;
                        return Ok(self.call(Jump::MinUntil1, pc, ptr, rpc + 3, None));
                    }
                    // Try the tail first.
                    self.repeat = self.repeats[rp].prev;
                    self.save_marks_if_repeat(t);
                    return Ok(self.call(Jump::MinUntil2, pc, ptr, pc, None));
                }
                POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
                    self.ptr = ptr;
                    let t = self.top();
                    self.ctxs[t].count = 0;
                    return Ok(self.possessive_first(pc, ptr));
                }
                ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    return Ok(self.call(Jump::AtomicGroup, pc, ptr, pc + 1, Some(false)));
                }
                GROUPREF => match self.groupref(self.op(pc), ptr, |c| c) {
                    Some(p) => {
                        ptr = p;
                        pc += 1;
                    }
                    None => fail!(),
                },
                GROUPREF_IGNORE => match self.groupref(self.op(pc), ptr, lower_ascii) {
                    Some(p) => {
                        ptr = p;
                        pc += 1;
                    }
                    None => fail!(),
                },
                GROUPREF_UNI_IGNORE => match self.groupref(self.op(pc), ptr, lower_unicode) {
                    Some(p) => {
                        ptr = p;
                        pc += 1;
                    }
                    None => fail!(),
                },
                GROUPREF_LOC_IGNORE => match self.groupref(self.op(pc), ptr, lower_locale) {
                    Some(p) => {
                        ptr = p;
                        pc += 1;
                    }
                    None => fail!(),
                },
                GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno
                    let g = self.op(pc) as usize * 2;
                    let set = (g as isize) < self.lastmark
                        && match (self.marks.get(g), self.marks.get(g + 1)) {
                            (Some(&p), Some(&e)) => p != NONE && e != NONE && p <= e,
                            _ => false,
                        };
                    if set {
                        pc += 2;
                    } else {
                        pc += self.op(pc + 1) as usize;
                    }
                }
                ASSERT => {
                    // <ASSERT> <skip> <back> pattern
                    let back = self.op(pc + 1) as usize;
                    if ptr < back {
                        fail!();
                    }
                    self.ptr = ptr - back;
                    return Ok(self.call(Jump::Assert, pc, ptr, pc + 2, Some(false)));
                }
                ASSERT_NOT => {
                    let back = self.op(pc + 1) as usize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        let t = self.top();
                        self.save_marks_if_repeat(t);
                        return Ok(self.call(Jump::AssertNot, pc, ptr, pc + 2, Some(false)));
                    }
                    pc += self.op(pc) as usize;
                }
                FAILURE => fail!(),
                _ => return Err(Error::Illegal),
            }
        }
    }

    /// Tries the alternatives of a BRANCH from the one whose skip is at `pc`.
    fn branch_next(&mut self, mut pc: usize, ptr: usize) -> Flow {
        loop {
            let skip = self.op(pc) as usize;
            if skip == 0 {
                break;
            }
            // Skip alternatives that cannot start here.
            let first = self.op(pc + 1);
            let viable = if first == LITERAL {
                ptr < self.s.len() && self.ch(ptr) == self.op(pc + 2)
            } else if first == IN {
                ptr < self.s.len() && self.charset(pc + 3, self.ch(ptr))
            } else {
                true
            };
            if viable {
                self.ptr = ptr;
                return self.call(Jump::Branch, pc, ptr, pc + 1, None);
            }
            pc += skip;
        }
        let t = self.top();
        if self.ctxs[t].pushed {
            self.mark_discard(self.ctxs[t].lastmark);
        }
        Flow::Exit(false)
    }

    /// The next try of a REPEAT_ONE at `pc` with `ctx.count` items taken, ending at `ptr`.
    fn repeat_one_next(&mut self, pc: usize, mut ptr: usize) -> Flow {
        let t = self.top();
        let min = self.op(pc + 1) as isize;
        let mut count = self.ctxs[t].count;
        if let Some(chr) = self.ctxs[t].chr {
            // The tail starts with a literal: skip positions where it cannot match.
            while count >= min && (ptr >= self.s.len() || self.ch(ptr) != chr) {
                ptr = ptr.wrapping_sub(1);
                count -= 1;
            }
        }
        let tail = pc + self.op(pc) as usize;
        if self.op(tail) == SUCCESS {
            // The tail is the end of the pattern: the first position SUCCESS accepts wins
            // (what a child context for the tail would decide).
            while count >= min && !self.success_ok(t, ptr) {
                ptr = ptr.wrapping_sub(1);
                count -= 1;
            }
            if count >= min {
                if self.ctxs[t].pushed {
                    self.mark_discard(self.ctxs[t].lastmark);
                }
                self.ptr = ptr;
                return Flow::Exit(true);
            }
        }
        self.ctxs[t].count = count;
        if count < min {
            if self.ctxs[t].pushed {
                self.mark_discard(self.ctxs[t].lastmark);
            }
            return Flow::Exit(false);
        }
        self.ptr = ptr;
        self.call(Jump::RepeatOne, pc, ptr, tail, None)
    }

    /// Whether SUCCESS in context `t` accepts a match ending at `ptr`.
    #[inline]
    fn success_ok(&self, t: usize, ptr: usize) -> bool {
        !(self.ctxs[t].toplevel
            && ((self.match_all && ptr != self.end()) || (self.must_advance && ptr == self.start)))
    }

    /// The next try of a MIN_REPEAT_ONE at `pc` with `ctx.count` items taken, ending at
    /// `ptr`.
    fn min_repeat_one_next(&mut self, pc: usize, mut ptr: usize) -> Res<Flow> {
        let t = self.top();
        let max = self.op(pc + 2);
        while max == MAXREPEAT || self.ctxs[t].count <= max as isize {
            if let Some(chr) = self.ctxs[t].chr
                && (ptr >= self.end() || self.ch(ptr) != chr)
            {
                // The tail cannot match here: take one more item without trying it.
                self.ptr = ptr;
                if self.count(pc + 3, 1)? == 0 {
                    break;
                }
                ptr += 1;
                self.ctxs[t].count += 1;
                continue;
            }
            self.ptr = ptr;
            let tail = pc + self.op(pc) as usize;
            return Ok(self.call(Jump::MinRepeatOne, pc, ptr, tail, None));
        }
        if self.ctxs[t].pushed {
            self.mark_discard(self.ctxs[t].lastmark);
        }
        Ok(Flow::Exit(false))
    }

    /// Matches the tail after a MAX_UNTIL/MIN_UNTIL at `pc`, outside the repeat.
    fn until_tail(&mut self, jump: Jump, pc: usize, ptr: usize) -> Flow {
        let t = self.top();
        let rp = self.ctxs[t].rep;
        self.repeat = self.repeats[rp].prev;
        self.call(jump, pc, ptr, pc, None)
    }

    /// The mandatory iterations of a POSSESSIVE_REPEAT at `pc`.
    fn possessive_first(&mut self, pc: usize, ptr: usize) -> Flow {
        let t = self.top();
        if self.ctxs[t].count < self.op(pc + 1) as isize {
            return self.call(Jump::PossRepeat1, pc, ptr, pc + 3, Some(false));
        }
        self.possessive_more(pc, NONE)
    }

    /// The optional iterations of a POSSESSIVE_REPEAT; `last` is where the previous one
    /// started.
    fn possessive_more(&mut self, pc: usize, last: usize) -> Flow {
        let t = self.top();
        let max = self.op(pc + 2);
        if (self.ctxs[t].count < max as isize || max == MAXREPEAT) && self.ptr != last {
            self.lastmark_save(t);
            self.mark_push(self.ctxs[t].lastmark);
            let last = self.ptr;
            return self.call(Jump::PossRepeat2, pc, last, pc + 3, Some(false));
        }
        // The repeat is over: go on with the tail after its SUCCESS.
        Flow::Goto(pc + self.op(pc) as usize + 1, self.ptr)
    }

    /// Continues the current context after its child ended with `ret`.
    fn resume(&mut self, jump: Jump, ret: bool, pc: usize, ptr: usize) -> Res<Flow> {
        let t = self.top();
        Ok(match jump {
            Jump::None => Flow::Exit(ret),
            Jump::Branch => {
                if ret {
                    if self.ctxs[t].pushed {
                        self.mark_discard(self.ctxs[t].lastmark);
                    }
                    return Ok(Flow::Exit(true));
                }
                if self.ctxs[t].pushed {
                    self.mark_pop(self.ctxs[t].lastmark, false);
                }
                self.lastmark_restore(t);
                let next = pc + self.op(pc) as usize;
                self.branch_next(next, ptr)
            }
            Jump::RepeatOne => {
                if ret {
                    if self.ctxs[t].pushed {
                        self.mark_discard(self.ctxs[t].lastmark);
                    }
                    return Ok(Flow::Exit(true));
                }
                if self.ctxs[t].pushed {
                    self.mark_pop(self.ctxs[t].lastmark, false);
                }
                self.lastmark_restore(t);
                self.ctxs[t].count -= 1;
                self.repeat_one_next(pc, ptr.wrapping_sub(1))
            }
            Jump::MinRepeatOne => {
                if ret {
                    if self.ctxs[t].pushed {
                        self.mark_discard(self.ctxs[t].lastmark);
                    }
                    return Ok(Flow::Exit(true));
                }
                if self.ctxs[t].pushed {
                    self.mark_pop(self.ctxs[t].lastmark, false);
                }
                self.lastmark_restore(t);
                self.ptr = ptr;
                if self.count(pc + 3, 1)? == 0 {
                    if self.ctxs[t].pushed {
                        self.mark_discard(self.ctxs[t].lastmark);
                    }
                    return Ok(Flow::Exit(false));
                }
                self.ctxs[t].count += 1;
                self.min_repeat_one_next(pc, ptr + 1)?
            }
            Jump::Repeat => {
                let idx = self.ctxs[t].rep;
                self.repeat = self.repeats[idx].prev;
                self.repeats.truncate(idx);
                Flow::Exit(ret)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Flow::Exit(true));
                }
                let rp = self.ctxs[t].rep;
                self.repeats[rp].count = self.ctxs[t].count - 1;
                self.ptr = ptr;
                Flow::Exit(false)
            }
            Jump::MaxUntil2 => {
                let rp = self.ctxs[t].rep;
                self.repeats[rp].last_ptr = self.data.pop().unwrap_or(NONE);
                if ret {
                    self.mark_discard(self.ctxs[t].lastmark);
                    return Ok(Flow::Exit(true));
                }
                self.mark_pop(self.ctxs[t].lastmark, true);
                self.lastmark_restore(t);
                self.repeats[rp].count = self.ctxs[t].count - 1;
                self.ptr = ptr;
                self.until_tail(Jump::MaxUntil3, pc, ptr)
            }
            Jump::MaxUntil3 => {
                self.repeat = self.ctxs[t].rep;
                if ret {
                    return Ok(Flow::Exit(true));
                }
                self.ptr = ptr;
                Flow::Exit(false)
            }
            Jump::MinUntil2 => {
                let rp = self.ctxs[t].rep;
                self.repeat = rp;
                if ret {
                    if self.ctxs[t].pushed {
                        self.mark_discard(self.ctxs[t].lastmark);
                    }
                    return Ok(Flow::Exit(true));
                }
                if self.ctxs[t].pushed {
                    self.mark_pop(self.ctxs[t].lastmark, true);
                }
                self.lastmark_restore(t);
                self.ptr = ptr;
                let count = self.ctxs[t].count;
                let rpc = self.repeats[rp].pc;
                let max = self.op(rpc + 2);
                if (count >= max as isize && max != MAXREPEAT)
                    || self.ptr == self.repeats[rp].last_ptr
                {
                    return Ok(Flow::Exit(false));
                }
                // One more iteration.
                self.repeats[rp].count = count;
                self.data.push(self.repeats[rp].last_ptr);
                self.repeats[rp].last_ptr = self.ptr;
                self.call(Jump::MinUntil3, pc, ptr, rpc + 3, None)
            }
            Jump::MinUntil3 => {
                let rp = self.ctxs[t].rep;
                self.repeats[rp].last_ptr = self.data.pop().unwrap_or(NONE);
                if ret {
                    return Ok(Flow::Exit(true));
                }
                self.repeats[rp].count = self.ctxs[t].count - 1;
                self.ptr = ptr;
                Flow::Exit(false)
            }
            Jump::PossRepeat1 => {
                if ret {
                    self.ctxs[t].count += 1;
                    self.possessive_first(pc, ptr)
                } else {
                    self.ptr = ptr;
                    Flow::Exit(false)
                }
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_discard(self.ctxs[t].lastmark);
                    self.ctxs[t].count += 1;
                    self.possessive_more(pc, ptr)
                } else {
                    self.mark_pop(self.ctxs[t].lastmark, true);
                    self.lastmark_restore(t);
                    self.ptr = ptr;
                    Flow::Goto(pc + self.op(pc) as usize + 1, ptr)
                }
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ptr;
                    return Ok(Flow::Exit(false));
                }
                Flow::Goto(pc + self.op(pc) as usize, self.ptr)
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Flow::Exit(false));
                }
                Flow::Goto(pc + self.op(pc) as usize, ptr)
            }
            Jump::AssertNot => {
                if ret {
                    if self.ctxs[t].pushed {
                        self.mark_discard(self.ctxs[t].lastmark);
                    }
                    return Ok(Flow::Exit(false));
                }
                if self.ctxs[t].pushed {
                    self.mark_pop(self.ctxs[t].lastmark, true);
                }
                self.lastmark_restore(t);
                Flow::Goto(pc + self.op(pc) as usize, ptr)
            }
        })
    }

    // ---- entry points ----

    /// `pattern.match()` (and `fullmatch` with `match_all`) at `self.start`.
    pub fn do_match(&mut self) -> Res<bool> {
        self.ptr = self.start;
        self.run(0, true)
    }

    /// `pattern.search()` from `self.start`: on success `start..ptr` is the match.
    pub fn search(&mut self) -> Res<bool> {
        let mut ptr = self.start;
        let end = self.s.len();
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut end_adj = end;
        let mut flags = 0;
        let mut prefix: Option<(usize, usize, usize)> = None;
        let mut charset = None;
        if self.op(0) == INFO {
            // <INFO> <skip> <flags> <min> <max> <prefix or charset>
            flags = self.op(2);
            let min = self.op(3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end_adj = (end - (min - 1)).max(ptr);
            }
            if flags & INFO_PREFIX != 0 {
                // <length> <skip> <prefix> <overlap table>
                prefix = Some((self.op(5) as usize, self.op(6) as usize, 7));
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + self.op(1) as usize;
        }
        if let Some((len, skip, at)) = prefix
            && len >= 1
        {
            // The match starts with a known literal string.
            self.must_advance = false;
            let first = self.op(at);
            while ptr + len <= end {
                // Find the next place the first character occurs.
                let last_start = end + 1 - len;
                match self.s[ptr..last_start]
                    .iter()
                    .position(|c| c.code() == first)
                {
                    Some(i) => ptr += i,
                    None => return Ok(false),
                }
                if (1..len).all(|i| self.ch(ptr + i) == self.op(at + i)) {
                    self.start = ptr;
                    self.ptr = ptr + skip;
                    if flags & INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if self.run(pc + 2 * skip, false)? {
                        return Ok(true);
                    }
                    self.reset_capture();
                }
                ptr += 1;
            }
            return Ok(false);
        }
        if let Some(set) = charset {
            // The match starts with a character of a known set.
            self.must_advance = false;
            let kind = self.set_kind(set);
            loop {
                while ptr < end && !self.in_set(kind, self.ch(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut found = self.run(pc, true)?;
        self.must_advance = false;
        if !found
            && self.op(pc) == AT
            && matches!(self.op(pc + 1), AT_BEGINNING | AT_BEGINNING_STRING)
        {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !found && ptr < end_adj {
            ptr += 1;
            self.reset_capture();
            self.start = ptr;
            self.ptr = ptr;
            found = self.run(pc, false)?;
        }
        Ok(found)
    }
}

/// What the module needs of a [`State`], whatever its character type.
pub trait Matcher {
    fn reset(&mut self);
    fn search(&mut self) -> Res<bool>;
    fn do_match(&mut self) -> Res<bool>;
    /// Where the last match started.
    fn start(&self) -> usize;
    /// Where the last match ended.
    fn ptr(&self) -> usize;
    fn set_start(&mut self, start: usize);
    fn set_must_advance(&mut self, on: bool);
    fn set_match_all(&mut self, on: bool);
    fn group_span(&self, g: usize) -> Option<(usize, usize)>;
    fn lastindex(&self) -> isize;
}

impl<T: Ch> Matcher for State<'_, T> {
    fn reset(&mut self) {
        State::reset(self);
    }
    fn search(&mut self) -> Res<bool> {
        State::search(self)
    }
    fn do_match(&mut self) -> Res<bool> {
        State::do_match(self)
    }
    fn start(&self) -> usize {
        self.start
    }
    fn ptr(&self) -> usize {
        self.ptr
    }
    fn set_start(&mut self, start: usize) {
        self.start = start;
        self.ptr = start;
    }
    fn set_must_advance(&mut self, on: bool) {
        self.must_advance = on;
    }
    fn set_match_all(&mut self, on: bool) {
        self.match_all = on;
    }
    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        State::group_span(self, g)
    }
    fn lastindex(&self) -> isize {
        self.lastindex
    }
}
