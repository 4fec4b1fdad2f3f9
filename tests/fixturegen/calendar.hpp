#pragma once
// Calendar dates and the ways Indonesian documents print them.
#include <string>

namespace berkas::fixture {

struct Date {
    int year = 2000;
    int month = 1;
    int day = 1;
};

int days_in_month(int year, int month);

std::string two_digits(int value);

// "26 Maret 2024" — letters, SKs and forms.
std::string format_long(const Date& date);

// "12-03-1985" — the KTP.
std::string format_dashed(const Date& date);

// "Maret"
std::string month_name(int month);

} // namespace berkas::fixture
