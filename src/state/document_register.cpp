#include "state/document_register.hpp"

#include "state/statement.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace berkas::state {

namespace {

using nlohmann::json;

constexpr const char* schema[] = {
    R"sql(CREATE TABLE IF NOT EXISTS issued_documents(
      case_id TEXT NOT NULL, document TEXT NOT NULL, layout TEXT NOT NULL, written_at TEXT NOT NULL,
      PRIMARY KEY(case_id, document)))sql",
    R"sql(CREATE TABLE IF NOT EXISTS scan_backs(
      sha256 TEXT NOT NULL, page INTEGER NOT NULL, source TEXT NOT NULL, case_id TEXT NOT NULL, document TEXT NOT NULL,
      matched INTEGER NOT NULL, signatures TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY(sha256, page)))sql",
    "CREATE INDEX IF NOT EXISTS scan_backs_by_case ON scan_backs(case_id)",
};

// The columns letter_numbers gained with this register, and how older rows get a value.
struct AddedColumn {
    const char* name;
    const char* definition;
    const char* for_older_rows; // null: the default is right
};

constexpr AddedColumn letter_columns_added[] = {
    {"letter_date", "TEXT", nullptr},
    {"released", "INTEGER NOT NULL DEFAULT 0", nullptr},
    {"released_from", "TEXT", nullptr},
    // Before this register, a number was taken only when its letter was written at once.
    {"issued_at", "TEXT", "UPDATE letter_numbers SET issued_at = 'sebelum-register'"},
};

Expected<void> run_sql(sqlite3* database, const std::string& sql)
{
    Statement statement(database, sql);
    return run(statement, "cannot prepare the document register");
}

Expected<std::set<std::string>> columns_of(sqlite3* database, const std::string& table)
{
    Statement query(database, "SELECT name FROM pragma_table_info(?)");
    query.bind(1, table);
    std::set<std::string> names;
    int status;
    while ((status = query.step()) == SQLITE_ROW)
        names.insert(query.text(0));
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot read the columns of " + table));
    return names;
}

LetterNumber letter_from(Statement& row)
{
    return LetterNumber {row.text(0), static_cast<int>(row.integer(1)), static_cast<int>(row.integer(2)), row.text(3),
                         !row.text(4).empty()};
}

constexpr const char* letter_columns = "case_id, year, sequence, COALESCE(letter_date, ''), COALESCE(issued_at, '')";

Expected<std::optional<LetterNumber>> held_letter(sqlite3* database, const std::string& case_id)
{
    Statement query(database, std::string("SELECT ") + letter_columns +
                                  " FROM letter_numbers WHERE case_id = ? AND released = 0");
    query.bind(1, case_id);
    int status = query.step();
    if (status == SQLITE_ROW)
        return letter_from(query);
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot read the letter number"));
    return std::nullopt;
}

// A number given back by a case that never got its letter, or the next one of the year.
Expected<int> free_sequence(sqlite3* database, int year, bool& was_released)
{
    Statement released(database, "SELECT MIN(sequence) FROM letter_numbers WHERE year = ? AND released = 1");
    released.bind(1, static_cast<std::int64_t>(year));
    if (released.step() == SQLITE_ROW && released.integer(0) > 0) { // MIN of no rows is NULL, read as 0
        was_released = true;
        return static_cast<int>(released.integer(0));
    }
    Statement next(database, "SELECT COALESCE(MAX(sequence), 0) + 1 FROM letter_numbers WHERE year = ?");
    next.bind(1, static_cast<std::int64_t>(year));
    if (next.step() != SQLITE_ROW)
        return tl::unexpected(next.error("cannot allocate a letter number"));
    was_released = false;
    return static_cast<int>(next.integer(0));
}

json area_json(const PageRect& rect)
{
    return {{"x", rect.x}, {"y", rect.y}, {"width", rect.width}, {"height", rect.height}};
}

PageRect area_from(const json& value)
{
    return {value.value("x", 0.0), value.value("y", 0.0), value.value("width", 0.0), value.value("height", 0.0)};
}

std::string layout_to_json(const DocumentLayout& layout)
{
    json codes = json::array(), signatures = json::array();
    for (const PlacedCode& code : layout.codes)
        codes.push_back({{"page", code.page}, {"symbol", area_json(code.symbol)}, {"payload", code.payload}});
    for (const SignatureArea& area : layout.signatures)
        signatures.push_back({{"page", area.page}, {"area", area_json(area.area)}, {"label", area.label}});
    return json {{"codes", codes}, {"signatures", signatures}}.dump();
}

DocumentLayout layout_from_json(const std::string& text)
{
    json value = json::parse(text, nullptr, false);
    DocumentLayout layout;
    if (!value.is_object())
        return layout;
    for (const json& code : value.value("codes", json::array()))
        layout.codes.push_back({code.value("page", 1), area_from(code.value("symbol", json::object())),
                                code.value("payload", "")});
    for (const json& area : value.value("signatures", json::array()))
        layout.signatures.push_back({area.value("page", 1), area_from(area.value("area", json::object())),
                                     area.value("label", "")});
    return layout;
}

std::string signatures_to_json(const std::vector<SignatureMark>& marks)
{
    json list = json::array();
    for (const SignatureMark& mark : marks)
        list.push_back({{"label", mark.label}, {"ink", mark.ink}, {"signed", mark.is_signed}});
    return list.dump();
}

std::vector<SignatureMark> signatures_from_json(const std::string& text)
{
    json list = json::parse(text, nullptr, false);
    std::vector<SignatureMark> marks;
    if (!list.is_array())
        return marks;
    for (const json& mark : list)
        marks.push_back({mark.value("label", ""), mark.value("ink", 0.0), mark.value("signed", false)});
    return marks;
}

} // namespace

Expected<std::unique_ptr<DocumentRegister>> DocumentRegister::open(Store& store)
{
    std::unique_ptr<DocumentRegister> documents(new DocumentRegister(store.connection()));
    BERKAS_TRY(documents->migrate());
    return documents;
}

Expected<void> DocumentRegister::migrate()
{
    for (const char* statement : schema)
        BERKAS_TRY(run_sql(m_database, statement));
    auto columns = BERKAS_TRY(columns_of(m_database, "letter_numbers"));
    Transaction transaction(m_database);
    for (const AddedColumn& column : letter_columns_added) {
        if (columns.count(column.name))
            continue;
        BERKAS_TRY(run_sql(m_database, std::string("ALTER TABLE letter_numbers ADD COLUMN ") + column.name + " " +
                                           column.definition));
        if (column.for_older_rows != nullptr)
            BERKAS_TRY(run_sql(m_database, column.for_older_rows));
    }
    if (!transaction.commit())
        return make_error("state", "cannot add the letter register's columns");
    return {};
}

Expected<LetterNumber> DocumentRegister::reserve_letter_number(const std::string& case_id, int year,
                                                               const std::string& date)
{
    Transaction transaction(m_database);
    if (auto held = BERKAS_TRY(held_letter(m_database, case_id)))
        return *held;
    bool was_released = false;
    int sequence = BERKAS_TRY(free_sequence(m_database, year, was_released));
    Statement take(m_database, was_released ? "UPDATE letter_numbers SET case_id = ?1, letter_date = ?4, released = 0, "
                                              "issued_at = NULL WHERE year = ?2 AND sequence = ?3"
                                            : "INSERT INTO letter_numbers(case_id, year, sequence, letter_date) "
                                              "VALUES(?1, ?2, ?3, ?4)");
    take.bind(1, case_id).bind(2, static_cast<std::int64_t>(year)).bind(3, static_cast<std::int64_t>(sequence));
    take.bind(4, date);
    BERKAS_TRY(run(take, "cannot reserve a letter number"));
    if (!transaction.commit())
        return make_error("state", "cannot commit the letter number");
    return LetterNumber {case_id, year, sequence, date, false};
}

Expected<void> DocumentRegister::mark_letter_issued(const std::string& case_id)
{
    Statement update(m_database,
                     "UPDATE letter_numbers SET issued_at = ? WHERE case_id = ? AND released = 0 AND issued_at IS NULL");
    update.bind(1, now_utc()).bind(2, case_id);
    return run(update, "cannot record the letter of " + case_id);
}

Expected<void> DocumentRegister::release_letter_number(const std::string& case_id)
{
    // The case id moves aside (it is unique); released_from keeps the trail.
    Statement update(m_database, R"sql(
        UPDATE letter_numbers SET released = 1, released_from = case_id,
                                  case_id = 'dilepas:' || year || '/' || sequence || ':' || case_id
        WHERE case_id = ? AND released = 0 AND issued_at IS NULL)sql");
    update.bind(1, case_id);
    return run(update, "cannot release the letter number of " + case_id);
}

Expected<std::optional<LetterNumber>> DocumentRegister::letter_number(const std::string& case_id)
{
    return held_letter(m_database, case_id);
}

Expected<std::vector<LetterNumber>> DocumentRegister::letter_numbers(int year)
{
    Statement query(m_database, std::string("SELECT ") + letter_columns +
                                    " FROM letter_numbers WHERE year = ? AND released = 0 ORDER BY sequence");
    query.bind(1, static_cast<std::int64_t>(year));
    std::vector<LetterNumber> numbers;
    int status;
    while ((status = query.step()) == SQLITE_ROW)
        numbers.push_back(letter_from(query));
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot list the letter numbers"));
    return numbers;
}

Expected<void> DocumentRegister::record_layout(const std::string& case_id, IssuedDocument document,
                                               const DocumentLayout& layout)
{
    Statement upsert(m_database, "INSERT OR REPLACE INTO issued_documents(case_id, document, layout, written_at) "
                                 "VALUES(?,?,?,?)");
    upsert.bind(1, case_id).bind(2, file_stem(document)).bind(3, layout_to_json(layout)).bind(4, now_utc());
    return run(upsert, "cannot record the layout of " + std::string(file_stem(document)));
}

Expected<std::optional<DocumentLayout>> DocumentRegister::layout(const std::string& case_id, IssuedDocument document)
{
    Statement query(m_database, "SELECT layout FROM issued_documents WHERE case_id = ? AND document = ?");
    query.bind(1, case_id).bind(2, file_stem(document));
    int status = query.step();
    if (status == SQLITE_ROW)
        return layout_from_json(query.text(0));
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot read the layout of " + std::string(file_stem(document))));
    return std::nullopt;
}

Expected<void> DocumentRegister::record_scan_back(const ScanBack& scan)
{
    Statement upsert(m_database, R"sql(
        INSERT OR REPLACE INTO scan_backs(sha256, page, source, case_id, document, matched, signatures, received_at)
        VALUES(?,?,?,?,?,?,?,?))sql");
    upsert.bind(1, scan.sha256).bind(2, static_cast<std::int64_t>(scan.page)).bind(3, scan.source);
    upsert.bind(4, scan.case_id).bind(5, scan.document ? file_stem(*scan.document) : "");
    upsert.bind(6, static_cast<std::int64_t>(scan.matched)).bind(7, signatures_to_json(scan.signatures));
    upsert.bind(8, now_utc());
    return run(upsert, "cannot record the scanned document " + scan.source);
}

Expected<bool> DocumentRegister::is_scan_back(const std::string& sha256)
{
    Statement query(m_database, "SELECT 1 FROM scan_backs WHERE sha256 = ? LIMIT 1");
    query.bind(1, sha256);
    int status = query.step();
    if (status != SQLITE_ROW && status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot look up scanned documents"));
    return status == SQLITE_ROW;
}

Expected<std::vector<ScanBack>> DocumentRegister::scan_backs(const std::string& case_id)
{
    Statement query(m_database, R"sql(
        SELECT sha256, page, source, case_id, document, matched, signatures, received_at FROM scan_backs
        WHERE ?1 = '' OR case_id = ?1 ORDER BY received_at, source, page)sql");
    query.bind(1, case_id);
    std::vector<ScanBack> scans;
    int status;
    while ((status = query.step()) == SQLITE_ROW) {
        scans.push_back(ScanBack {query.text(0), static_cast<int>(query.integer(1)), query.text(2), query.text(3),
                                  issued_document_from_stem(query.text(4)), query.integer(5) != 0,
                                  signatures_from_json(query.text(6)), query.text(7)});
    }
    if (status != SQLITE_DONE)
        return tl::unexpected(query.error("cannot list scanned documents"));
    return scans;
}

} // namespace berkas::state
