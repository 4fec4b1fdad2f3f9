// A page scanned on its side, upside down or at a slant reads as well as the
// same page scanned upright: Tesseract OSD turns it, Leptonica straightens it.
#include "reading/ocr_engine.hpp"
#include "reading/page_prep.hpp"
#include "reading/reader.hpp"
#include "test_reading_fixtures.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

namespace berkas::reading {
namespace {

std::set<std::string> words_of(const std::string& text)
{
    std::set<std::string> words;
    std::istringstream stream(text);
    for (std::string token; stream >> token;) {
        std::string word;
        for (unsigned char c : token) {
            if (std::isalnum(c))
                word += char(c);
        }
        if (word.size() >= 3)
            words.insert(word);
    }
    return words;
}

// Share of the letter's words that the reading found.
double word_recall(const std::string& text)
{
    std::string truth;
    for (const std::string& line : testing::kLetterLines)
        truth += line + "\n";
    const auto expected = words_of(truth), found = words_of(text);
    int hits = 0;
    for (const std::string& word : expected)
        hits += found.count(word) > 0 ? 1 : 0;
    return double(hits) / double(expected.size());
}

PixPtr skewed(Pix* page, double degrees)
{
    return PixPtr(pixRotate(page, float(degrees * M_PI / 180), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
}

class ReadingOrientation : public testing::OcrTest {
protected:
    double recall_of(const std::string& name, Pix* page)
    {
        auto pages = read_pages(testing::write_bytes(dir() / name, testing::encode(page, IFF_PNG)), *m_ocr);
        EXPECT_TRUE(pages) << pages.error().message;
        if (!pages || pages->size() != 1)
            return 0;
        const double recall = word_recall((*pages)[0].text);
        std::printf("%-18s word recall %5.1f %%, confidence %4.1f\n", name.c_str(), 100 * recall,
                    (*pages)[0].confidence);
        return recall;
    }
};

TEST_F(ReadingOrientation, TurnedAndSkewedPagesReadAsWellAsUpright)
{
    PixPtr upright = testing::scanned_letter(200);
    const double baseline = recall_of("tegak.png", upright.get());
    ASSERT_GT(baseline, 0.9);
    for (int degrees : {90, 180, 270}) {
        PixPtr turned = rotate_clockwise(upright.get(), degrees);
        SCOPED_TRACE(degrees);
        EXPECT_GE(recall_of("putar-" + std::to_string(degrees) + ".png", turned.get()), baseline - 0.03);
    }
    for (double degrees : {3.0, -3.0}) {
        PixPtr slanted = skewed(upright.get(), degrees);
        SCOPED_TRACE(degrees);
        EXPECT_GE(recall_of("miring-" + std::to_string(int(degrees)) + ".png", slanted.get()), baseline - 0.03);
    }
}

} // namespace
} // namespace berkas::reading
