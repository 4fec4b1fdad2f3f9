// Recognising direct scans (direct_scan.hpp) with qpdf. The test is strict on
// purpose: a page that is almost a plain scan is rendered by poppler, which
// costs ~100 ms; a page decoded wrongly costs its text.
#define POINTERHOLDER_TRANSITION 4 // qpdf 11: std::shared_ptr only, no PointerHolder
#include "reading/direct_scan.hpp"

#include "reading/pdf_objects.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace berkas::reading {

namespace {

// "q 595.2 0 0 841.92 0 0 cm /X1 Do Q" is 35 bytes; content much longer than
// that draws more than one image, and is not worth decompressing to find out.
constexpr std::size_t kMaxScanContentBytes = 1024;
// q, six numbers, cm, a name, Do, Q.
constexpr std::size_t kScanDrawingTokens = 11;
// Scanners write the page size rounded to a tenth or hundredth of a point.
constexpr double kCoverTolerancePoints = 1.0;

// Keeps what streams decode to, up to a cap; qpdf stops decoding when write throws.
class CappedText final : public Pipeline {
public:
    explicit CappedText(std::size_t cap) : Pipeline("berkas-scan-content", nullptr), m_cap(cap) {}

    void write(unsigned char const* data, size_t length) override
    {
        if (m_text.size() + length > m_cap) {
            m_over_cap = true;
            throw std::length_error("page content longer than a scan's");
        }
        m_text.append(reinterpret_cast<const char*>(data), length);
    }
    void finish() override {}

    bool over_cap() const { return m_over_cap; }
    std::string take() { return std::move(m_text); }

private:
    std::size_t m_cap;
    std::string m_text;
    bool m_over_cap = false;
};

// The page's content streams decoded and joined, or nullopt when one cannot be
// decoded or together they are longer than a scan page's.
std::optional<std::string> short_page_content(QPDFObjectHandle contents)
{
    std::vector<QPDFObjectHandle> streams = contents.isArray() ? contents.getArrayAsVector()
                                                               : std::vector<QPDFObjectHandle> {contents};
    if (streams.empty())
        return std::nullopt;
    CappedText text(kMaxScanContentBytes);
    for (QPDFObjectHandle& stream : streams) {
        if (!stream.isStream())
            return std::nullopt;
        bool decoded = false;
        const bool piped = stream.pipeStreamData(&text, &decoded, 0, qpdf_dl_generalized, true, false);
        if (!piped || text.over_cap() || (!decoded && stream.getDict().hasKey("/Filter")))
            return std::nullopt;
        // Streams of one page end between tokens; poppler reads them as one.
        const unsigned char separator = '\n';
        text.write(&separator, 1);
    }
    return text.take();
}

// At most `limit` tokens, comments and whitespace skipped; a bad token ends the list.
std::vector<QPDFTokenizer::Token> tokens_of(const std::string& content, std::size_t limit)
{
    auto input = std::make_shared<BufferInputSource>("page content", content);
    QPDFTokenizer tokenizer;
    tokenizer.allowEOF();
    std::vector<QPDFTokenizer::Token> tokens;
    while (tokens.size() < limit) {
        tokens.push_back(tokenizer.readToken(input, "page content", true));
        const QPDFTokenizer::token_type_e type = tokens.back().getType();
        if (type == QPDFTokenizer::tt_eof) {
            tokens.pop_back();
            break;
        }
        if (type == QPDFTokenizer::tt_bad)
            break;
    }
    return tokens;
}

std::optional<double> number_in(const QPDFTokenizer::Token& token)
{
    if (token.getType() != QPDFTokenizer::tt_integer && token.getType() != QPDFTokenizer::tt_real)
        return std::nullopt;
    std::string_view text = token.getValue();
    if (!text.empty() && text.front() == '+') // PDF allows it, from_chars does not
        text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

struct ImageDrawing {
    std::array<double, 6> matrix {}; // the cm operands a b c d e f
    std::string name;                // the XObject drawn
};

// Content that is exactly "q a b c d e f cm /Name Do Q".
std::optional<ImageDrawing> single_image_drawing(const std::string& content)
{
    const std::vector<QPDFTokenizer::Token> tokens = tokens_of(content, kScanDrawingTokens + 1);
    if (tokens.size() != kScanDrawingTokens || !tokens[0].isWord("q") || !tokens[7].isWord("cm") ||
        tokens[8].getType() != QPDFTokenizer::tt_name || !tokens[9].isWord("Do") || !tokens[10].isWord("Q"))
        return std::nullopt;
    ImageDrawing drawing;
    for (std::size_t i = 0; i < drawing.matrix.size(); ++i) {
        const std::optional<double> value = number_in(tokens[1 + i]);
        if (!value)
            return std::nullopt;
        drawing.matrix[i] = *value;
    }
    drawing.name = tokens[8].getValue();
    return drawing;
}

struct Box {
    double left = 0, bottom = 0, right = 0, top = 0;
    double width() const { return right - left; }
    double height() const { return top - bottom; }
};

std::optional<Box> box_in(QPDFObjectHandle rectangle)
{
    if (!rectangle.isArray() || rectangle.getArrayNItems() != 4)
        return std::nullopt;
    std::array<double, 4> values {};
    for (int i = 0; i < 4; ++i) {
        if (!rectangle.getArrayItem(i).getValueAsNumber(values[std::size_t(i)]))
            return std::nullopt;
    }
    return Box {std::min(values[0], values[2]), std::min(values[1], values[3]), std::max(values[0], values[2]),
                std::max(values[1], values[3])};
}

// What poppler shows of the page: the crop box clipped to the media box.
std::optional<Box> visible_box(QPDFObjectHandle page)
{
    std::optional<Box> visible = box_in(inherited(page, "/MediaBox"));
    if (!visible)
        return std::nullopt;
    if (const std::optional<Box> crop = box_in(inherited(page, "/CropBox")))
        visible = Box {std::max(visible->left, crop->left), std::max(visible->bottom, crop->bottom),
                       std::min(visible->right, crop->right), std::min(visible->top, crop->top)};
    if (visible->width() <= 0 || visible->height() <= 0)
        return std::nullopt;
    return visible;
}

// The drawing maps the image's unit square onto the whole visible page, upright.
bool covers(const std::array<double, 6>& matrix, const Box& page)
{
    const auto near = [](double a, double b) { return std::abs(a - b) <= kCoverTolerancePoints; };
    const auto [a, b, c, d, e, f] = matrix;
    return a > 0 && d > 0 && b == 0 && c == 0 && near(a, page.width()) && near(d, page.height()) &&
           near(e, page.left) && near(f, page.bottom);
}

// A turn, or annotations (stamps, form fields, signature appearances), change
// what poppler draws beyond the page content.
bool shows_only_its_content(QPDFObjectHandle page)
{
    QPDFObjectHandle rotate = inherited(page, "/Rotate");
    long long degrees = 0;
    if (!rotate.isNull() && !(rotate.getValueAsInt(degrees) && degrees == 0))
        return false;
    QPDFObjectHandle annotations = page.getKey("/Annots");
    return !(annotations.isArray() && annotations.getArrayNItems() > 0);
}

QPDFObjectHandle drawn_xobject(QPDFObjectHandle page, const std::string& name)
{
    QPDFObjectHandle resources = inherited(page, "/Resources");
    QPDFObjectHandle xobjects = resources.isDictionary() ? resources.getKey("/XObject") : resources;
    return xobjects.isDictionary() ? xobjects.getKey(name) : QPDFObjectHandle::newNull();
}

// 1 (gray) or 3 (RGB) for the colour spaces whose samples poppler draws as
// libjpeg decodes them; 0 for any other.
int components_of(QPDFObjectHandle colour_space)
{
    if (colour_space.isNameAndEquals("/DeviceGray"))
        return 1;
    if (colour_space.isNameAndEquals("/DeviceRGB"))
        return 3;
    if (!colour_space.isArray() || colour_space.getArrayNItems() != 2 ||
        !colour_space.getArrayItem(0).isNameAndEquals("/ICCBased"))
        return 0;
    QPDFObjectHandle profile = colour_space.getArrayItem(1);
    long long components = 0;
    if (!profile.isStream() || !profile.getDict().getKey("/N").getValueAsInt(components))
        return 0;
    return components == 1 || components == 3 ? int(components) : 0;
}

// An array of one filter or parameter dictionary means that one item.
QPDFObjectHandle sole_item(QPDFObjectHandle object)
{
    return object.isArray() && object.getArrayNItems() == 1 ? object.getArrayItem(0) : object;
}

// The DCT filter alone, without parameters (/ColorTransform would override
// what libjpeg reads from the JPEG itself).
bool is_plain_jpeg(QPDFObjectHandle dictionary)
{
    QPDFObjectHandle parameters = sole_item(dictionary.getKey("/DecodeParms"));
    const bool no_parameters = parameters.isNull() || (parameters.isDictionary() && parameters.getKeys().empty());
    return sole_item(dictionary.getKey("/Filter")).isNameAndEquals("/DCTDecode") && no_parameters;
}

// Masks, stencils and optional content make poppler draw something other
// than the decoded samples.
bool is_drawn_unmasked(QPDFObjectHandle dictionary)
{
    QPDFObjectHandle stencil = dictionary.getKey("/ImageMask");
    return (stencil.isNull() || (stencil.isBool() && !stencil.getBoolValue())) && !dictionary.hasKey("/SMask") &&
           !dictionary.hasKey("/Mask") && !dictionary.hasKey("/OC");
}

bool has_bits_per_component(QPDFObjectHandle dictionary, long long expected)
{
    long long bits = 0;
    return dictionary.getKey("/BitsPerComponent").getValueAsInt(bits) && bits == expected;
}

// No decode array, or the default [0 1] of a gray image: any other inverts or
// remaps the samples.
bool keeps_gray_samples(QPDFObjectHandle decode)
{
    if (decode.isNull())
        return true;
    double low = -1, high = -1;
    return decode.isArray() && decode.getArrayNItems() == 2 && decode.getArrayItem(0).getValueAsNumber(low) &&
           decode.getArrayItem(1).getValueAsNumber(high) && low == 0 && high == 1;
}

std::optional<long long> integer_or(QPDFObjectHandle parameters, const char* key, long long fallback)
{
    QPDFObjectHandle value = parameters.getKey(key);
    if (value.isNull())
        return fallback;
    long long integer = 0;
    return value.getValueAsInt(integer) ? std::optional<long long>(integer) : std::nullopt;
}

std::optional<bool> flag_or(QPDFObjectHandle parameters, const char* key, bool fallback)
{
    QPDFObjectHandle value = parameters.getKey(key);
    if (value.isNull())
        return fallback;
    return value.isBool() ? std::optional<bool>(value.getBoolValue()) : std::nullopt;
}

// Keys other than these may change the decoding in ways nobody has checked.
bool has_only_known_ccitt_keys(QPDFObjectHandle parameters)
{
    static const std::set<std::string> known = {"/K",         "/Columns",   "/Rows",
                                                "/BlackIs1",  "/EndOfLine", "/EncodedByteAlign",
                                                "/EndOfBlock", "/DamagedRowsBeforeError"};
    const std::set<std::string> keys = parameters.getKeys();
    return std::all_of(keys.begin(), keys.end(), [](const std::string& key) { return known.count(key) > 0; });
}

// The CCITTFaxDecode filter alone, with parameters the decoder reproduces
// exactly what poppler draws from. libtiff finds Group 3 rows by their
// end-of-line codes, so Group 3 data must declare them (and Group 4 data must
// not have them), and it does not skip the fill bits of /EncodedByteAlign;
// /DamagedRowsBeforeError only matters for damaged data, which the decoder
// leaves to poppler anyway. Mixed 1-D/2-D Group 3 (/K > 0) is left to poppler
// (direct_scan.hpp).
std::optional<CcittParameters> decodable_ccitt(QPDFObjectHandle dictionary, int width, int height)
{
    if (!sole_item(dictionary.getKey("/Filter")).isNameAndEquals("/CCITTFaxDecode"))
        return std::nullopt;
    QPDFObjectHandle parameters = sole_item(dictionary.getKey("/DecodeParms"));
    if (parameters.isNull())
        parameters = QPDFObjectHandle::newDictionary();
    if (!parameters.isDictionary() || !has_only_known_ccitt_keys(parameters))
        return std::nullopt;
    const std::optional<long long> k = integer_or(parameters, "/K", 0);
    const std::optional<long long> columns = integer_or(parameters, "/Columns", 1728);
    const std::optional<long long> rows = integer_or(parameters, "/Rows", height);
    const std::optional<long long> damaged_rows = integer_or(parameters, "/DamagedRowsBeforeError", 0);
    const std::optional<bool> black_is_1 = flag_or(parameters, "/BlackIs1", false);
    const std::optional<bool> byte_aligned = flag_or(parameters, "/EncodedByteAlign", false);
    const std::optional<bool> end_of_line = flag_or(parameters, "/EndOfLine", false);
    const std::optional<bool> end_of_block = flag_or(parameters, "/EndOfBlock", true);
    if (!k || !columns || !rows || !damaged_rows || !black_is_1 || !byte_aligned || !end_of_line || !end_of_block ||
        *k > 0 || *columns != width || *rows != height || *byte_aligned || *end_of_line != (*k == 0))
        return std::nullopt;
    return CcittParameters {*k < 0 ? CcittScheme::group4 : CcittScheme::group3_1d, *black_is_1, *end_of_block};
}

struct ImageSize {
    int width = 0, height = 0;
};

std::optional<ImageSize> declared_size(QPDFObjectHandle dictionary)
{
    long long width = 0, height = 0;
    if (!dictionary.getKey("/Width").getValueAsInt(width) || !dictionary.getKey("/Height").getValueAsInt(height) ||
        width <= 0 || height <= 0 || width > std::numeric_limits<int>::max() ||
        height > std::numeric_limits<int>::max())
        return std::nullopt;
    return ImageSize {int(width), int(height)};
}

// A JPEG poppler would draw exactly as decoded.
std::optional<DirectScan> plain_jpeg_scan(QPDFObjectHandle dictionary, ImageSize size)
{
    if (!is_plain_jpeg(dictionary) || !has_bits_per_component(dictionary, 8) || dictionary.hasKey("/Decode"))
        return std::nullopt;
    DirectScan scan;
    scan.encoding = ScanEncoding::jpeg;
    scan.width = size.width;
    scan.height = size.height;
    scan.components = components_of(dictionary.getKey("/ColorSpace"));
    if (scan.components == 0)
        return std::nullopt;
    return scan;
}

// A black-and-white CCITT scan poppler would draw as its bits say: 0 black,
// 1 white, before /BlackIs1 swaps them.
std::optional<DirectScan> bilevel_ccitt_scan(QPDFObjectHandle dictionary, ImageSize size)
{
    if (!has_bits_per_component(dictionary, 1) || !dictionary.getKey("/ColorSpace").isNameAndEquals("/DeviceGray") ||
        !keeps_gray_samples(dictionary.getKey("/Decode")))
        return std::nullopt;
    const std::optional<CcittParameters> parameters = decodable_ccitt(dictionary, size.width, size.height);
    if (!parameters)
        return std::nullopt;
    DirectScan scan;
    scan.encoding = ScanEncoding::ccitt;
    scan.width = size.width;
    scan.height = size.height;
    scan.components = 1;
    scan.ccitt = *parameters;
    return scan;
}

// The image's own part of a DirectScan (encoding, size, components), when its
// data can be decoded to exactly what poppler would draw.
std::optional<DirectScan> directly_decodable_image(QPDFObjectHandle image)
{
    if (!image.isStream())
        return std::nullopt;
    QPDFObjectHandle dictionary = image.getDict();
    if (!is_image(dictionary) || !is_drawn_unmasked(dictionary))
        return std::nullopt;
    const std::optional<ImageSize> size = declared_size(dictionary);
    if (!size)
        return std::nullopt;
    if (std::optional<DirectScan> jpeg = plain_jpeg_scan(dictionary, *size))
        return jpeg;
    return bilevel_ccitt_scan(dictionary, *size);
}

} // namespace

std::optional<DirectScan> DirectScanFinder::find(QPDFObjectHandle page)
{
    try {
        return find_or_throw(page);
    } catch (const std::exception&) {
        return std::nullopt; // poppler renders the page, or reports the damage, as before
    }
}

std::optional<DirectScan> DirectScanFinder::find_or_throw(QPDFObjectHandle page)
{
    const std::optional<Box> visible = visible_box(page);
    if (!visible || !shows_only_its_content(page))
        return std::nullopt;
    const std::optional<std::string> content = short_page_content(page.getKey("/Contents"));
    const std::optional<ImageDrawing> drawing = content ? single_image_drawing(*content) : std::nullopt;
    if (!drawing || !covers(drawing->matrix, *visible))
        return std::nullopt;
    QPDFObjectHandle image = drawn_xobject(page, drawing->name);
    std::optional<DirectScan> scan = directly_decodable_image(image);
    if (!scan)
        return std::nullopt;
    scan->page_width = visible->width();
    scan->page_height = visible->height();
    scan->data = encoded_data(image);
    return scan;
}

// The stream's data after decryption, before any filter.
std::shared_ptr<const std::string> DirectScanFinder::encoded_data(QPDFObjectHandle image)
{
    const QPDFObjGen id = image.getObjGen();
    std::shared_ptr<const std::string>& data = m_data_of_image[{id.getObj(), id.getGen()}];
    if (!data) {
        const std::shared_ptr<Buffer> raw = image.getRawStreamData();
        data = std::make_shared<const std::string>(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
    }
    return data;
}

} // namespace berkas::reading
