#pragma once
// A prepared SQLite statement that finalises itself.
#include "util/expected.hpp"

#include <cstdint>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace berkas::state {

class Statement {
public:
    Statement(sqlite3* database, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return m_statement != nullptr; }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t number);
    Statement& bind_real(int index, double number);

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;

    Error error(std::string_view what) const;

private:
    sqlite3* m_database;
    sqlite3_stmt* m_statement = nullptr;
};

// A transaction that rolls back unless committed: an error half-way leaves
// the database as it was.
class Transaction {
public:
    explicit Transaction(sqlite3* database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    bool commit();

private:
    sqlite3* m_database;
    bool m_committed = false;
};

// Steps a statement that returns no rows.
Expected<void> run(Statement& statement, std::string_view what);

// The current time as stored in every table: UTC, ISO 8601, to the second.
std::string now_utc();

} // namespace berkas::state
