#include "util/dates.hpp"

#include <gtest/gtest.h>

using namespace berkas;

TEST(UtilDates, ParsesOnlyRealDays)
{
    EXPECT_EQ(parse_day("1970-01-01"), 0);
    EXPECT_EQ(format_day(*parse_day("2026-03-31")), "2026-03-31");
    EXPECT_TRUE(parse_day("2024-02-29").has_value());
    EXPECT_FALSE(parse_day("2026-02-29").has_value());
    EXPECT_FALSE(parse_day("2026-02-30").has_value());
    EXPECT_FALSE(parse_day("2026-13-01").has_value());
    EXPECT_FALSE(parse_day("31-03-2026").has_value());
    EXPECT_FALSE(parse_day("2026-3-1").has_value());
}

TEST(UtilDates, ArithmeticOnDays)
{
    EXPECT_EQ(format_day(add_years(*parse_day("2026-03-10"), 2)), "2028-03-10");
    EXPECT_EQ(format_day(add_years(*parse_day("2028-02-29"), 2)), "2030-02-28");
    EXPECT_EQ(weekday(*parse_day("2026-03-30")), 0); // a Monday
    EXPECT_EQ(weekday(*parse_day("2026-01-01")), 3); // a Thursday
    EXPECT_EQ(*parse_day("2026-05-10") - *parse_day("2026-03-31"), 40);
}

TEST(UtilDates, TimestampsRoundTrip)
{
    auto moment = parse_utc_timestamp("2026-03-02T01:00:00Z");
    ASSERT_TRUE(moment.has_value());
    EXPECT_EQ(*moment, 1772413200);
    EXPECT_EQ(format_utc_timestamp(*moment), "2026-03-02T01:00:00Z");
    EXPECT_FALSE(parse_utc_timestamp("2026-03-02 01:00:00").has_value());
    EXPECT_FALSE(parse_utc_timestamp("2026-03-02T25:00:00Z").has_value());
}
