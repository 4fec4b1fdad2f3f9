#include "util/dates.hpp"

#include <charconv>
#include <cstdio>

namespace berkas {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the
// proleptic Gregorian calendar, no tables, no time zone.
DayNumber day_from_civil(int year, int month, int day)
{
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * static_cast<unsigned>(month > 2 ? month - 3 : month + 9) + 2) / 5 +
                                 static_cast<unsigned>(day) - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

void civil_from_day(DayNumber day, int& year, int& month, int& day_of_month)
{
    day += 719468;
    const std::int64_t era = (day >= 0 ? day : day - 146096) / 146097;
    const unsigned day_of_era = static_cast<unsigned>(day - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned shifted_month = (5 * day_of_year + 2) / 153;
    day_of_month = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2));
}

namespace {

bool read_number(std::string_view text, size_t at, size_t length, int& value)
{
    if (at + length > text.size())
        return false;
    for (size_t i = at; i < at + length; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    std::from_chars(text.data() + at, text.data() + at + length, value);
    return true;
}

bool is_real_day(int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1)
        return false;
    int y, m, d;
    civil_from_day(day_from_civil(year, month, day), y, m, d);
    return y == year && m == month && d == day;
}

} // namespace

std::optional<DayNumber> parse_day(std::string_view iso_date)
{
    int year = 0, month = 0, day = 0;
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-' || !read_number(iso_date, 0, 4, year) ||
        !read_number(iso_date, 5, 2, month) || !read_number(iso_date, 8, 2, day) || !is_real_day(year, month, day))
        return std::nullopt;
    return day_from_civil(year, month, day);
}

std::string format_day(DayNumber day)
{
    int year, month, day_of_month;
    civil_from_day(day, year, month, day_of_month);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day_of_month);
    return text;
}

DayNumber add_years(DayNumber day, int years)
{
    int year, month, day_of_month;
    civil_from_day(day, year, month, day_of_month);
    year += years;
    if (month == 2 && day_of_month == 29 && !is_real_day(year, 2, 29))
        day_of_month = 28;
    return day_from_civil(year, month, day_of_month);
}

int weekday(DayNumber day)
{
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

std::optional<std::time_t> parse_utc_timestamp(std::string_view text)
{
    int hour = 0, minute = 0, second = 0;
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z' ||
        !read_number(text, 11, 2, hour) || !read_number(text, 14, 2, minute) || !read_number(text, 17, 2, second) ||
        hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    auto day = parse_day(text.substr(0, 10));
    if (!day)
        return std::nullopt;
    return static_cast<std::time_t>(*day * 86400 + hour * 3600 + minute * 60 + second);
}

std::string format_utc_timestamp(std::time_t moment)
{
    std::tm utc {};
    gmtime_r(&moment, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

DayNumber local_day(std::time_t moment)
{
    std::tm local {};
    localtime_r(&moment, &local);
    return day_from_civil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::time_t local_day_start(DayNumber day)
{
    int year, month, day_of_month;
    civil_from_day(day, year, month, day_of_month);
    std::tm local {};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day_of_month;
    local.tm_isdst = -1;
    return std::mktime(&local);
}

} // namespace berkas
