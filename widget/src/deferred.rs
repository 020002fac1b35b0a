//! Parts of the panel built the first time they are needed, not with the panel.
//!
//! The panel is built in one main-thread task when the visitor shows intent, and that task is what a
//! tap waits for. Parts most visitors never open (the callback form with its slot list, the week
//! table of opening hours: both mostly formatted times) are therefore built on first use instead. Invariants: the part is built once, in the
//! reactive owner of the view that defers it (so it reads the same context: messages, clock, events),
//! and it then stays for the page's life, shown and hidden by its own state and never rebuilt, so
//! what the visitor typed survives. Building it outside a render pass keeps its view type out of any
//! rebuild path: no re-rendering code is generated for it.

use leptos::html;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

/// Builds `part` and appends it to `parent` the first time `needed` turns true (checked as soon as
/// the caller's view is mounted, and again whenever what `needed` reads changes).
pub fn build_when_needed<V>(
    needed: impl Fn() -> bool + 'static,
    parent: NodeRef<html::Div>,
    part: impl FnOnce() -> V + 'static,
) where
    V: IntoView + 'static,
{
    let owner = Owner::current();
    let mut part = Some(part);
    Effect::new(move || {
        if !needed() {
            return;
        }
        let (Some(owner), Some(parent)) = (owner.as_ref(), parent.get_untracked()) else { return };
        let Some(part) = part.take() else { return };
        // Untracked: the part's own reads must not make this effect run again.
        let mut built = untrack(|| owner.with(|| part().into_view().build()));
        built.mount(&parent, None);
        // The panel lives as long as the page, and the part with it.
        std::mem::forget(built);
    });
}
