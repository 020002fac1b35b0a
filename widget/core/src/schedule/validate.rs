//! Validation of [`RawHours`] into [`Hours`]: every problem becomes a [`ConfigIssue`] with a path
//! relative to the hours object, and the offending part is dropped (an interval, an override) or
//! replaced by its inherited or default value (a target, the quiet hours).

use super::raw::{HOURS_FIELDS, OVERRIDE_FIELDS, TARGETS_FIELDS, WEEKLY_FIELDS};
use super::{Hours, HoursParsed, Interval, Override, RawHours, RawOverride, RawTargets, RawWeekly, Targets};
use crate::config::ConfigIssue;
use crate::promise::QuietHours;
use crate::time::{Date, Weekday};
use crate::zones::Zones;

/// Longest override range: a year, leap day included. Longer ones are almost certainly typos in
/// the year, and bounding them bounds the neighbour checks below.
const MAX_OVERRIDE_DAYS: i64 = 366;
const MAX_LABEL_CHARS: usize = 200;

/// Intervals of one list, each with its position in the site owner's list for issue paths.
type Indexed = Vec<(usize, Interval)>;

/// An override being validated.
struct Draft {
    index: usize,
    first: Date,
    last: Date,
    intervals: Indexed,
    label: Option<String>,
}

#[derive(Default)]
struct Issues(Vec<ConfigIssue>);

impl Issues {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(ConfigIssue { path: path.into(), message: message.into() });
    }

    fn report_unknown(&mut self, unknown: &[String], prefix: &str, known: &[&str]) {
        for key in unknown {
            let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
            self.push(path, format!("unknown key; expected one of: {}", known.join(", ")));
        }
    }
}

pub(super) fn from_raw(raw: &RawHours, inherited: Option<&Hours>, zones: &dyn Zones) -> HoursParsed {
    let mut issues = Issues::default();
    issues.report_unknown(&raw.unknown, "", HOURS_FIELDS);

    let zone = match (&raw.zone, inherited) {
        (Some(name), _) => {
            let zone = zones.resolve(name);
            if zone.is_none() {
                issues.push("zone", format!("unknown time zone `{name}`; use an IANA name such as Europe/Moscow"));
            }
            zone
        }
        (None, Some(company)) => Some(company.zone.clone()),
        (None, None) => {
            issues.push("zone", "missing; name the IANA time zone of these hours, e.g. Europe/Moscow");
            None
        }
    };
    let weekly = match (&raw.weekly, inherited) {
        (Some(weekly), _) => Some(parse_week(weekly, &mut issues)),
        (None, Some(company)) => Some(company.weekly.clone()),
        (None, None) => {
            issues.push("weekly", "missing; list the opening intervals per weekday, e.g. \"mon\": [\"10:00-19:00\"]");
            None
        }
    };
    let overrides = match (&raw.overrides, &weekly) {
        (Some(list), Some(weekly)) => {
            let mut drafts = parse_overrides(list, &mut issues);
            check_override_neighbours(&mut drafts, weekly, &mut issues);
            let mut overrides: Vec<Override> = drafts.into_iter().map(Draft::finish).collect();
            sort_by_key_small(&mut overrides, |o| o.first);
            overrides
        }
        (Some(list), None) => {
            // Still worth reporting their own problems; without a week there are no hours anyway.
            parse_overrides(list, &mut issues);
            Vec::new()
        }
        (None, _) => inherited.map(|company| company.overrides.clone()).unwrap_or_default(),
    };
    let inherited_targets = inherited.map(|company| company.targets).unwrap_or_default();
    let targets =
        raw.targets.as_ref().map_or(inherited_targets, |raw| parse_targets(raw, inherited_targets, &mut issues));
    let inherited_quiet = inherited.map(|company| company.quiet_hours).unwrap_or_default();
    let quiet_hours = match raw.quiet_hours.as_deref().map(QuietHours::parse) {
        None => inherited_quiet,
        Some(Ok(quiet)) => quiet,
        Some(Err(message)) => {
            issues.push("quietHours", message);
            inherited_quiet
        }
    };

    let hours = zone.zip(weekly).map(|(zone, weekly)| Hours { zone, weekly, overrides, targets, quiet_hours });
    HoursParsed { hours, issues: issues.0 }
}

fn parse_week(raw: &RawWeekly, issues: &mut Issues) -> [Vec<Interval>; 7] {
    issues.report_unknown(&raw.unknown, "weekly", &WEEKLY_FIELDS);
    let lists = [&raw.mon, &raw.tue, &raw.wed, &raw.thu, &raw.fri, &raw.sat, &raw.sun];
    let mut days = Weekday::ALL.map(|day| {
        let list = lists[day.days_from_monday()].as_deref().unwrap_or_default();
        parse_day(list, &format!("weekly.{day}"), issues)
    });
    // A night shift's tail must end before the next weekday's first interval; the week wraps, so
    // Sunday's tail runs into Monday.
    for day in Weekday::ALL {
        let next = day.succ();
        let tails: Vec<Interval> =
            days[day.days_from_monday()].iter().map(|&(_, i)| i).filter(|i| i.ends_next_day()).collect();
        for tail in tails {
            let tail_end = tail.tail_end().unwrap_or_default();
            days[next.days_from_monday()].retain(|&(index, interval)| {
                let clear = interval.start_minute() >= tail_end;
                if !clear {
                    issues.push(format!("weekly.{next}[{index}]"), format!("overlaps the end of {day} {tail}"));
                }
                clear
            });
        }
    }
    days.map(|day| day.into_iter().map(|(_, interval)| interval).collect())
}

/// Parses one date's list, reporting malformed intervals and those overlapping an earlier-starting
/// one; the result is sorted by start.
fn parse_day(texts: &[String], path: &str, issues: &mut Issues) -> Indexed {
    let mut parsed: Indexed = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        match Interval::parse(text) {
            Ok(interval) => parsed.push((index, interval)),
            Err(message) => issues.push(format!("{path}[{index}]"), message),
        }
    }
    sort_by_key_small(&mut parsed, |&(_, interval)| interval.start);
    let mut kept: Indexed = Vec::with_capacity(parsed.len());
    for (index, interval) in parsed {
        match kept.last() {
            // Sorted and disjoint, so the last kept interval is the one that ends latest.
            Some(&(_, previous)) if interval.start_minute() < previous.end_minute() => {
                issues.push(format!("{path}[{index}]"), format!("overlaps {previous}"));
            }
            _ => kept.push((index, interval)),
        }
    }
    kept
}

fn parse_overrides(raw: &[RawOverride], issues: &mut Issues) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for (index, entry) in raw.iter().enumerate() {
        let path = format!("overrides[{index}]");
        issues.report_unknown(&entry.unknown, &path, OVERRIDE_FIELDS);
        let Some((first, last)) = parse_dates(entry, &path, issues) else {
            continue;
        };
        let intervals = match (entry.closed, &entry.hours) {
            (Some(true), None) => Vec::new(),
            (Some(true), Some(_)) => {
                issues.push(&path, "has both `closed: true` and `hours`; treated as closed");
                Vec::new()
            }
            (_, Some(hours)) => parse_day(hours, &format!("{path}.hours"), issues),
            (_, None) => {
                issues.push(&path, "needs `closed: true` or `hours`");
                continue;
            }
        };
        if let Some(other) = drafts.iter().find(|d| d.first <= last && first <= d.last) {
            let date = first.max(other.first);
            issues.push(&path, format!("{date} is already covered by overrides[{}]", other.index));
            continue;
        }
        let label = entry.label.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(|label| {
            if label.chars().count() > MAX_LABEL_CHARS {
                issues.push(format!("{path}.label"), format!("longer than {MAX_LABEL_CHARS} characters; shortened"));
            }
            label.chars().take(MAX_LABEL_CHARS).collect()
        });
        drafts.push(Draft { index, first, last, intervals, label });
    }
    drafts
}

fn parse_dates(entry: &RawOverride, path: &str, issues: &mut Issues) -> Option<(Date, Date)> {
    let mut date = |key: &str, text: &str| {
        let date = Date::parse(text.trim());
        if date.is_none() {
            issues.push(format!("{path}.{key}"), format!("`{text}` is not a date; write YYYY-MM-DD"));
        }
        date
    };
    match (&entry.date, &entry.from, &entry.to) {
        (Some(single), None, None) => date("date", single).map(|d| (d, d)),
        (None, Some(from), Some(to)) => {
            let (from, to) = (date("from", from), date("to", to));
            let (from, to) = from.zip(to)?;
            if to < from {
                issues.push(format!("{path}.to"), format!("{to} is before `from` ({from})"));
                return None;
            }
            if from.days_until(to) >= MAX_OVERRIDE_DAYS {
                issues.push(format!("{path}.to"), format!("a range may cover at most {MAX_OVERRIDE_DAYS} days"));
                return None;
            }
            Some((from, to))
        }
        (None, Some(_), None) => {
            issues.push(format!("{path}.to"), "missing; a range needs both `from` and `to`");
            None
        }
        (None, None, Some(_)) => {
            issues.push(format!("{path}.from"), "missing; a range needs both `from` and `to`");
            None
        }
        (None, None, None) => {
            issues.push(path, "needs a `date`, or `from` and `to`");
            None
        }
        (Some(_), _, _) => {
            issues.push(path, "give either `date`, or `from` and `to`, not both");
            None
        }
    }
}

/// Drops override intervals that collide with a neighbouring date: one overlapping the tail of the
/// previous (weekly) date's night shift, or one of the override's own night shifts running into
/// the next date's first interval. Tails of another override into this one are that override's
/// "runs into" problem, so each collision is reported once.
fn check_override_neighbours(drafts: &mut [Draft], weekly: &[Vec<Interval>; 7], issues: &mut Issues) {
    let covered: Vec<(Date, Date, Vec<Interval>)> =
        drafts.iter().map(|d| (d.first, d.last, d.intervals.iter().map(|&(_, i)| i).collect())).collect();
    let override_on = |date: Date| covered.iter().find(|(first, last, _)| *first <= date && date <= *last);
    let intervals_on = |date: Date| match override_on(date) {
        Some((_, _, intervals)) => intervals.as_slice(),
        None => weekly[date.weekday().days_from_monday()].as_slice(),
    };

    for draft in drafts.iter_mut() {
        let hours_path = format!("overrides[{}].hours", draft.index);
        let mut dropped = vec![false; draft.intervals.len()];
        let before = draft.first.pred();
        if override_on(before).is_none() {
            for tail in intervals_on(before).iter().filter(|i| i.ends_next_day()) {
                let tail_end = tail.tail_end().unwrap_or_default();
                for (k, &(index, interval)) in draft.intervals.iter().enumerate() {
                    if !dropped[k] && interval.start_minute() < tail_end {
                        let message = format!("overlaps the end of {} {before}'s {tail}", before.weekday());
                        issues.push(format!("{hours_path}[{index}]"), message);
                        dropped[k] = true;
                    }
                }
            }
        }
        let mut date = draft.first;
        loop {
            let next = date.succ();
            for (k, &(index, interval)) in draft.intervals.iter().enumerate() {
                let first_next = intervals_on(next).first();
                if let (false, Some(tail_end), Some(first_next)) = (dropped[k], interval.tail_end(), first_next) {
                    if first_next.start_minute() < tail_end {
                        let message = format!("runs into {} {next}'s {first_next}", next.weekday());
                        issues.push(format!("{hours_path}[{index}]"), message);
                        dropped[k] = true;
                    }
                }
            }
            if date >= draft.last {
                break;
            }
            date = next;
        }
        let mut flags = dropped.into_iter();
        draft.intervals.retain(|_| !flags.next().unwrap_or(false));
    }
}

impl Draft {
    fn finish(self) -> Override {
        Override {
            first: self.first,
            last: self.last,
            intervals: self.intervals.into_iter().map(|(_, interval)| interval).collect(),
            label: self.label,
        }
    }
}

fn parse_targets(raw: &RawTargets, inherited: Targets, issues: &mut Issues) -> Targets {
    issues.report_unknown(&raw.unknown, "targets", TARGETS_FIELDS);
    let mut bounded = |value: Option<i64>, max: u32, fallback: u32, key: &str| match value {
        None => fallback,
        Some(value) => match u32::try_from(value).ok().filter(|v| (1..=max).contains(v)) {
            Some(value) => value,
            None => {
                issues.push(format!("targets.{key}"), format!("{value} is out of range; use 1 to {max}"));
                fallback
            }
        },
    };
    Targets {
        callback_minutes: bounded(raw.callback_minutes, 1_440, inherited.callback_minutes, "callbackMinutes"),
        email_business_days: bounded(raw.email_business_days, 30, inherited.email_business_days, "emailBusinessDays"),
    }
}

/// Sorts `items` by `key`, keeping items with equal keys in the site owner's order (so an issue
/// names the later of two clashing entries). An insertion sort: the lists here are one day's
/// intervals or a year's overrides, and the standard library's stable sort would add about 4 KB to
/// the widget's wasm for each element type (issue 6).
fn sort_by_key_small<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key_small;

    #[test]
    fn small_sort_orders_by_key_and_keeps_equal_keys_in_listed_order() {
        type Items = &'static [(u8, char)];
        let cases: [(Items, Items); 5] = [
            (&[], &[]),
            (&[(1, 'a')], &[(1, 'a')]),
            (&[(3, 'a'), (1, 'b'), (2, 'c')], &[(1, 'b'), (2, 'c'), (3, 'a')]),
            (&[(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')], &[(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]),
            (&[(5, 'a'), (4, 'b'), (3, 'c'), (2, 'd'), (1, 'e')], &[(1, 'e'), (2, 'd'), (3, 'c'), (4, 'b'), (5, 'a')]),
        ];
        for (input, sorted) in cases {
            let mut items = input.to_vec();
            sort_by_key_small(&mut items, |&(key, _)| key);
            assert_eq!(items, sorted, "{input:?}");
        }
    }
}
