//! rpy-vm: objects, the eval loop, the import system and native modules.
//! Not yet implemented: see issue "VM core" in the tracker.
