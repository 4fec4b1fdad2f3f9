// Errors as people read them: a located message names its file once.
#include "util/expected.hpp"
#include "util/yaml_errors.hpp"

#include <gtest/gtest.h>

using namespace berkas;

TEST(UtilErrors, LocatedMessageNamesItsFileOnce)
{
    Error located = located_error("rules", "rules/default.yaml", 33, 1, "unknown key 'renewal_notice_day'");
    EXPECT_EQ(located.describe(), "rules/default.yaml:33:1: unknown key 'renewal_notice_day'");
    Error plain {"config", "profile 'x' not found", "rules/x.yaml", {}};
    EXPECT_EQ(plain.describe(), "rules/x.yaml: profile 'x' not found");
}

TEST(UtilErrors, CollectorKeepsEveryErrorWithItsPlace)
{
    yaml_errors::Collector errors("x.yaml");
    YAML::Node root;
    ASSERT_TRUE(errors.load("a: 1\nb: [1, 2\n", root) == false);
    auto taken = errors.take();
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_EQ(taken[0].message.rfind("x.yaml:", 0), 0u) << taken[0].message;

    ASSERT_TRUE(errors.load("a: 1\nb: x\n", root));
    errors.attempt([&] { yaml_errors::integer(root["b"], "b"); });
    errors.attempt([&] { yaml_errors::reject_unknown_keys(root, {"a"}); });
    taken = errors.take();
    ASSERT_EQ(taken.size(), 2u);
    EXPECT_EQ(taken[0].message, "x.yaml:2:4: b must be a whole number");
    EXPECT_EQ(taken[1].message, "x.yaml:2:1: unknown key 'b'");
}
