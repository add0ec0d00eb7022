//! Fuzz the marshal reader: any bytes must give a value or an error, never a panic; whatever
//! loads must survive a write and read back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_marshal::marshal;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = marshal::loads(data) {
        let _ = rpy_marshal::repr::repr(&value);
        if let Some(bytes) = marshal::dumps(&value, marshal::VERSION) {
            let again = marshal::loads(&bytes).expect("our own output reads back");
            assert!(again == value, "round trip changed the value");
        }
    }
});
