//! End-to-end tests: real instances on loopback, real databases (SQLite and PostgreSQL).

mod bad_input;
mod catalogue;
mod cli;
mod discovery;
mod durability;
mod federation;
mod feeds;
mod fixtures;
mod interop;
mod jsonld;
mod media;
mod opendata;
mod processes;
mod recurrence;
mod slow_host;
mod storage;
