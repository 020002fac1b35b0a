//! Parts of the panel built after the panel itself: the first time they are needed, or a part at a
//! time while the page is idle.
//!
//! The panel's skeleton is built in one main-thread task, and whatever is still unbuilt when the
//! visitor taps is built in the tap's task, which the visitor waits for. So:
//! - parts most visitors never open (the callback form with its slot list, the week table of opening
//!   hours: both mostly formatted times) are built on first use ([`build_when_needed`]);
//! - the contacts are queued ([`BuildQueue`]): the loader builds them one part per idle task once the
//!   visitor engages with the page, so no single task blocks it for long, and the first open builds
//!   whatever is left;
//! - the callback form is also queued, ahead of need, once the panel has been opened: a visitor who
//!   opened the panel may well ask for a call, and the form built in idle time meanwhile makes that
//!   tap only show it. A visitor who asks first still has it built then; no opening builds it.
//!
//! Invariants: a part is built once, in the reactive owner that defers it (so it reads the same
//! context: messages, clock, events), and it then stays for the page's life, shown and hidden by its
//! own state and never rebuilt, so what the visitor typed survives. Queued parts join their parent
//! in the order they were queued. Building outside a render pass keeps a part's view type out of any
//! rebuild path: no re-rendering code is generated for it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

/// Builds `part` and appends it to `parent` the first time `needed` turns true (checked as soon as
/// the caller's view is mounted, and again whenever what `needed` reads changes). The part returned
/// can also be queued ([`BuildQueue::queue_ahead`]) to be built before it is needed.
pub fn build_when_needed<V>(
    needed: impl Fn() -> bool + 'static,
    parent: NodeRef<html::Div>,
    part: impl FnOnce() -> V + 'static,
) -> DeferredPart
where
    V: IntoView + 'static,
{
    let part = DeferredPart::new(parent, part);
    let when_needed = part.clone();
    Effect::new(move || {
        if needed() {
            when_needed.build();
        }
    });
    part
}

/// A part built once, into its parent and in the reactive owner it was declared in: by whichever
/// comes first of [`DeferredPart::build`] and a [`BuildQueue`] it was queued in. Clones share it.
#[derive(Clone)]
pub struct DeferredPart(Rc<Deferred>);

struct Deferred {
    owner: Owner,
    parent: NodeRef<html::Div>,
    /// `None` once built.
    build: RefCell<Option<BuildPart>>,
    queued: Cell<bool>,
}

/// Builds a part, in the owner and into the element it is given.
type BuildPart = Box<dyn FnOnce(&Owner, &web_sys::HtmlDivElement)>;

impl DeferredPart {
    /// Declares `part`, to be built in the current reactive owner and appended to `parent`.
    pub fn new<V>(parent: NodeRef<html::Div>, part: impl FnOnce() -> V + 'static) -> Self
    where
        V: IntoView + 'static,
    {
        let owner = Owner::current().unwrap_or_default();
        let build: BuildPart = Box::new(move |owner, parent| build_into(owner, parent, part));
        DeferredPart(Rc::new(Deferred { owner, parent, build: RefCell::new(Some(build)), queued: Cell::new(false) }))
    }

    /// Builds the part unless it is built already; returns false while it cannot be built yet
    /// because its parent is not in the document (the caller's view is not mounted).
    pub fn build(&self) -> bool {
        let Some(parent) = self.0.parent.get_untracked() else { return false };
        // Taken out before building: the part's own views may build or queue parts of their own.
        let build = self.0.build.borrow_mut().take();
        if let Some(build) = build {
            build(&self.0.owner, &parent);
        }
        true
    }
}

/// Parts waiting to be built, in order: see the module docs. Clones share the queue.
#[derive(Clone, Default)]
pub struct BuildQueue(Rc<RefCell<Lanes>>);

/// The parts the panel shows when it opens, and behind them the parts built ahead of need.
#[derive(Default)]
struct Lanes {
    shown: VecDeque<DeferredPart>,
    ahead: VecDeque<DeferredPart>,
}

impl BuildQueue {
    /// Queues `part`, to be built in the current reactive owner and appended to `parent`, in idle
    /// time or, at the latest, when the panel opens ([`BuildQueue::build_all`]).
    pub fn push<V>(&self, parent: NodeRef<html::Div>, part: impl FnOnce() -> V + 'static)
    where
        V: IntoView + 'static,
    {
        self.0.borrow_mut().shown.push_back(DeferredPart::new(parent, part));
    }

    /// Queues a part declared elsewhere (see [`build_when_needed`]) to be built ahead of need, once:
    /// in idle time after the parts the panel shows, never by [`BuildQueue::build_all`], so that no
    /// opening waits for it.
    pub fn queue_ahead(&self, part: &DeferredPart) {
        if !part.0.queued.replace(true) {
            self.0.borrow_mut().ahead.push_back(part.clone());
        }
    }

    /// Builds the next part; returns whether parts remain. Builds nothing while the next part's
    /// parent is not in the document yet (the caller's view is not mounted).
    pub fn build_next(&self) -> bool {
        // Taken out of the queue before building: a part's own views may queue parts of their own.
        let next = {
            let mut lanes = self.0.borrow_mut();
            match lanes.shown.pop_front() {
                Some(part) => Some((part, true)),
                None => lanes.ahead.pop_front().map(|part| (part, false)),
            }
        };
        let Some((next, shown)) = next else { return false };
        if !next.build() {
            let mut lanes = self.0.borrow_mut();
            if shown { &mut lanes.shown } else { &mut lanes.ahead }.push_front(next);
        }
        let lanes = self.0.borrow();
        !(lanes.shown.is_empty() && lanes.ahead.is_empty())
    }

    /// Builds every part the panel shows that is still waiting (and can be built: see
    /// [`BuildQueue::build_next`]); the parts queued ahead wait for idle time.
    pub fn build_all(&self) {
        let mut remaining = self.0.borrow().shown.len();
        while remaining > 0 && self.build_next() {
            remaining -= 1;
        }
    }
}

/// Builds `part` in `owner`, appends it to `parent`, and keeps it for the page's life.
fn build_into<V: IntoView>(owner: &Owner, parent: &web_sys::HtmlDivElement, part: impl FnOnce() -> V) {
    // Untracked: the part's own reads must not make the effect or task that builds it run again.
    let mut built = untrack(|| owner.with(|| part().into_view().build()));
    built.mount(parent, None);
    // The panel lives as long as the page, and the part with it.
    std::mem::forget(built);
}
