#pragma once
// Turns what OCR read into clean field values. Pure functions, each tolerant
// of the errors Tesseract makes on scanned Indonesian documents.
#include "model/identity.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace berkas::understanding {

// Reads an identifier of exactly `length` digits from the start of `text`.
// Letters that OCR confuses with digits inside numeric groups are mapped back
// (O/D/Q→0, I/l/|→1, S→5, B→8, Z→2, b→6), and groups printed with spaces
// ("19850312 201001 1 004") are joined.
std::optional<std::string> read_identifier(std::string_view text, size_t length);

// All digits of the first run of numeric groups in `text`, whatever their
// number: what an identifier row holds when OCR added or dropped a digit.
std::string numeric_run(std::string_view text);

// The first e-mail address in `text`, repaired: spaces around '@' and '.'
// removed, '©' read as '@', lower case.
std::optional<std::string> read_email(std::string_view text);

// An Indonesian mobile number as bare digits starting with 0 ("+62 812-…" → "0812…").
std::optional<std::string> read_phone(std::string_view text);

// The first Indonesian date in `text` as ISO "YYYY-MM-DD": "26 Mei 2025",
// "26 Mel 2O25" (month names tolerate one OCR slip), "26-05-2025", "26/05/2025".
std::optional<std::string> read_date(std::string_view text);

// A person's name as printed: trimmed of separators and stray punctuation.
std::string read_name(std::string_view text);

// A free-text value: trimmed, single-spaced, without leading separators.
std::string read_text(std::string_view text);

// The name without academic and religious titles (model/identity.hpp).
using berkas::name_without_titles;

} // namespace berkas::understanding
