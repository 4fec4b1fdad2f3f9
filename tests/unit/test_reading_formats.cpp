// Pure functions of the reading stage: sniffing, the EXIF parser, the
// text-layer plausibility check.
#include "reading/exif.hpp"
#include "reading/reader.hpp"
#include "reading/text_layer.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace std::string_literals;
using berkas::reading::FileKind;
using berkas::reading::is_usable_text_layer;
using berkas::reading::jpeg_exif_orientation;
using berkas::reading::sniff_kind;

TEST(ReadingSniff, RecognisesMagicBytes)
{
    EXPECT_EQ(sniff_kind("%PDF-1.7\n%\xE2\xE3"), FileKind::pdf);
    EXPECT_EQ(sniff_kind("\xFF\xD8\xFF\xE0\x00\x10JFIF"s), FileKind::jpeg);
    EXPECT_EQ(sniff_kind("\x89PNG\r\n\x1A\n\x00\x00"s), FileKind::png);
    EXPECT_EQ(sniff_kind("II*\x00\x08\x00\x00\x00"s), FileKind::tiff);
    EXPECT_EQ(sniff_kind("MM\x00*\x00\x00\x00\x08"s), FileKind::tiff);
}

TEST(ReadingSniff, AllowsJunkBeforePdfHeaderUpTo1024Bytes)
{
    EXPECT_EQ(sniff_kind(std::string(1024, 'x') + "%PDF-1.4\n"), FileKind::pdf);
    EXPECT_EQ(sniff_kind(std::string(1025, 'x') + "%PDF-1.4\n"), FileKind::unknown);
}

TEST(ReadingSniff, RejectsEverythingElse)
{
    EXPECT_EQ(sniff_kind(""), FileKind::unknown);
    EXPECT_EQ(sniff_kind("PK\x03\x04"), FileKind::unknown); // a .docx or .zip
    EXPECT_EQ(sniff_kind("<!DOCTYPE html><html>"), FileKind::unknown);
    EXPECT_EQ(sniff_kind("\xFF\xD8"), FileKind::unknown); // too short for JPEG
    EXPECT_EQ(sniff_kind("GIF89a"), FileKind::unknown);
    EXPECT_EQ(sniff_kind("II*"), FileKind::unknown);
}

namespace {

std::string be16(unsigned v) { return {char(v >> 8), char(v & 0xFF)}; }
std::string le16(unsigned v) { return {char(v & 0xFF), char(v >> 8)}; }

// An APP1 Exif segment whose IFD0 holds a dummy tag, then Orientation.
std::string exif_segment(bool big_endian, unsigned orientation, unsigned orientation_type = 3)
{
    auto u16 = [&](unsigned v) { return big_endian ? be16(v) : le16(v); };
    auto u32 = [&](unsigned v) { return big_endian ? be16(v >> 16) + be16(v & 0xFFFF) : le16(v & 0xFFFF) + le16(v >> 16); };
    std::string tiff = (big_endian ? "MM"s : "II"s) + u16(42) + u32(8);
    tiff += u16(2);                                                        // two entries
    tiff += u16(0x010F) + u16(2) + u32(4) + "Cam"s + '\0';                 // Make, ASCII
    tiff += u16(0x0112) + u16(orientation_type) + u32(1) + u16(orientation) + u16(0);
    tiff += u32(0); // no next IFD
    const std::string payload = "Exif\0\0"s + tiff;
    return "\xFF\xE1"s + be16(unsigned(payload.size() + 2)) + payload;
}

const std::string kSoi = "\xFF\xD8"s;
const std::string kJfif = "\xFF\xE0"s + be16(16) + "JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00"s;
const std::string kScan = "\xFF\xDA"s + be16(8) + "\x01\x01\x00\x00\x3F\x00"s + "\x12\x34\xFF\xD9"s;

} // namespace

TEST(ReadingExif, ReadsOrientationInBothByteOrders)
{
    for (unsigned value = 1; value <= 8; ++value) {
        EXPECT_EQ(jpeg_exif_orientation(kSoi + exif_segment(true, value) + kScan), int(value));
        EXPECT_EQ(jpeg_exif_orientation(kSoi + kJfif + exif_segment(false, value) + kScan), int(value));
    }
}

TEST(ReadingExif, DefaultsToAsStoredWhenAbsentOrInvalid)
{
    EXPECT_EQ(jpeg_exif_orientation(kSoi + kJfif + kScan), 1);
    EXPECT_EQ(jpeg_exif_orientation(""), 1);
    EXPECT_EQ(jpeg_exif_orientation("not a jpeg"), 1);
    EXPECT_EQ(jpeg_exif_orientation(kSoi + exif_segment(true, 9) + kScan), 1);      // out of range
    EXPECT_EQ(jpeg_exif_orientation(kSoi + exif_segment(true, 6, 4) + kScan), 1);   // LONG, not SHORT
    EXPECT_EQ(jpeg_exif_orientation(kSoi + kScan + exif_segment(true, 6)), 1);      // after the image data
}

TEST(ReadingExif, SurvivesTruncationAndLyingOffsets)
{
    const std::string whole = kSoi + exif_segment(false, 6) + kScan;
    for (std::size_t length = 0; length < whole.size(); ++length)
        EXPECT_GE(jpeg_exif_orientation(whole.substr(0, length)), 1) << length; // no crash, no over-read (ASan)

    std::string lying_ifd = kSoi + exif_segment(false, 6) + kScan;
    lying_ifd[4 + 2 + 6 + 4] = '\xF0'; // IFD0 offset far past the segment
    EXPECT_EQ(jpeg_exif_orientation(lying_ifd), 1);

    std::string lying_count = kSoi + exif_segment(true, 6) + kScan;
    lying_count[4 + 2 + 6 + 8] = '\x7F'; // 32 000 entries in a 40-byte block: reads what is there
    EXPECT_EQ(jpeg_exif_orientation(lying_count), 6);
    lying_count[4 + 2 + 6 + 10 + 12] = '\x7F'; // … and the Orientation entry is no longer one
    EXPECT_EQ(jpeg_exif_orientation(lying_count), 1);

    std::string lying_length = kSoi + exif_segment(true, 6);
    lying_length[4] = '\x7F'; // segment longer than the file
    EXPECT_EQ(jpeg_exif_orientation(lying_length), 1);
}

TEST(ReadingTextLayer, AcceptsRealText)
{
    EXPECT_TRUE(is_usable_text_layer("SURAT PERMOHONAN SERTIFIKAT ELEKTRONIK\nNama : Siti Nurhaliza\n"
                                     "NIK : 3273014506990002"));
    EXPECT_TRUE(is_usable_text_layer("Keputusan Bupati Bandung Nomor 821/Kep.123-BKPSDM/2024 tentang pengangkatan"));
    EXPECT_TRUE(is_usable_text_layer("Café résumé naïve — élève à Jakarta, tanggal 12 Maret 2024, pukul 10.00 WIB"));
}

TEST(ReadingTextLayer, RejectsShortTextWatermarksAndGarbage)
{
    EXPECT_FALSE(is_usable_text_layer(""));
    EXPECT_FALSE(is_usable_text_layer("   \n\f  "));
    EXPECT_FALSE(is_usable_text_layer("Halaman 1 dari 3"));
    EXPECT_FALSE(is_usable_text_layer("Scanned with CamScanner"));
    // Fonts without a ToUnicode map (ocrmypdf truetype_font_nomapping.pdf gives "\"7+%-").
    EXPECT_FALSE(is_usable_text_layer("\"7+%- #$%&'() *+,-./ 0123 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ &%$#\"!"));
    EXPECT_FALSE(is_usable_text_layer("\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83 \xEE\x80\x84\xEE\x80\x85 "
                                      "\xEE\x80\x86\xEE\x80\x87\xEE\x80\x88 \xEE\x80\x89\xEE\x80\x8A "
                                      "\xEE\x80\x8B\xEE\x80\x8C \xEE\x80\x8D\xEE\x80\x8E\xEE\x80\x8F "
                                      "\xEE\x80\x90\xEE\x80\x91\xEE\x80\x92\xEE\x80\x93"));
    EXPECT_FALSE(is_usable_text_layer("\x01\x02\x03\x04\x05\x06\x07\x08 \x0e\x0f\x10\x11 \x12\x13\x14\x15\x16 "
                                      "\x17\x18\x19\x1a \x1b\x1c\x1d\x1e\x1f\x01\x02"));
    EXPECT_FALSE(is_usable_text_layer("Xq3 Zk9 Bp7 Wv2 Qx8 Rt5 Mn4 Pl6 Kj1 Hg0 Fd3 Sx7 Cv9 Bn2"));
    EXPECT_FALSE(is_usable_text_layer("\xFF\xFE\xFD\xFC invalid utf8 \xC3\x28 \xA0\xA1 \xF0\x28\x8C\x28 bytes here"));
}
