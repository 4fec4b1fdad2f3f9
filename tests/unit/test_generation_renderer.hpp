#pragma once
// A renderer on the bundled templates, with the sample cases and office, in a
// fresh folder per test: the base of the tests that make real PDFs.
#include "generation/renderer.hpp"
#include "support/temp_dir.hpp"
#include "test_generation_sample.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace berkas::testing {

class RendererTest : public TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        auto created = generation::DocumentRenderer::create(std::filesystem::path(BERKAS_SOURCE_DIR) / "templates");
        ASSERT_TRUE(created) << created.error().describe();
        renderer.emplace(std::move(*created));
    }

    std::optional<generation::DocumentRenderer> renderer;
    CaseResult complete = sample_complete_case();
    CaseResult incomplete = sample_incomplete_case();
    generation::Office office = sample_office();
    generation::LetterContext complete_context {complete, office, "800.1.4/0001/Diskominfo/2026", "2026-11-21"};
    generation::LetterContext incomplete_context {incomplete, office, "", "2026-11-21"};
};

} // namespace berkas::testing
