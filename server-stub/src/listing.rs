//! `server-stub callbacks list`: stored requests as a table for the owner, or as JSON for scripts.
//!
//! The table is for reading on a terminal: one line per request, long texts shortened, control
//! characters never printed (stored text cannot move the cursor or forge lines). The JSON form is
//! complete and stable: an array of [`StoredCallback`] in camelCase.

use crate::db::StoredCallback;

/// Texts longer than this are shortened in the table.
const MAX_CELL_CHARS: usize = 40;

/// The JSON array printed by `callbacks list --json`.
pub fn to_json(callbacks: &[StoredCallback]) -> String {
    // Serialising plain strings, booleans and options cannot fail; an empty array is the safe answer.
    serde_json::to_string_pretty(callbacks).unwrap_or_else(|_| "[]".to_owned())
}

/// The table printed by `callbacks list`.
pub fn to_table(callbacks: &[StoredCallback]) -> String {
    if callbacks.is_empty() {
        return "No callback requests yet.\n".to_owned();
    }
    let header = ["NUMBER", "RECEIVED (UTC)", "PHONE", "NAME", "DEPARTMENT", "TOPIC", "PREFERRED SLOT", "STATUS"]
        .map(str::to_owned);
    let rows: Vec<[String; 8]> = callbacks
        .iter()
        .map(|callback| {
            let record = &callback.record;
            let phone = match &record.phone_extension {
                Some(extension) => format!("{} ext. {extension}", record.phone),
                None => record.phone.clone(),
            };
            let slot = record.preferred_slot.as_ref().map(|slot| format!("{} ({})", minutes(&slot.utc), slot.zone));
            let status = match &record.quarantine {
                Some(reason) => format!("quarantined: {reason}"),
                None => "lead".to_owned(),
            };
            [
                callback.id.clone(),
                minutes(&record.created_at),
                phone,
                record.name.clone().unwrap_or_default(),
                record.department.clone().unwrap_or_default(),
                record.topic.clone().unwrap_or_default(),
                slot.unwrap_or_default(),
                status,
            ]
            .map(|cell| cell_text(&cell))
        })
        .collect();

    let mut widths = header.clone().map(|title| title.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; 8]| {
        let padded: Vec<String> = cells.iter().zip(widths).map(|(cell, width)| format!("{cell:<width$}")).collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut table = line(&header);
    for row in &rows {
        table.push_str(&line(row));
    }
    let leads = callbacks.iter().filter(|callback| callback.record.quarantine.is_none()).count();
    table.push_str(&format!(
        "\n{} request(s): {leads} lead(s), {} quarantined\n",
        callbacks.len(),
        callbacks.len() - leads
    ));
    table
}

/// `2025-06-15T12:00:00.000Z` → `2025-06-15 12:00`.
fn minutes(stored: &str) -> String {
    stored.get(..16).map_or_else(|| stored.to_owned(), |prefix| prefix.replacen('T', " ", 1))
}

fn cell_text(text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if clean.chars().count() > MAX_CELL_CHARS {
        let mut short: String = clean.chars().take(MAX_CELL_CHARS - 1).collect();
        short.push('…');
        short
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{CallbackRecord, SlotRecord};

    fn stored(id: &str, name: Option<&str>, quarantine: Option<&str>) -> StoredCallback {
        StoredCallback {
            id: id.into(),
            record: CallbackRecord {
                created_at: "2025-06-15T12:00:00.000Z".into(),
                phone: "+74951234567".into(),
                phone_extension: None,
                name: name.map(str::to_owned),
                department: Some("sales".into()),
                topic: None,
                preferred_slot: Some(SlotRecord {
                    utc: "2025-06-16T07:00:00.000Z".into(),
                    zone: "Europe/Moscow".into(),
                }),
                visitor_zone: None,
                page_url: None,
                locale: "ru".into(),
                consent: None,
                quarantine: quarantine.map(str::to_owned),
                idempotency_key: "k".into(),
            },
        }
    }

    #[test]
    fn the_table_aligns_columns_and_counts_leads() {
        let table = to_table(&[stored("CB-000001", Some("Анна"), None), stored("CB-000002", None, Some("honeypot"))]);
        let expected = "\
NUMBER     RECEIVED (UTC)    PHONE         NAME  DEPARTMENT  TOPIC  PREFERRED SLOT                    STATUS
CB-000001  2025-06-15 12:00  +74951234567  Анна  sales              2025-06-16 07:00 (Europe/Moscow)  lead
CB-000002  2025-06-15 12:00  +74951234567        sales              2025-06-16 07:00 (Europe/Moscow)  quarantined: honeypot

2 request(s): 1 lead(s), 1 quarantined
";
        assert_eq!(table, expected);
    }

    #[test]
    fn stored_text_cannot_break_the_table() {
        let long = "Очень длинное имя, которое не помещается в колонку таблицы";
        let table =
            to_table(&[stored("CB-000001", Some(long), None), stored("CB-000002", Some("a\nb\u{1b}[2J"), None)]);
        assert!(table.contains("Очень длинное имя, которое не помещаетс…"));
        assert!(table.contains("a b [2J"));
        assert_eq!(table.lines().count(), 5);
    }

    #[test]
    fn an_empty_database_says_so() {
        assert_eq!(to_table(&[]), "No callback requests yet.\n");
        assert_eq!(to_json(&[]), "[]");
    }
}
