#include "state/statement.hpp"

#include <ctime>

namespace berkas::state {

Statement::Statement(sqlite3* database, std::string_view sql)
    : m_database(database)
{
    sqlite3_prepare_v2(database, sql.data(), static_cast<int>(sql.size()), &m_statement, nullptr);
}

Statement::~Statement() { sqlite3_finalize(m_statement); }

Statement& Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number)
{
    sqlite3_bind_int64(m_statement, index, number);
    return *this;
}

Statement& Statement::bind_real(int index, double number)
{
    sqlite3_bind_double(m_statement, index, number);
    return *this;
}

int Statement::step() { return m_statement ? sqlite3_step(m_statement) : SQLITE_ERROR; }

std::string Statement::text(int column) const
{
    const unsigned char* value = sqlite3_column_text(m_statement, column);
    return value ? std::string(reinterpret_cast<const char*>(value)) : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_statement, column); }

double Statement::real(int column) const { return sqlite3_column_double(m_statement, column); }

Error Statement::error(std::string_view what) const
{
    return Error {"state", std::string(what) + ": " + sqlite3_errmsg(m_database), {}, {}};
}

Transaction::Transaction(sqlite3* database)
    : m_database(database)
{
    sqlite3_exec(database, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
}

Transaction::~Transaction()
{
    if (!m_committed)
        sqlite3_exec(m_database, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool Transaction::commit()
{
    m_committed = sqlite3_exec(m_database, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    return m_committed;
}

Expected<void> run(Statement& statement, std::string_view what)
{
    if (statement.step() != SQLITE_DONE)
        return tl::unexpected(statement.error(what));
    return {};
}

std::string now_utc()
{
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::tm utc {};
    gmtime_r(&now, &utc);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return stamp;
}

} // namespace berkas::state
