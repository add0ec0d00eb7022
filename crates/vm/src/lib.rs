//! rpy-vm: objects, the eval loop, the import system and native modules.
