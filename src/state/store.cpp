#include "state/store.hpp"

#include "state/statement.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/stat.h>

#include <ctime>

namespace berkas::state {

namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS files(
  sha256 TEXT PRIMARY KEY, first_source TEXT NOT NULL, size INTEGER NOT NULL, first_seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages(
  sha256 TEXT NOT NULL REFERENCES files(sha256), number INTEGER NOT NULL, source TEXT NOT NULL,
  confidence REAL NOT NULL, text TEXT NOT NULL, PRIMARY KEY(sha256, number));
CREATE TABLE IF NOT EXISTS cases(
  case_id TEXT PRIMARY KEY, source TEXT NOT NULL, status TEXT NOT NULL, profile TEXT NOT NULL,
  rules_version TEXT NOT NULL, applicant_name TEXT, fingerprint TEXT NOT NULL, result_json TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  case_id TEXT NOT NULL REFERENCES cases(case_id), ordinal INTEGER NOT NULL, type TEXT NOT NULL,
  source TEXT NOT NULL, pages TEXT NOT NULL, fields TEXT NOT NULL, PRIMARY KEY(case_id, ordinal));
CREATE TABLE IF NOT EXISTS problems(
  case_id TEXT NOT NULL REFERENCES cases(case_id), code TEXT NOT NULL, message TEXT NOT NULL,
  PRIMARY KEY(case_id, code));
CREATE TABLE IF NOT EXISTS letter_numbers(
  year INTEGER NOT NULL, sequence INTEGER NOT NULL, case_id TEXT NOT NULL UNIQUE, PRIMARY KEY(year, sequence));
CREATE TABLE IF NOT EXISTS decisions(
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(case_id), decision TEXT NOT NULL,
  actor TEXT NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS signed_files(
  sha256 TEXT PRIMARY KEY REFERENCES files(sha256));
CREATE TABLE IF NOT EXISTS rejections(
  sha256 TEXT PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
)sql";

} // namespace

Expected<std::unique_ptr<Store>> Store::open(const std::filesystem::path& database_path)
{
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(database_path.c_str(), &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        std::string message = database ? sqlite3_errmsg(database) : "out of memory";
        sqlite3_close(database);
        return make_error("state", "cannot open the state database: " + message, database_path.string());
    }
    ::chmod(database_path.c_str(), 0640); // it holds personal data
    std::unique_ptr<Store> store(new Store(database));
    BERKAS_TRY(store->execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                              "PRAGMA busy_timeout=10000;"));
    BERKAS_TRY(store->migrate());
    return store;
}

Store::Store(sqlite3* database) : m_database(database) {}

Store::~Store() { sqlite3_close(m_database); }

Expected<void> Store::execute(const std::string& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_database, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        return make_error("state", "database error: " + text);
    }
    return {};
}

Expected<void> Store::migrate() { return execute(schema); }

Expected<std::optional<std::vector<PageText>>> Store::cached_pages(const std::string& sha256)
{
    Statement known(m_database, "SELECT 1 FROM files WHERE sha256 = ?");
    known.bind(1, sha256);
    if (known.step() != SQLITE_ROW)
        return std::nullopt;
    Statement query(m_database, "SELECT number, source, confidence, text FROM pages WHERE sha256 = ? ORDER BY number");
    query.bind(1, sha256);
    std::vector<PageText> pages;
    int status;
    while ((status = query.step()) == SQLITE_ROW) {
        pages.push_back(PageText {static_cast<int>(query.integer(0)), query.text(3), text_source_from_string(query.text(1)),
                                  static_cast<float>(query.real(2))});
    }
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot read cached pages"));
    return pages;
}

Expected<void> Store::remember_pages(const std::string& sha256, const std::string& source, std::uintmax_t size,
                                     const std::vector<PageText>& pages, bool digitally_signed)
{
    Transaction transaction(m_database);
    Statement file(m_database, "INSERT OR IGNORE INTO files(sha256, first_source, size, first_seen) VALUES(?,?,?,?)");
    file.bind(1, sha256).bind(2, source).bind(3, static_cast<std::int64_t>(size)).bind(4, now_utc());
    BERKAS_TRY(run(file, "cannot record file"));
    for (const PageText& page : pages) {
        Statement insert(m_database,
                         "INSERT OR REPLACE INTO pages(sha256, number, source, confidence, text) VALUES(?,?,?,?,?)");
        insert.bind(1, sha256).bind(2, static_cast<std::int64_t>(page.number)).bind(3, to_string(page.source));
        insert.bind_real(4, page.confidence).bind(5, page.text);
        BERKAS_TRY(run(insert, "cannot record page"));
    }
    if (digitally_signed) {
        Statement mark(m_database, "INSERT OR IGNORE INTO signed_files(sha256) VALUES(?)");
        mark.bind(1, sha256);
        BERKAS_TRY(run(mark, "cannot record the signature"));
    }
    if (!transaction.commit())
        return make_error("state", "cannot commit pages");
    return {};
}

Expected<bool> Store::is_digitally_signed(const std::string& sha256)
{
    Statement query(m_database, "SELECT 1 FROM signed_files WHERE sha256 = ?");
    query.bind(1, sha256);
    return query.step() == SQLITE_ROW;
}

Expected<std::optional<std::string>> Store::case_fingerprint(const std::string& case_id)
{
    Statement query(m_database, "SELECT fingerprint FROM cases WHERE case_id = ?");
    query.bind(1, case_id);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return query.text(0);
}

Expected<void> Store::save_case(const CaseResult& result, const std::string& source, const std::string& fingerprint,
                                const std::string& result_json)
{
    Transaction transaction(m_database);
    Statement upsert(m_database, R"sql(
        INSERT INTO cases(case_id, source, status, profile, rules_version, applicant_name, fingerprint, result_json,
                          created_at, updated_at)
        VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?9)
        ON CONFLICT(case_id) DO UPDATE SET source=?2, status=?3, profile=?4, rules_version=?5, applicant_name=?6,
                                           fingerprint=?7, result_json=?8, updated_at=?9)sql");
    upsert.bind(1, result.case_id).bind(2, source).bind(3, to_string(result.status)).bind(4, result.profile);
    upsert.bind(5, result.rules_version).bind(6, result.applicant.nama ? result.applicant.nama->value : "");
    upsert.bind(7, fingerprint).bind(8, result_json).bind(9, now_utc());
    BERKAS_TRY(run(upsert, "cannot record case"));
    for (const char* table : {"documents", "problems"}) {
        Statement clear(m_database, std::string("DELETE FROM ") + table + " WHERE case_id = ?");
        clear.bind(1, result.case_id);
        BERKAS_TRY(run(clear, "cannot replace case details"));
    }
    for (size_t i = 0; i < result.documents.size(); ++i) {
        const Document& document = result.documents[i];
        Statement insert(m_database,
                         "INSERT INTO documents(case_id, ordinal, type, source, pages, fields) VALUES(?,?,?,?,?,?)");
        insert.bind(1, result.case_id).bind(2, static_cast<std::int64_t>(i)).bind(3, to_string(document.type));
        insert.bind(4, document.source).bind(5, nlohmann::json(document.pages).dump());
        insert.bind(6, nlohmann::json(document.fields).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        BERKAS_TRY(run(insert, "cannot record document"));
    }
    for (const Problem& problem : result.problems) {
        Statement insert(m_database, "INSERT OR IGNORE INTO problems(case_id, code, message) VALUES(?,?,?)");
        insert.bind(1, result.case_id).bind(2, problem.code).bind(3, problem.message);
        BERKAS_TRY(run(insert, "cannot record problem"));
    }
    if (!transaction.commit())
        return make_error("state", "cannot commit case " + result.case_id);
    return {};
}

Expected<void> Store::record_rejection(const std::string& sha256, const RejectedFile& rejected)
{
    Statement insert(m_database,
                     "INSERT OR REPLACE INTO rejections(sha256, source, reason, message, at) VALUES(?,?,?,?,?)");
    insert.bind(1, sha256).bind(2, rejected.source).bind(3, rejected.reason).bind(4, rejected.message);
    insert.bind(5, now_utc());
    return run(insert, "cannot record rejection");
}

Expected<std::optional<RejectedFile>> Store::rejection(const std::string& sha256)
{
    Statement query(m_database, "SELECT source, reason, message FROM rejections WHERE sha256 = ?");
    query.bind(1, sha256);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return RejectedFile {query.text(0), query.text(1), query.text(2)};
}

Expected<void> Store::record_decision(const Decision& decision)
{
    Statement insert(m_database, "INSERT INTO decisions(case_id, decision, actor, note, at) VALUES(?,?,?,?,?)");
    insert.bind(1, decision.case_id).bind(2, decision.decision).bind(3, decision.actor).bind(4, decision.note);
    insert.bind(5, now_utc());
    return run(insert, "cannot record the decision on case " + decision.case_id);
}

Expected<std::vector<Decision>> Store::decisions(const std::string& case_id)
{
    Statement query(m_database, "SELECT decision, actor, note, at FROM decisions WHERE case_id = ? ORDER BY id");
    query.bind(1, case_id);
    std::vector<Decision> found;
    int status;
    while ((status = query.step()) == SQLITE_ROW)
        found.push_back(Decision {case_id, query.text(0), query.text(1), query.text(2), query.text(3)});
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot read decisions"));
    return found;
}

Expected<std::vector<CaseSummary>> Store::list_cases()
{
    Statement query(m_database, R"sql(
        SELECT c.case_id, c.source, c.status, c.profile, COALESCE(c.applicant_name, ''), c.updated_at,
               (SELECT COUNT(*) FROM problems p WHERE p.case_id = c.case_id)
        FROM cases c ORDER BY c.case_id)sql");
    std::vector<CaseSummary> cases;
    int status;
    while ((status = query.step()) == SQLITE_ROW) {
        cases.push_back(CaseSummary {query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
                                     query.text(5), static_cast<int>(query.integer(6))});
    }
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot list cases"));
    return cases;
}

Expected<std::vector<RejectedFile>> Store::list_rejections()
{
    Statement query(m_database, "SELECT source, reason, message FROM rejections ORDER BY source");
    std::vector<RejectedFile> rejected;
    int status;
    while ((status = query.step()) == SQLITE_ROW)
        rejected.push_back(RejectedFile {query.text(0), query.text(1), query.text(2)});
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot list rejected files"));
    return rejected;
}

} // namespace berkas::state
