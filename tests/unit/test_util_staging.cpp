#include "support/temp_dir.hpp"
#include "util/file.hpp"
#include "util/staging.hpp"

#include <gtest/gtest.h>

using namespace berkas;
namespace fs = std::filesystem;

class UtilStaging : public berkas::testing::TempDirTest {};

TEST_F(UtilStaging, PublishesAFolderWholeAndReplacesTheOldOne)
{
    fs::path target = dir() / "bsre" / "kasus-1";
    {
        auto staging = StagingFolder::create(target);
        ASSERT_TRUE(staging.has_value());
        ASSERT_TRUE(write_file_atomic(staging->path() / "a.txt", "lama"));
        ASSERT_TRUE(write_file_atomic(staging->path() / "b.txt", "lama"));
        EXPECT_FALSE(fs::exists(target)); // nothing visible before publishing
        ASSERT_TRUE(staging->publish());
    }
    auto staging = StagingFolder::create(target);
    ASSERT_TRUE(staging.has_value());
    ASSERT_TRUE(write_file_atomic(staging->path() / "a.txt", "baru"));
    ASSERT_TRUE(staging->publish());
    EXPECT_EQ(*read_file(target / "a.txt"), "baru");
    EXPECT_FALSE(fs::exists(target / "b.txt")); // the old folder went as a whole
    EXPECT_EQ(std::distance(fs::directory_iterator(dir() / "bsre"), fs::directory_iterator()), 1);
}

TEST_F(UtilStaging, LeftoversOfCrashedBuildsAreRemovedAndUnpublishedFoldersVanish)
{
    fs::path target = dir() / "bsre" / "kasus-2";
    fs::create_directories(dir() / "bsre" / ".kasus-2.staging-999999999"); // no such process
    fs::create_directories(dir() / "bsre" / ".kasus-3.staging-999999999"); // another target: left alone
    {
        auto staging = StagingFolder::create(target);
        ASSERT_TRUE(staging.has_value());
        EXPECT_FALSE(fs::exists(dir() / "bsre" / ".kasus-2.staging-999999999"));
        EXPECT_TRUE(fs::exists(staging->path()));
    } // never published: removed
    EXPECT_FALSE(fs::exists(target));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir() / "bsre"), fs::directory_iterator()), 1);
}
