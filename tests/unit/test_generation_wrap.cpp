#include "generation/text_wrap.hpp"

#include <gtest/gtest.h>

namespace berkas::generation {
namespace {

// One unit per character, whatever its UTF-8 length.
double characters(std::string_view text)
{
    double count = 0;
    for (char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

std::vector<std::string> texts(const std::vector<WrappedLine>& lines)
{
    std::vector<std::string> result;
    for (const WrappedLine& line : lines)
        result.push_back(line.text);
    return result;
}

TEST(GenerationWrap, BreaksBetweenWordsWithinTheWidth)
{
    auto lines = wrap_text("aaa bbb ccc ddd eee", 7, characters);
    EXPECT_EQ(texts(lines), (std::vector<std::string> {"aaa bbb", "ccc ddd", "eee"}));
    EXPECT_FALSE(lines[0].ends_paragraph);
    EXPECT_TRUE(lines[2].ends_paragraph);
}

TEST(GenerationWrap, HardBreaksEndParagraphsAndBlanksCollapse)
{
    auto lines = wrap_text("Yth. Kepala   Balai\ndi  Jakarta\n", 40, characters);
    EXPECT_EQ(texts(lines), (std::vector<std::string> {"Yth. Kepala Balai", "di Jakarta"}));
    EXPECT_TRUE(lines[0].ends_paragraph);
    EXPECT_TRUE(lines[1].ends_paragraph);
}

TEST(GenerationWrap, SplitsAWordLongerThanTheLineAtCharacterBoundaries)
{
    auto lines = wrap_text("é\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9 x", 4, characters);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].text, "éééé");
    EXPECT_EQ(lines[1].text, "éééé");
    EXPECT_EQ(lines[2].text, "éé x");
    for (const WrappedLine& line : lines)
        EXPECT_EQ(sanitize_utf8(line.text), line.text) << "a UTF-8 sequence was cut";
}

TEST(GenerationWrap, EmptyTextGivesNoLines)
{
    EXPECT_TRUE(wrap_text("", 10, characters).empty());
    EXPECT_TRUE(wrap_text(" \n", 10, characters).empty());
}

TEST(GenerationWrap, BacksOffToTheStartOfAUtf8Character)
{
    std::string text = "aé"; // 'a', then 0xC3 0xA9
    EXPECT_EQ(utf8_boundary_before(text, 2), 1u);
    EXPECT_EQ(utf8_boundary_before(text, 1), 1u);
    EXPECT_EQ(utf8_boundary_before(text, 9), text.size());
}

TEST(GenerationWrap, SanitizeReplacesWhatTheFontsCannotShow)
{
    EXPECT_EQ(sanitize_utf8("Jl.\tMerdeka"), "Jl. Merdeka");
    EXPECT_EQ(sanitize_utf8("ok \xC3"), "ok ?");          // truncated sequence
    EXPECT_EQ(sanitize_utf8("\xF0\x9F\x98\x80!"), "?!");  // emoji: outside the BMP
    EXPECT_EQ(sanitize_utf8("a\x01" "b\r\nc"), "a?b\nc");
    EXPECT_EQ(sanitize_utf8("Surakarta – “Solo” ±"), "Surakarta – “Solo” ±");
}

} // namespace
} // namespace berkas::generation
