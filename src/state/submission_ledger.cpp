#include "state/submission_ledger.hpp"

#include "state/statement.hpp"

#include <sqlite3.h>

namespace berkas::state {

namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS submission_queue(
  case_id TEXT PRIMARY KEY REFERENCES cases(case_id), transport TEXT NOT NULL, state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, claimed_by INTEGER,
  last_error TEXT NOT NULL DEFAULT '', receipt TEXT NOT NULL DEFAULT '', package TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, sent_at TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS lifecycle_events(
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(case_id), state TEXT NOT NULL,
  actor TEXT NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lifecycle_events_by_case ON lifecycle_events(case_id, id);
CREATE TABLE IF NOT EXISTS certificates(
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(case_id), serial TEXT NOT NULL,
  issued_on TEXT NOT NULL, expires_on TEXT NOT NULL, renewal_due_on TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS case_returns(
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(case_id), fingerprint TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ignored_approvals(
  decision_id INTEGER PRIMARY KEY REFERENCES decisions(id), reason TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS report_runs(day TEXT PRIMARY KEY, folder TEXT NOT NULL, at TEXT NOT NULL);
)sql";

constexpr const char* queue_columns =
    "case_id, transport, state, attempts, next_attempt_at, last_error, receipt, package, created_at, updated_at, "
    "sent_at";

QueueEntry queue_entry_from(const Statement& row)
{
    return QueueEntry {row.text(0), row.text(1),  row.text(2), static_cast<int>(row.integer(3)), row.text(4),
                       row.text(5), row.text(6),  row.text(7), row.text(8), row.text(9), row.text(10)};
}

LifecycleEvent event_from(const Statement& row)
{
    return LifecycleEvent {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

Certificate certificate_from(const Statement& row)
{
    return Certificate {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)};
}

// Every row of a query, converted by `convert`.
template<typename Row, typename Convert>
Expected<std::vector<Row>> collect(Statement& query, Convert convert, std::string_view what)
{
    std::vector<Row> rows;
    int status;
    while ((status = query.step()) == SQLITE_ROW)
        rows.push_back(convert(query));
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error(what));
    return rows;
}

Expected<void> insert_event(sqlite3* database, const LifecycleEvent& event)
{
    Statement insert(database, "INSERT INTO lifecycle_events(case_id, state, actor, note, at) VALUES(?,?,?,?,?)");
    insert.bind(1, event.case_id).bind(2, event.state).bind(3, event.actor).bind(4, event.note).bind(5, event.at);
    return run(insert, "cannot record the step of case " + event.case_id);
}

Expected<bool> changed_one_row(sqlite3* database, Statement& update, std::string_view what)
{
    BERKAS_TRY(run(update, what));
    return sqlite3_changes(database) == 1;
}

} // namespace

SubmissionLedger::SubmissionLedger(sqlite3* database)
    : m_database(database)
{
}

Expected<SubmissionLedger> SubmissionLedger::attach(Store& store)
{
    SubmissionLedger ledger(store.connection());
    BERKAS_TRY(ledger.migrate());
    return ledger;
}

Expected<void> SubmissionLedger::migrate()
{
    char* message = nullptr;
    if (sqlite3_exec(m_database, schema, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        return make_error("state", "cannot create the submission tables: " + text);
    }
    return {};
}

Expected<std::vector<CaseRecord>> SubmissionLedger::all_cases()
{
    Statement query(m_database, "SELECT case_id, source, status, profile, COALESCE(applicant_name, ''), fingerprint, "
                                "result_json, created_at, updated_at FROM cases ORDER BY created_at, case_id");
    return collect<CaseRecord>(query, [](const Statement& row) {
        return CaseRecord {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4),
                           row.text(5), row.text(6), row.text(7), row.text(8)};
    }, "cannot read cases");
}

Expected<std::optional<CaseRecord>> SubmissionLedger::case_record(const std::string& case_id)
{
    Statement query(m_database, "SELECT case_id, source, status, profile, COALESCE(applicant_name, ''), fingerprint, "
                                "result_json, created_at, updated_at FROM cases WHERE case_id = ?");
    query.bind(1, case_id);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return CaseRecord {query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
                       query.text(5), query.text(6), query.text(7), query.text(8)};
}

Expected<std::vector<Decision>> SubmissionLedger::all_decisions()
{
    Statement query(m_database, "SELECT case_id, decision, actor, note, at FROM decisions ORDER BY id");
    return collect<Decision>(query, [](const Statement& row) {
        return Decision {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)};
    }, "cannot read decisions");
}

Expected<std::vector<CaseProblem>> SubmissionLedger::all_problems()
{
    Statement query(m_database, "SELECT case_id, code, message FROM problems ORDER BY case_id, code");
    return collect<CaseProblem>(query, [](const Statement& row) {
        return CaseProblem {row.text(0), row.text(1), row.text(2)};
    }, "cannot read problems");
}

Expected<std::vector<std::string>> SubmissionLedger::approved_without_entry()
{
    Statement query(m_database, R"sql(
        SELECT c.case_id FROM cases c
        JOIN decisions d ON d.id = (SELECT MAX(id) FROM decisions l WHERE l.case_id = c.case_id)
        WHERE d.decision = 'approved'
          AND NOT EXISTS (SELECT 1 FROM ignored_approvals i WHERE i.decision_id = d.id)
          AND NOT EXISTS (SELECT 1 FROM submission_queue q WHERE q.case_id = c.case_id)
        ORDER BY c.case_id)sql");
    return collect<std::string>(query, [](const Statement& row) { return row.text(0); }, "cannot read approvals");
}

Expected<bool> SubmissionLedger::has_effective_approval(const std::string& case_id)
{
    Statement query(m_database, R"sql(
        SELECT d.decision = 'approved' AND NOT EXISTS (SELECT 1 FROM ignored_approvals i WHERE i.decision_id = d.id)
        FROM decisions d WHERE d.case_id = ? ORDER BY d.id DESC LIMIT 1)sql");
    query.bind(1, case_id);
    int status = query.step();
    if (status == SQLITE_DONE)
        return false;
    if (status != SQLITE_ROW)
        return tl::unexpected(query.error("cannot read the decisions of case " + case_id));
    return query.integer(0) != 0;
}

Expected<void> SubmissionLedger::ignore_latest_approval(const std::string& case_id, const std::string& reason,
                                                        const std::string& at)
{
    Statement insert(m_database, R"sql(
        INSERT OR IGNORE INTO ignored_approvals(decision_id, reason, at)
        SELECT id, ?2, ?3 FROM decisions WHERE case_id = ?1 AND decision = 'approved'
          AND id = (SELECT MAX(id) FROM decisions WHERE case_id = ?1))sql");
    insert.bind(1, case_id).bind(2, reason).bind(3, at);
    return run(insert, "cannot record the approval of case " + case_id + " as ineffective");
}

Expected<void> SubmissionLedger::record_return(const std::string& case_id, const std::string& fingerprint,
                                               const std::string& at)
{
    Statement insert(m_database, "INSERT INTO case_returns(case_id, fingerprint, at) VALUES(?,?,?)");
    insert.bind(1, case_id).bind(2, fingerprint).bind(3, at);
    return run(insert, "cannot record the return of case " + case_id);
}

Expected<std::optional<std::string>> SubmissionLedger::fingerprint_at_last_return(const std::string& case_id)
{
    Statement query(m_database, "SELECT fingerprint FROM case_returns WHERE case_id = ? ORDER BY id DESC LIMIT 1");
    query.bind(1, case_id);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return query.text(0);
}

Expected<void> SubmissionLedger::add_entry(const QueueEntry& entry)
{
    Statement insert(m_database, R"sql(
        INSERT INTO submission_queue(case_id, transport, state, attempts, next_attempt_at, last_error, receipt,
                                     package, created_at, updated_at, sent_at)
        VALUES(?1, ?2, ?3, 0, ?4, '', '', ?5, ?6, ?6, ''))sql");
    insert.bind(1, entry.case_id).bind(2, entry.transport).bind(3, entry.state).bind(4, entry.next_attempt_at);
    insert.bind(5, entry.package).bind(6, entry.created_at);
    return run(insert, "cannot queue case " + entry.case_id);
}

Expected<void> SubmissionLedger::remove_entry(const std::string& case_id)
{
    Statement remove(m_database, "DELETE FROM submission_queue WHERE case_id = ?");
    remove.bind(1, case_id);
    return run(remove, "cannot remove case " + case_id + " from the queue");
}

Expected<std::optional<QueueEntry>> SubmissionLedger::entry(const std::string& case_id)
{
    Statement query(m_database, std::string("SELECT ") + queue_columns + " FROM submission_queue WHERE case_id = ?");
    query.bind(1, case_id);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return queue_entry_from(query);
}

Expected<std::vector<QueueEntry>> SubmissionLedger::entries()
{
    Statement query(m_database, std::string("SELECT ") + queue_columns + " FROM submission_queue ORDER BY created_at, case_id");
    return collect<QueueEntry>(query, queue_entry_from, "cannot read the queue");
}

Expected<std::vector<QueueEntry>> SubmissionLedger::due_entries(const std::string& now)
{
    Statement query(m_database, std::string("SELECT ") + queue_columns +
                                    " FROM submission_queue WHERE state = 'pending' AND next_attempt_at <= ? "
                                    "ORDER BY next_attempt_at, case_id");
    query.bind(1, now);
    return collect<QueueEntry>(query, queue_entry_from, "cannot read the queue");
}

Expected<bool> SubmissionLedger::claim(const std::string& case_id, int process_id, const std::string& now)
{
    Statement update(m_database, "UPDATE submission_queue SET state = 'sending', attempts = attempts + 1, "
                                 "claimed_by = ?2, updated_at = ?3 WHERE case_id = ?1 AND state = 'pending'");
    update.bind(1, case_id).bind(2, static_cast<std::int64_t>(process_id)).bind(3, now);
    return changed_one_row(m_database, update, "cannot claim case " + case_id + " for sending");
}

Expected<void> SubmissionLedger::release(const std::string& case_id, const std::string& state, const std::string& error,
                                         const std::string& next_attempt_at, const std::string& now)
{
    Statement update(m_database, "UPDATE submission_queue SET state = ?2, last_error = ?3, next_attempt_at = ?4, "
                                 "claimed_by = NULL, updated_at = ?5 WHERE case_id = ?1 AND state = 'sending'");
    update.bind(1, case_id).bind(2, state).bind(3, error).bind(4, next_attempt_at).bind(5, now);
    return run(update, "cannot record the failed attempt for case " + case_id);
}

Expected<void> SubmissionLedger::complete_send(const std::string& case_id, const std::string& receipt,
                                               const LifecycleEvent& event)
{
    Transaction transaction(m_database);
    Statement update(m_database, "UPDATE submission_queue SET state = 'sent', receipt = ?2, last_error = '', "
                                 "claimed_by = NULL, sent_at = ?3, updated_at = ?3 "
                                 "WHERE case_id = ?1 AND state = 'sending'");
    update.bind(1, case_id).bind(2, receipt).bind(3, event.at);
    if (!BERKAS_TRY(changed_one_row(m_database, update, "cannot record the send of case " + case_id)))
        return make_error("state", "case " + case_id + " was not being sent");
    BERKAS_TRY(insert_event(m_database, event));
    if (!transaction.commit())
        return make_error("state", "cannot commit the send of case " + case_id);
    return {};
}

Expected<int> SubmissionLedger::recover_interrupted(const std::function<bool(int)>& process_is_alive,
                                                    const std::string& now)
{
    Statement query(m_database, "SELECT case_id, COALESCE(claimed_by, 0) FROM submission_queue WHERE state = 'sending'");
    struct Claim {
        std::string case_id;
        int process_id;
    };
    auto claims = BERKAS_TRY(collect<Claim>(query, [](const Statement& row) {
        return Claim {row.text(0), static_cast<int>(row.integer(1))};
    }, "cannot read the queue"));
    int recovered = 0;
    for (const Claim& claim : claims) {
        if (process_is_alive(claim.process_id))
            continue;
        BERKAS_TRY(release(claim.case_id, "pending", "pengiriman terputus; dikirim ulang dengan kunci yang sama", now,
                           now));
        recovered++;
    }
    return recovered;
}

Expected<bool> SubmissionLedger::retry_failed(const std::string& case_id, const std::string& now)
{
    Statement update(m_database, "UPDATE submission_queue SET state = 'pending', next_attempt_at = ?2, updated_at = ?2 "
                                 "WHERE case_id = ?1 AND state = 'failed'");
    update.bind(1, case_id).bind(2, now);
    return changed_one_row(m_database, update, "cannot retry case " + case_id);
}

Expected<void> SubmissionLedger::record_step(const LifecycleEvent& event, const std::optional<Certificate>& certificate,
                                             bool queue_sent_by_hand)
{
    Transaction transaction(m_database);
    BERKAS_TRY(insert_event(m_database, event));
    if (certificate) {
        Statement insert(m_database, "INSERT INTO certificates(case_id, serial, issued_on, expires_on, renewal_due_on, "
                                     "recorded_at) VALUES(?,?,?,?,?,?)");
        insert.bind(1, certificate->case_id).bind(2, certificate->serial).bind(3, certificate->issued_on);
        insert.bind(4, certificate->expires_on).bind(5, certificate->renewal_due_on).bind(6, event.at);
        BERKAS_TRY(run(insert, "cannot record the certificate of case " + event.case_id));
    }
    if (queue_sent_by_hand) {
        Statement update(m_database, "UPDATE submission_queue SET state = 'sent', receipt = 'manual', last_error = '', "
                                     "sent_at = ?2, updated_at = ?2 WHERE case_id = ?1 AND state IN ('waiting', 'failed')");
        update.bind(1, event.case_id).bind(2, event.at);
        if (!BERKAS_TRY(changed_one_row(m_database, update, "cannot record the send of case " + event.case_id)))
            return make_error("state", "case " + event.case_id + " is not waiting to be entered by hand");
    }
    if (!transaction.commit())
        return make_error("state", "cannot commit the step of case " + event.case_id);
    return {};
}

Expected<std::vector<LifecycleEvent>> SubmissionLedger::events(const std::string& case_id)
{
    Statement query(m_database,
                    "SELECT case_id, state, actor, note, at FROM lifecycle_events WHERE case_id = ? ORDER BY id");
    query.bind(1, case_id);
    return collect<LifecycleEvent>(query, event_from, "cannot read the steps of case " + case_id);
}

Expected<std::vector<LifecycleEvent>> SubmissionLedger::all_events()
{
    Statement query(m_database, "SELECT case_id, state, actor, note, at FROM lifecycle_events ORDER BY id");
    return collect<LifecycleEvent>(query, event_from, "cannot read the steps");
}

Expected<std::optional<std::string>> SubmissionLedger::current_step(const std::string& case_id)
{
    Statement query(m_database, "SELECT state FROM lifecycle_events WHERE case_id = ? ORDER BY id DESC LIMIT 1");
    query.bind(1, case_id);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return query.text(0);
}

Expected<std::vector<Certificate>> SubmissionLedger::certificates()
{
    Statement query(m_database, "SELECT case_id, serial, issued_on, expires_on, renewal_due_on, recorded_at "
                                "FROM certificates ORDER BY id");
    return collect<Certificate>(query, certificate_from, "cannot read certificates");
}

Expected<std::vector<Certificate>> SubmissionLedger::renewals_due(const std::string& day)
{
    Statement query(m_database, R"sql(
        SELECT c.case_id, c.serial, c.issued_on, c.expires_on, c.renewal_due_on, c.recorded_at FROM certificates c
        WHERE c.id = (SELECT MAX(id) FROM certificates l WHERE l.case_id = c.case_id)
          AND c.renewal_due_on <= ?
          AND (SELECT e.state FROM lifecycle_events e WHERE e.case_id = c.case_id ORDER BY e.id DESC LIMIT 1)
              IN ('issued', 'delivered')
        ORDER BY c.renewal_due_on, c.case_id)sql");
    query.bind(1, day);
    return collect<Certificate>(query, certificate_from, "cannot read certificates");
}

Expected<std::optional<std::string>> SubmissionLedger::last_report_day()
{
    Statement query(m_database, "SELECT MAX(day) FROM report_runs");
    if (query.step() != SQLITE_ROW || query.text(0).empty())
        return std::nullopt;
    return query.text(0);
}

Expected<void> SubmissionLedger::record_report(const std::string& day, const std::string& folder, const std::string& at)
{
    Statement insert(m_database, "INSERT OR REPLACE INTO report_runs(day, folder, at) VALUES(?,?,?)");
    insert.bind(1, day).bind(2, folder).bind(3, at);
    return run(insert, "cannot record the report of " + day);
}

} // namespace berkas::state
