#pragma once
// String helpers with no domain knowledge.
#include <string>
#include <string_view>
#include <vector>

namespace berkas {

std::string trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::string to_upper_ascii(std::string_view text);
std::vector<std::string> split_lines(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
std::string collapse_spaces(std::string_view text);

// Masks all but the last four digits of any run of 9 or more digits, so that a
// NIK or NIP can never reach a log line whole ("3273014506990002" → "************0002").
std::string mask_identifiers(std::string_view text);

// Levenshtein distance on bytes; the inputs are short words.
size_t edit_distance(std::string_view a, std::string_view b);

} // namespace berkas
