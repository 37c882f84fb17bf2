import GRDB

/// The schema's timeline. Never edit a migration that has landed; add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-sealed-log") { db in
            try db.execute(sql: """
                CREATE TABLE desk_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE events(
                  position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
                  type TEXT NOT NULL, schema_version INTEGER NOT NULL, payload TEXT NOT NULL,
                  actor TEXT NOT NULL, recorded_at TEXT NOT NULL, hash BLOB NOT NULL,
                  UNIQUE(stream_id, version));
                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

                -- Outside the chain: each subject's data key, wrapped by the desk key; gone on erasure.
                CREATE TABLE subject_keys(subject_id TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL);
                -- Original submissions, sealed under the applicant's key; keyed by SHA-256 of the sealed bytes.
                CREATE TABLE evidence(hash TEXT PRIMARY KEY, subject_id TEXT NOT NULL, sealed BLOB NOT NULL);
                CREATE INDEX evidence_subject ON evidence(subject_id);

                -- Projections: dropped and rebuilt by replay.
                CREATE TABLE cases(
                  id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, organization TEXT NOT NULL,
                  branch TEXT, store TEXT, channel TEXT NOT NULL, language TEXT NOT NULL, lane TEXT,
                  state TEXT NOT NULL, opened_at TEXT NOT NULL, report_due_on TEXT NOT NULL,
                  last_activity TEXT NOT NULL, summary TEXT NOT NULL, assignee TEXT,
                  version INTEGER NOT NULL, applicant TEXT NOT NULL, hold TEXT, closed_at TEXT);
                CREATE TABLE ledger(
                  id INTEGER PRIMARY KEY, event_position INTEGER NOT NULL, counterparty TEXT NOT NULL, case_id TEXT NOT NULL,
                  at TEXT NOT NULL, about TEXT NOT NULL, answered TEXT NOT NULL);
                CREATE INDEX ledger_counterparty ON ledger(counterparty, at);
                CREATE TABLE subjects(
                  id TEXT PRIMARY KEY, kind TEXT NOT NULL, erased_at TEXT, erased_by TEXT);
                CREATE TABLE case_subjects(
                  case_id TEXT NOT NULL, subject_id TEXT NOT NULL, PRIMARY KEY(case_id, subject_id));
                CREATE INDEX case_subjects_subject ON case_subjects(subject_id);
                CREATE TABLE organizations(
                  id TEXT PRIMARY KEY, name TEXT NOT NULL, report_to TEXT NOT NULL, language TEXT NOT NULL,
                  closed_days TEXT NOT NULL, retention_years INTEGER NOT NULL, branches TEXT NOT NULL);
                CREATE TABLE staff(
                  user TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, active INTEGER NOT NULL);
                -- Duplicate detection: HMAC under the desk key of the original bytes (a plain hash of
                -- personal data would outlive erasure); deleted with the subject.
                CREATE TABLE intake_fingerprints(
                  hmac BLOB PRIMARY KEY, case_id TEXT NOT NULL, subject_id TEXT NOT NULL);
                -- Full-text search over what people wrote, folded (see SearchFold); plaintext only while the
                -- owner's key exists: erasure deletes their rows and optimizes the index in the same transaction.
                CREATE VIRTUAL TABLE case_search USING fts5(
                  case_id UNINDEXED, subject_id UNINDEXED, body, tokenize = 'trigram');
                """)
        }
        // The console's first screen reads the top of the queue and the whole queue's counts: an index in
        // queue order (the same expressions as `queueOrder`) and one that covers the counts.
        m.registerMigration("v2-queue-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX cases_queue ON cases(
                  (state IN ('closed', 'rejectedThreat')), (lane IS NOT 'danger'), report_due_on, seq);
                CREATE INDEX cases_counts ON cases(state, lane, report_due_on);
                """)
        }
        // Other terminals refresh only the cases that changed since the position they last saw.
        m.registerMigration("v3-case-change-position") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN changed_at INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX cases_changed ON cases(changed_at);
                """)
        }
        // An organization's own counter policy (the table as JSON), from its latest policyAdopted event.
        m.registerMigration("v4-organization-policy") { db in
            try db.execute(sql: "ALTER TABLE organizations ADD COLUMN policy TEXT")
        }
        // A counterparty's standing (warned / banned until a day), from their latest standingSet event.
        m.registerMigration("v5-counterparty-standing") { db in
            try db.execute(sql: """
                ALTER TABLE subjects ADD COLUMN standing TEXT;
                ALTER TABLE subjects ADD COLUMN standing_until TEXT;
                """)
        }
        // The desk's work (issue 6): when each case was reported and which behaviour types it shows, for the
        // monthly totals (with the classification); the tasks a rejected threat opens. Filled here from the log for databases that
        // already hold such events, exactly as the projector would.
        m.registerMigration("v6-desk-work") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN reported_at TEXT;
                ALTER TABLE cases ADD COLUMN behaviours TEXT;
                ALTER TABLE cases ADD COLUMN classification TEXT;
                CREATE INDEX cases_org_opened ON cases(organization, opened_at);
                CREATE TABLE tasks(
                  case_id TEXT NOT NULL, kind TEXT NOT NULL, opened_at TEXT NOT NULL,
                  done_at TEXT, done_by TEXT, reference TEXT, PRIMARY KEY(case_id, kind));
                CREATE INDEX tasks_open ON tasks(done_at, opened_at);
                UPDATE cases SET reported_at = (
                  SELECT e.recorded_at FROM events e WHERE e.stream_id = 'case-' || cases.id AND e.type = 'reported'
                  ORDER BY e.position DESC LIMIT 1);
                UPDATE cases SET classification = (
                  SELECT json_extract(e.payload, '$.classification') FROM events e
                  WHERE e.stream_id = 'case-' || cases.id AND e.type = 'classified' ORDER BY e.position DESC LIMIT 1);
                UPDATE cases SET behaviours = (
                  SELECT (SELECT group_concat(j.value, ',') FROM json_each(e.payload, '$.behaviours') j)
                  FROM events e WHERE e.stream_id = 'case-' || cases.id AND e.type IN ('handedOver', 'assessed')
                  ORDER BY e.position DESC LIMIT 1);
                """)
        }
        // Shifts (issue 7): who is on now, and each handover in log order for the next operator to read.
        m.registerMigration("v7-shifts") { db in
            try db.execute(sql: """
                CREATE TABLE shifts(user TEXT PRIMARY KEY, on_shift INTEGER NOT NULL, started_at TEXT, ended_at TEXT);
                CREATE TABLE handovers(position INTEGER PRIMARY KEY, user TEXT NOT NULL, at TEXT NOT NULL);
                """)
        }
        // Who has which case open (issue 7): not part of the log, only what each console says it shows now.
        m.registerMigration("v8-presence") { db in
            try db.execute(sql: """
                CREATE TABLE presence(
                  user TEXT NOT NULL, pid INTEGER NOT NULL, case_id TEXT, seen_at TEXT NOT NULL, PRIMARY KEY(user, pid));
                """)
        }
        // The employee consultation desk (issue 7): its own numbering and care tasks, apart from the cases.
        m.registerMigration("v9-consultations") { db in
            try db.execute(sql: """
                CREATE TABLE consultations(
                  id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, organization TEXT NOT NULL, employee TEXT NOT NULL,
                  state TEXT NOT NULL, opened_at TEXT NOT NULL, opened_by TEXT NOT NULL, mental_health INTEGER NOT NULL,
                  secondary TEXT, counsellor TEXT NOT NULL);
                CREATE TABLE care_tasks(
                  consult_id TEXT NOT NULL, kind TEXT NOT NULL, due TEXT NOT NULL, done_at TEXT, PRIMARY KEY(consult_id, kind));
                """)
        }
        // An employee's data falls due for erasure like an applicant's: the organization's period after the close.
        m.registerMigration("v10-consultation-closed-at") { db in
            try db.execute(sql: """
                ALTER TABLE consultations ADD COLUMN closed_at TEXT;
                UPDATE consultations SET closed_at = (
                  SELECT e.recorded_at FROM events e WHERE e.stream_id = 'consult-' || consultations.id AND e.type = 'consultationClosed'
                  ORDER BY e.position DESC LIMIT 1);
                """)
        }
        // FTS5 writes a new segment, and merges old ones, on every commit that touched it: a text per small
        // transaction cost about five times what it costs in batches. Texts wait here and go into the index
        // many at a time; search reads both.
        m.registerMigration("v11-search-backlog") { db in
            try db.execute(sql: """
                CREATE TABLE search_backlog(id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, subject_id TEXT NOT NULL,
                                            body TEXT NOT NULL);
                """)
        }
        // A clerk's console shows the cases they recorded themselves (issue 18): who recorded each case's intake.
        m.registerMigration("v12-case-opened-by") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN opened_by TEXT;
                UPDATE cases SET opened_by = (
                  SELECT e.actor FROM events e WHERE e.stream_id = 'case-' || cases.id AND e.version = 1);
                """)
        }
        // An applicant quotes their receipt to add to their case: the receipt's keyed hash, never the receipt, finds it.
        // Deleted with the applicant, so an erased applicant's receipt no longer reaches the case.
        m.registerMigration("v13-receipts") { db in
            try db.execute(sql: """
                CREATE TABLE receipts(tag TEXT PRIMARY KEY, case_id TEXT NOT NULL, subject_id TEXT NOT NULL);
                CREATE INDEX receipts_subject ON receipts(subject_id);
                """)
        }
        return m
    }

    /// The first migration: a database without it predates sealing and is refused, not migrated.
    static let first = "v1-sealed-log"

    /// Tables that `rebuild` empties and fills again from the log.
    /// The triggers that keep the log append-only.
    static let logGuards = ["events_no_update", "events_no_delete"]

    static let projectionTables = ["cases", "ledger", "subjects", "case_subjects", "organizations", "staff",
                                   "intake_fingerprints", "case_search", "search_backlog", "tasks", "shifts", "handovers",
                                   "consultations", "care_tasks", "receipts"]
}
