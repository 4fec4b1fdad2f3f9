#pragma once
// Calendar days and timestamps without a time-zone library. A day is a count
// of days since 1970-01-01, so "issued + 2 years − 30 days" is integer
// arithmetic; timestamps are stored as UTC ISO 8601 ("2026-03-02T08:15:00Z").
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace berkas {

using DayNumber = std::int64_t;

DayNumber day_from_civil(int year, int month, int day);
void civil_from_day(DayNumber day, int& year, int& month, int& day_of_month);

// Exactly "YYYY-MM-DD" naming a real day; anything else gives nullopt.
std::optional<DayNumber> parse_day(std::string_view iso_date);
std::string format_day(DayNumber day);

// The same day `years` later; 29 February becomes 28 February in a common year.
DayNumber add_years(DayNumber day, int years);

// Monday = 0 … Sunday = 6.
int weekday(DayNumber day);

// "YYYY-MM-DDTHH:MM:SSZ" ↔ time_t.
std::optional<std::time_t> parse_utc_timestamp(std::string_view text);
std::string format_utc_timestamp(std::time_t moment);

// The calendar day of a moment on the office's clock (local time), and the
// moment that day begins.
DayNumber local_day(std::time_t moment);
std::time_t local_day_start(DayNumber day);

} // namespace berkas
