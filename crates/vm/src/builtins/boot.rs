//! Bootstrapping: the built-in type objects are made before `type` and `dict` exist, then
//! their classes are filled in; afterwards every type gets its methods and the `builtins`
//! and `sys` modules are populated.
//! Counterpart: Objects/object.c `_PyTypes_InitTypes`, Python/bltinmodule.c (3.11).

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::DictData;
use crate::exceptions::ExcTypes;
use crate::object::{Payload, PyObject};
use crate::types::{Layout, TypeData, TypeKind, Types, flags};
use crate::value::PyRef;
use crate::vm::Vm;

struct Boot {
    made: Vec<PyRef>,
}

impl Boot {
    fn raw(
        &mut self,
        name: &str,
        base: Option<&PyRef>,
        kind: TypeKind,
        layout: Layout,
        fl: u32,
    ) -> PyRef {
        let dict = PyObject::new_unclassed(Payload::Dict(RefCell::new(DictData::new())));
        self.made.push(dict.clone());
        let t = PyObject::new_unclassed(Payload::Type(Box::new(TypeData::new(
            name,
            base.into_iter().cloned().collect(),
            dict,
            fl,
            kind,
            layout,
        ))));
        let mut mro = vec![t.clone()];
        if let Some(b) = base {
            mro.extend(crate::types::type_data(b).mro.borrow().iter().cloned());
        }
        crate::types::type_data(&t).set_mro(mro);
        self.made.push(t.clone());
        t
    }
}

/// Makes the built-in types (without their methods).
pub fn boot_types() -> Rc<Types> {
    let mut b = Boot { made: Vec::new() };
    let base = flags::BASETYPE;
    let object = b.raw("object", None, TypeKind::Object, Layout::Object, base);
    let o = Some(&object);
    let type_ = b.raw(
        "type",
        o,
        TypeKind::Type,
        Layout::Type,
        base | flags::HAS_DICT | flags::TYPE_SUBCLASS,
    );
    let dict = b.raw(
        "dict",
        o,
        TypeKind::Dict,
        Layout::Dict,
        base | flags::MAPPING,
    );
    let int = b.raw("int", o, TypeKind::Int, Layout::Int, base);
    let bool_ = b.raw("bool", Some(&int), TypeKind::Bool, Layout::Int, 0);
    let float = b.raw("float", o, TypeKind::Float, Layout::Float, base);
    let complex = b.raw("complex", o, TypeKind::Complex, Layout::Complex, base);
    let str = b.raw("str", o, TypeKind::Str, Layout::Str, base);
    let bytes = b.raw("bytes", o, TypeKind::Bytes, Layout::Bytes, base);
    let bytearray = b.raw("bytearray", o, TypeKind::ByteArray, Layout::ByteArray, base);
    let tuple = b.raw(
        "tuple",
        o,
        TypeKind::Tuple,
        Layout::Tuple,
        base | flags::SEQUENCE,
    );
    let list = b.raw(
        "list",
        o,
        TypeKind::List,
        Layout::List,
        base | flags::SEQUENCE,
    );
    let set = b.raw("set", o, TypeKind::Set, Layout::Set, base);
    let frozenset = b.raw("frozenset", o, TypeKind::FrozenSet, Layout::FrozenSet, base);
    let range = b.raw("range", o, TypeKind::Range, Layout::Native, flags::SEQUENCE);
    let slice = b.raw("slice", o, TypeKind::Slice, Layout::Native, 0);
    let none_type = b.raw("NoneType", o, TypeKind::NoneType, Layout::Native, 0);
    let notimplemented_type = b.raw(
        "NotImplementedType",
        o,
        TypeKind::NotImplementedType,
        Layout::Native,
        0,
    );
    let ellipsis_type = b.raw("ellipsis", o, TypeKind::Ellipsis, Layout::Native, 0);
    let function = b.raw(
        "function",
        o,
        TypeKind::Function,
        Layout::Function,
        flags::HAS_DICT,
    );
    let builtin_function = b.raw(
        "builtin_function_or_method",
        o,
        TypeKind::BuiltinFunction,
        Layout::Native,
        0,
    );
    let method_descriptor = b.raw(
        "method_descriptor",
        o,
        TypeKind::MethodDescriptor,
        Layout::Native,
        0,
    );
    let getset_descriptor = b.raw("getset_descriptor", o, TypeKind::GetSet, Layout::Native, 0);
    let method = b.raw("method", o, TypeKind::Method, Layout::Native, 0);
    let classmethod = b.raw(
        "classmethod",
        o,
        TypeKind::ClassMethod,
        Layout::ClassMethod,
        base | flags::HAS_DICT,
    );
    let staticmethod = b.raw(
        "staticmethod",
        o,
        TypeKind::StaticMethod,
        Layout::StaticMethod,
        base | flags::HAS_DICT,
    );
    let property = b.raw("property", o, TypeKind::Property, Layout::Property, base);
    let cell = b.raw("cell", o, TypeKind::Cell, Layout::Native, 0);
    let code = b.raw("code", o, TypeKind::Code, Layout::Native, 0);
    let module = b.raw(
        "module",
        o,
        TypeKind::Module,
        Layout::Module,
        base | flags::HAS_DICT,
    );
    let traceback = b.raw("traceback", o, TypeKind::Traceback, Layout::Native, 0);
    let frame = b.raw("frame", o, TypeKind::Frame, Layout::Native, 0);
    let generator = b.raw("generator", o, TypeKind::Generator, Layout::Native, 0);
    let coroutine = b.raw("coroutine", o, TypeKind::Coroutine, Layout::Native, 0);
    let async_generator = b.raw(
        "async_generator",
        o,
        TypeKind::AsyncGenerator,
        Layout::Native,
        0,
    );
    let seq_iter = b.raw("iterator", o, TypeKind::Other, Layout::Native, 0);
    let super_ = b.raw("super", o, TypeKind::Super, Layout::Native, base);
    let mut others = rustc_hash::FxHashMap::default();
    for name in OTHER_TYPES {
        others.insert(*name, b.raw(name, o, TypeKind::Other, Layout::Native, 0));
    }
    // Classes can be set now that `type` and `dict` exist.
    for obj in &b.made {
        match &obj.payload {
            Payload::Type(_) => obj.set_class(type_.clone()),
            _ => obj.set_class(dict.clone()),
        }
    }
    let exceptions = ExcTypes::build(&type_, &object, &dict);
    let not_implemented = PyObject::new(notimplemented_type.clone(), Payload::Object);
    let ellipsis = PyObject::new(ellipsis_type.clone(), Payload::Object);
    Rc::new(Types {
        object,
        type_,
        int,
        bool_,
        float,
        complex,
        str,
        bytes,
        bytearray,
        tuple,
        list,
        dict,
        set,
        frozenset,
        range,
        slice,
        none_type,
        notimplemented_type,
        ellipsis_type,
        function,
        builtin_function,
        method_descriptor,
        getset_descriptor,
        method,
        classmethod,
        staticmethod,
        property,
        cell,
        code,
        module,
        traceback,
        frame,
        generator,
        coroutine,
        async_generator,
        seq_iter,
        super_,
        exceptions,
        not_implemented,
        ellipsis,
        others: RefCell::new(others),
    })
}

/// Auxiliary built-in types, registered by name in `Types::others`.
const OTHER_TYPES: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "dict_keys",
    "dict_values",
    "dict_items",
    "set_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "callable_iterator",
    "mappingproxy",
    "async_generator_wrapped_value",
    "async_generator_asend",
    "async_generator_athrow",
    "coroutine_wrapper",
    "memoryview",
    "wrapper_descriptor",
    "anext_awaitable",
    "method-wrapper",
    "NoneType_placeholder",
];

/// Fills in the methods of every type and the built-in modules.
pub fn populate(vm: &Vm) {
    crate::builtins::object::init(vm);
    crate::builtins::type_::init(vm);
    crate::builtins::int::init(vm);
    crate::builtins::float::init(vm);
    crate::builtins::complex::init(vm);
    crate::builtins::bytes::init(vm);
    crate::builtins::str::init(vm);
    crate::builtins::list::init(vm);
    crate::builtins::tuple::init(vm);
    crate::builtins::dict::init(vm);
    crate::builtins::set::init(vm);
    crate::builtins::misc::init(vm);
    crate::builtins::cell::init(vm);
    crate::builtins::function_type::init(vm);
    crate::builtins::exceptions::init(vm);
    crate::builtins::exc_group::init(vm);
    crate::builtins::iterators::init(vm);
    crate::builtins::asyncgen::init(vm);
    crate::builtins::module::init(vm);
    crate::builtins::frame::init(vm);
    crate::builtins::functions::init(vm);
    crate::builtins::sys::init(vm);
}
