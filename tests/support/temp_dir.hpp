#pragma once
// A fresh folder per test. It is removed when the test passes and kept, with
// its path printed, when it fails, so the evidence survives.
#include <gtest/gtest.h>

#include <iostream>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace berkas::testing {

class TempDirTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "berkas-test-XXXXXX").string();
        char* made = ::mkdtemp(pattern.data());
        ASSERT_NE(made, nullptr);
        m_dir = made;
    }

    void TearDown() override
    {
        if (HasFailure() || std::getenv("BERKAS_KEEP_TEST_DIRS") != nullptr) // to look at what a test made
            std::cerr << "test folder kept: " << m_dir << "\n";
        else
            std::filesystem::remove_all(m_dir);
    }

    const std::filesystem::path& dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
};

} // namespace berkas::testing
