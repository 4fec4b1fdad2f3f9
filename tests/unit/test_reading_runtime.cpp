// The shortcuts berkas takes around Tesseract's runtime (tesseract_runtime.hpp):
// bound in an executable linked like berkas, used by real recognition, and
// without effect on what is recognised.
#include "reading/ocr_engine.hpp"
#include "reading/tesseract_runtime.hpp"
#include "test_reading_fixtures.hpp"

#include <gtest/gtest.h>

#include <leptonica/allheaders.h>

#include <vector>

extern "C" {
void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned num_threads, unsigned count, unsigned flags);
unsigned GOMP_sections_next();
void GOMP_sections_end_nowait();
}

namespace berkas::reading {
namespace {

namespace runtime = tesseract_runtime;

class ReadingRuntime : public testing::OcrTest {
protected:
    void TearDown() override
    {
        runtime::set_enabled(true);
        OcrTest::TearDown();
    }
};

TEST_F(ReadingRuntime, ShortcutsAreBoundInAnExecutableLinkedLikeBerkas)
{
    const auto shortcuts = runtime::in_effect();
    EXPECT_TRUE(shortcuts.serial_openmp);
    EXPECT_TRUE(shortcuts.raw_line_images);
    // Also says that the object layout agreed with the library's functions.
    EXPECT_TRUE(shortcuts.stride_index);
    EXPECT_TRUE(shortcuts.time_step_writes);
    runtime::set_enabled(false);
    EXPECT_FALSE(runtime::in_effect().serial_openmp);
    EXPECT_FALSE(runtime::in_effect().raw_line_images);
    EXPECT_FALSE(runtime::in_effect().stride_index);
    EXPECT_FALSE(runtime::in_effect().time_step_writes);
}

TEST_F(ReadingRuntime, EachNetworkReplacementSwitchesOffAlone)
{
    runtime::set_stride_index_enabled(false);
    EXPECT_FALSE(runtime::in_effect().stride_index);
    EXPECT_TRUE(runtime::in_effect().time_step_writes);
    runtime::set_stride_index_enabled(true);
    runtime::set_time_step_writes_enabled(false);
    EXPECT_TRUE(runtime::in_effect().stride_index);
    EXPECT_FALSE(runtime::in_effect().time_step_writes);
    runtime::set_time_step_writes_enabled(true);
    EXPECT_TRUE(runtime::in_effect().time_step_writes);
}

TEST_F(ReadingRuntime, RecognitionGoesThroughTheShortcutsAndReadsTheSameText)
{
    PixPtr page = testing::scanned_letter(200);
    const auto before = runtime::uses_on_this_thread();
    auto with_shortcuts = m_ocr->recognize(page.get());
    const auto after = runtime::uses_on_this_thread();
    ASSERT_TRUE(with_shortcuts);
    // One parallel region per LSTM time step, one line image per text line.
    EXPECT_GT(after.inline_regions - before.inline_regions, 1000u);
    EXPECT_GE(after.raw_line_images - before.raw_line_images, 10u);
    // The cursor steps through every time step of the convolution and
    // pooling layers, and each LSTM layer writes every time step.
    EXPECT_GT(after.stride_increments - before.stride_increments, 1000u);
    EXPECT_GT(after.time_step_writes - before.time_step_writes, 1000u);

    runtime::set_enabled(false);
    auto without = m_ocr->recognize(page.get());
    ASSERT_TRUE(without);
    EXPECT_EQ(runtime::uses_on_this_thread().inline_regions, after.inline_regions);
    EXPECT_EQ(runtime::uses_on_this_thread().raw_line_images, after.raw_line_images);
    EXPECT_EQ(runtime::uses_on_this_thread().stride_increments, after.stride_increments);
    EXPECT_EQ(runtime::uses_on_this_thread().time_step_writes, after.time_step_writes);

    EXPECT_NE(with_shortcuts->text.find("3273014506990002"), std::string::npos) << with_shortcuts->text;
    EXPECT_EQ(with_shortcuts->text, without->text);
    EXPECT_EQ(with_shortcuts->mean_confidence, without->mean_confidence);
}

TEST_F(ReadingRuntime, PngWrittenOutsideTesseractStaysPng)
{
    PixPtr page = testing::scanned_letter(100);
    const std::string bytes = testing::encode(page.get(), IFF_PNG);
    ASSERT_GT(bytes.size(), 8u);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
}

struct SectionLog {
    std::vector<unsigned> outer;
    std::vector<unsigned> inner;
};

void inner_sections(void* data)
{
    auto& log = *static_cast<SectionLog*>(data);
    for (unsigned section = GOMP_sections_next(); section != 0; section = GOMP_sections_next())
        log.inner.push_back(section);
    GOMP_sections_end_nowait();
}

// What GCC makes of `#pragma omp parallel sections`: the body asks which
// section to run until told 0. A section here opens a nested construct.
void outer_sections(void* data)
{
    auto& log = *static_cast<SectionLog*>(data);
    for (unsigned section = GOMP_sections_next(); section != 0; section = GOMP_sections_next()) {
        log.outer.push_back(section);
        if (section == 2)
            GOMP_parallel_sections(inner_sections, data, 0, 2, 0);
    }
    GOMP_sections_end_nowait();
}

TEST(ReadingRuntimeSections, EverySectionRunsOnceAlsoWhenNested)
{
    SectionLog log;
    GOMP_parallel_sections(outer_sections, &log, 4, 3, 0);
    EXPECT_EQ(log.outer, (std::vector<unsigned> {1, 2, 3}));
    EXPECT_EQ(log.inner, (std::vector<unsigned> {1, 2}));
}

} // namespace
} // namespace berkas::reading
