//! The concept tables, one file per scheme. Edit here; see the module docs of
//! [`crate::vocab`] for the rules (slugs never change, FALC labels stay short).

pub(crate) mod access_modes;
pub(crate) mod cooperation;
pub(crate) mod cooperation_frameworks;
pub(crate) mod event_categories;
pub(crate) mod fees;
pub(crate) mod heritage;
pub(crate) mod labels;
pub(crate) mod legal_forms;
pub(crate) mod networks;
pub(crate) mod programmes;
pub(crate) mod publics;
pub(crate) mod service_types;
pub(crate) mod services;
pub(crate) mod specific_support;
pub(crate) mod structure_types;
pub(crate) mod support_modes;
