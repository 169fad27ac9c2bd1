//! End-to-end tests: real instances on loopback, real databases (SQLite and PostgreSQL).

mod backfill;
mod bad_input;
mod browser;
mod catalogue;
mod cli;
mod demo;
mod directory;
mod discovery;
mod durability;
mod federation;
mod feeds;
mod fixtures;
mod hot_paths;
mod interop;
mod jsonld;
mod media;
mod networks;
mod opendata;
mod processes;
mod recurrence;
mod relays;
mod site;
mod slow_host;
mod storage;
mod timeline_filters;
