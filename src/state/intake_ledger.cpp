#include "state/intake_ledger.hpp"

#include "state/statement.hpp"

#include <ctime>

namespace berkas::state {

namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS claims(
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL, case_key TEXT NOT NULL,
  device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
  claimed_at TEXT NOT NULL, original TEXT NOT NULL DEFAULT 'pending', duplicate_of INTEGER REFERENCES claims(id));
CREATE INDEX IF NOT EXISTS claims_by_sha ON claims(sha256);
CREATE INDEX IF NOT EXISTS claims_by_source ON claims(source);
CREATE TABLE IF NOT EXISTS file_states(
  sha256 TEXT PRIMARY KEY, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL);
)sql";

FileState state_from_string(const std::string& name)
{
    if (name == "reading") return FileState::reading;
    if (name == "read") return FileState::read;
    if (name == "quarantined") return FileState::quarantined;
    return FileState::received;
}

constexpr const char* claim_columns =
    "id, sha256, source, case_key, device, inode, size, mtime_ns, original, duplicate_of";

Claim claim_from_row(const Statement& row)
{
    Claim claim;
    claim.id = row.integer(0);
    claim.sha256 = row.text(1);
    claim.source = row.text(2);
    claim.case_key = row.text(3);
    claim.identity = FileIdentity {static_cast<std::uint64_t>(row.integer(4)),
                                   static_cast<std::uint64_t>(row.integer(5)),
                                   static_cast<std::uint64_t>(row.integer(6)), row.integer(7)};
    claim.original = row.text(8);
    if (!row.text(9).empty())
        claim.duplicate_of = row.integer(9);
    return claim;
}

Expected<std::vector<Claim>> claims_where(sqlite3* database, const std::string& condition)
{
    Statement query(database, std::string("SELECT ") + claim_columns + " FROM claims WHERE " + condition +
                                  " ORDER BY id");
    std::vector<Claim> claims;
    int status;
    while ((status = query.step()) == SQLITE_ROW)
        claims.push_back(claim_from_row(query));
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot list claims"));
    return claims;
}

} // namespace

const char* to_string(FileState state)
{
    switch (state) {
    case FileState::received: return "received";
    case FileState::reading: return "reading";
    case FileState::read: return "read";
    case FileState::quarantined: return "quarantined";
    }
    return "received";
}

Expected<IntakeLedger> IntakeLedger::open(Store& store)
{
    char* message = nullptr;
    if (sqlite3_exec(store.connection(), schema, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        return make_error("state", "cannot prepare the intake tables: " + text);
    }
    return IntakeLedger(store.connection());
}

Expected<Claim> IntakeLedger::record_claim(const std::string& sha256, const std::string& source,
                                           const std::string& case_key, const FileIdentity& identity)
{
    Transaction transaction(m_database);
    Statement first(m_database, "SELECT id FROM claims WHERE sha256 = ? AND duplicate_of IS NULL");
    first.bind(1, sha256);
    std::optional<std::int64_t> duplicate_of;
    if (first.step() == SQLITE_ROW)
        duplicate_of = first.integer(0);
    Statement insert(m_database, R"sql(
        INSERT INTO claims(sha256, source, case_key, device, inode, size, mtime_ns, claimed_at, duplicate_of)
        VALUES(?,?,?,?,?,?,?,?,?))sql");
    insert.bind(1, sha256).bind(2, source).bind(3, case_key);
    insert.bind(4, static_cast<std::int64_t>(identity.device)).bind(5, static_cast<std::int64_t>(identity.inode));
    insert.bind(6, static_cast<std::int64_t>(identity.size)).bind(7, identity.mtime_ns).bind(8, now_utc());
    if (duplicate_of)
        insert.bind(9, *duplicate_of);
    BERKAS_TRY(run(insert, "cannot record the claim of " + source));
    Claim claim {sqlite3_last_insert_rowid(m_database), sha256, source, case_key, identity, "pending", duplicate_of};
    Statement state(m_database,
                    "INSERT OR IGNORE INTO file_states(sha256, state, attempts, updated_at) VALUES(?, 'received', 0, ?)");
    state.bind(1, sha256).bind(2, now_utc());
    BERKAS_TRY(run(state, "cannot record the file state"));
    if (!transaction.commit())
        return make_error("state", "cannot commit the claim of " + source);
    return claim;
}

Expected<void> IntakeLedger::set_original(std::int64_t claim_id, const std::string& original)
{
    Statement update(m_database, "UPDATE claims SET original = ? WHERE id = ?");
    update.bind(1, original).bind(2, claim_id);
    return run(update, "cannot record what became of the original");
}

Expected<bool> IntakeLedger::already_claimed(const std::string& source, const FileIdentity& identity)
{
    Statement query(m_database, "SELECT 1 FROM claims WHERE source = ? AND device = ? AND inode = ? AND size = ? "
                                "AND mtime_ns = ?");
    query.bind(1, source).bind(2, static_cast<std::int64_t>(identity.device));
    query.bind(3, static_cast<std::int64_t>(identity.inode)).bind(4, static_cast<std::int64_t>(identity.size));
    query.bind(5, identity.mtime_ns);
    return query.step() == SQLITE_ROW;
}

Expected<std::vector<Claim>> IntakeLedger::claims_with_original_pending()
{
    return claims_where(m_database, "original = 'pending'");
}

Expected<std::optional<std::string>> IntakeLedger::content_of(const std::string& source)
{
    Statement query(m_database, "SELECT sha256 FROM claims WHERE source = ? ORDER BY id DESC LIMIT 1");
    query.bind(1, source);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return query.text(0);
}

Expected<std::vector<Claim>> IntakeLedger::active_claims() { return claims_where(m_database, "duplicate_of IS NULL"); }

Expected<int> IntakeLedger::begin_reading(const std::string& sha256)
{
    Statement update(m_database, "UPDATE file_states SET state = 'reading', attempts = attempts + 1, updated_at = ? "
                                 "WHERE sha256 = ? RETURNING attempts");
    update.bind(1, now_utc()).bind(2, sha256);
    if (update.step() != SQLITE_ROW)
        return tl::unexpected(update.error("cannot mark the file as being read"));
    int attempts = static_cast<int>(update.integer(0));
    update.step(); // finish the statement so that the change is committed
    return attempts;
}

Expected<void> IntakeLedger::finish(const std::string& sha256, FileState state)
{
    Statement update(m_database, "UPDATE file_states SET state = ?, updated_at = ? WHERE sha256 = ?");
    update.bind(1, to_string(state)).bind(2, now_utc()).bind(3, sha256);
    return run(update, "cannot record the file state");
}

Expected<std::optional<FileState>> IntakeLedger::file_state(const std::string& sha256)
{
    Statement query(m_database, "SELECT state FROM file_states WHERE sha256 = ?");
    query.bind(1, sha256);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return state_from_string(query.text(0));
}

Expected<std::vector<std::pair<std::string, int>>> IntakeLedger::requeue_interrupted()
{
    Statement update(m_database, "UPDATE file_states SET state = 'received', updated_at = ? WHERE state = 'reading' "
                                 "RETURNING sha256, attempts");
    update.bind(1, now_utc());
    std::vector<std::pair<std::string, int>> requeued;
    int status;
    while ((status = update.step()) == SQLITE_ROW)
        requeued.emplace_back(update.text(0), static_cast<int>(update.integer(1)));
    if (status != SQLITE_DONE)
        return tl::unexpected(update.error("cannot requeue interrupted files"));
    return requeued;
}

Expected<std::map<std::string, int>> IntakeLedger::count_by_state()
{
    Statement query(m_database, "SELECT state, COUNT(*) FROM file_states GROUP BY state");
    std::map<std::string, int> counts;
    while (query.step() == SQLITE_ROW)
        counts[query.text(0)] = static_cast<int>(query.integer(1));
    Statement duplicates(m_database, "SELECT COUNT(*) FROM claims WHERE duplicate_of IS NOT NULL");
    if (duplicates.step() == SQLITE_ROW)
        counts["duplicate"] = static_cast<int>(duplicates.integer(0));
    return counts;
}

} // namespace berkas::state
