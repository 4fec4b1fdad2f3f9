#include "calendar.hpp"

#include <array>
#include <string_view>

namespace berkas::fixture {

int days_in_month(int year, int month)
{
    static constexpr std::array<int, 12> days {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days.at(static_cast<size_t>(month - 1));
}

std::string two_digits(int value)
{
    std::string text = std::to_string(value % 100);
    return text.size() == 1 ? std::string(1, '0') + text : text;
}

std::string month_name(int month)
{
    static constexpr std::array<std::string_view, 12> names {"Januari", "Februari", "Maret",     "April",
                                                             "Mei",     "Juni",     "Juli",      "Agustus",
                                                             "September", "Oktober", "November", "Desember"};
    return std::string(names.at(static_cast<size_t>(month - 1)));
}

std::string format_long(const Date& date)
{
    return std::to_string(date.day) + " " + month_name(date.month) + " " + std::to_string(date.year);
}

std::string format_dashed(const Date& date)
{
    return two_digits(date.day) + "-" + two_digits(date.month) + "-" + std::to_string(date.year);
}

} // namespace berkas::fixture
