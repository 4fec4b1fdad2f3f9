// The structural check of a PDF, with qpdf. Why qpdf rather than the
// libraries berkas already has: poppler-cpp exposes no objects, poppler's
// core API is private (libpoppler-private-dev, unstable between releases),
// and PoDoFo 0.9.8 overflows its stack on a 20,000-deep dictionary and spins
// for minutes on a 2,000-deep one. qpdf's parser is iterative with a nesting
// limit, repairs damaged cross-reference tables, decrypts with the empty user
// password, and decodes streams through a Pipeline, so a Flate bomb can be
// measured without allocating it (RELIABILITY.md §1.6: `qpdf --check` flags
// deep nesting in 0.02 s).
#define POINTERHOLDER_TRANSITION 4 // qpdf 11: std::shared_ptr only, no PointerHolder
#include "reading/pdf_structure.hpp"

#include "reading/pdf_objects.hpp"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <new>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace berkas::reading {

namespace {

// qpdf replaces anything nested deeper than 500 levels with null and says so
// only in this warning (QPDFParser.cc, qpdf 11).
constexpr std::string_view kDeepNestingWarning = "excessively deeply nested";

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

// Counts decompressed bytes and gives up once past `cap`; the bytes
// themselves are dropped, so a bomb costs CPU for `cap` bytes and no memory.
class DecodedByteCounter final : public Pipeline {
public:
    explicit DecodedByteCounter(std::uint64_t cap) : Pipeline("berkas-decoded-bytes", nullptr), m_cap(cap) {}

    void write(unsigned char const*, size_t length) override
    {
        m_count += length;
        if (m_count > m_cap)
            throw std::length_error("decompressed stream over the limit"); // qpdf stops decoding
    }
    void finish() override {}

    std::uint64_t count() const { return m_count; }
    bool over_cap() const { return m_count > m_cap; }

private:
    std::uint64_t m_cap;
    std::uint64_t m_count = 0;
};

// Filters that make image samples. Page content compressed with one of them
// is nonsense that poppler would still decode and parse for minutes
// (pdf.js's bomb_giant.pdf: JBIG2 page contents).
bool is_image_codec(const std::string& filter)
{
    return filter == "/DCTDecode" || filter == "/DCT" || filter == "/JPXDecode" || filter == "/JBIG2Decode" ||
           filter == "/CCITTFaxDecode" || filter == "/CCF";
}

// A signature value dictionary (ISO 32000-1 §12.8.1), or a signature field
// that holds a value. An empty signature field, waiting to be signed, is neither.
bool is_signature(QPDFObjectHandle dictionary)
{
    if (dictionary.getKey("/ByteRange").isArray() && dictionary.hasKey("/Contents"))
        return true;
    return dictionary.getKey("/FT").isNameAndEquals("/Sig") && !dictionary.getKey("/V").isNull();
}

// Streams poppler never decompresses while rendering or extracting text.
bool is_never_decoded(QPDFObjectHandle dictionary)
{
    QPDFObjectHandle type = dictionary.getKey("/Type");
    return type.isNameAndEquals("/EmbeddedFile") || type.isNameAndEquals("/ObjStm") || type.isNameAndEquals("/XRef");
}

class StructureCheck {
public:
    StructureCheck(QPDF& pdf, const ReadLimits& limits) : m_pdf(pdf), m_limits(limits) {}

    Expected<PdfStructure> run()
    {
        // Resolving every object first makes qpdf parse all of them, so that
        // nesting anywhere (even in an object nothing refers to, which
        // PoDoFo would still parse later) is found before anything else.
        const std::vector<QPDFObjectHandle> objects = m_pdf.getAllObjects();
        BERKAS_TRY(check_parser_warnings());
        BERKAS_TRY(walk_page_tree());
        for (const QPDFObjectHandle& object : objects)
            BERKAS_TRY(check_object(object));
        find_direct_scans(); // only now: every stream it decodes has passed the limits
        return m_structure;
    }

private:
    Expected<void> check_parser_warnings()
    {
        for (const QPDFExc& warning : m_pdf.getWarnings()) {
            if (warning.getMessageDetail().find(kDeepNestingWarning) != std::string::npos)
                return nested_too_deep();
        }
        return {};
    }

    Expected<void> nested_too_deep() const
    {
        return make_error("corrupt_pdf", "PDF objects are nested more than " +
                                             std::to_string(m_limits.max_nesting_depth) + " levels deep");
    }

    // Counts the pages as poppler will find them (Catalog::cachePageTree):
    // depth first, a kid that is one of its own ancestors skipped as a loop,
    // and a page being a /Type /Page or any node without /Kids. Every visit
    // counts towards the node limit, so that a tree whose nodes share kids
    // cannot multiply its size.
    Expected<void> walk_page_tree()
    {
        QPDFObjectHandle root = m_pdf.getRoot().getKey("/Pages");
        long long declared = -1;
        if (root.isDictionary() && root.getKey("/Count").getValueAsInt(declared))
            m_structure.declared_pages = declared;
        if (is_page(root))
            return count_page(root); // "Pages top-level is a single Page": poppler reads it
        struct Frame {
            QPDFObjectHandle node;
            int next_kid = 0;
        };
        std::vector<Frame> path;
        std::set<QPDFObjGen> on_path;
        if (root.isDictionary()) {
            path.push_back(Frame {root});
            on_path.insert(root.getObjGen());
        }
        int visits = 0;
        while (!path.empty()) {
            QPDFObjectHandle kids = path.back().node.getKey("/Kids");
            if (!kids.isArray() || path.back().next_kid >= kids.getArrayNItems()) {
                on_path.erase(path.back().node.getObjGen());
                path.pop_back();
                continue;
            }
            QPDFObjectHandle kid = kids.getArrayItem(path.back().next_kid++);
            if (++visits > m_limits.max_page_tree_nodes)
                return make_error("corrupt_pdf", "the page tree has more than " +
                                                     std::to_string(m_limits.max_page_tree_nodes) + " nodes");
            if (!kid.isDictionary() || on_path.count(kid.getObjGen()) > 0)
                continue;
            if (is_page(kid)) {
                BERKAS_TRY(count_page(kid));
                continue;
            }
            path.push_back(Frame {kid});
            on_path.insert(kid.getObjGen());
        }
        if (m_structure.pages == 0)
            return make_error("corrupt_pdf", "PDF has no pages");
        return {};
    }

    static bool is_page(QPDFObjectHandle node)
    {
        return node.isDictionary() && (node.getKey("/Type").isNameAndEquals("/Page") || !node.hasKey("/Kids"));
    }

    Expected<void> count_page(QPDFObjectHandle page)
    {
        if (++m_structure.pages > m_limits.max_pages)
            return make_error("too_many_pages",
                              "PDF has more than " + std::to_string(m_limits.max_pages) + " pages (the limit)");
        remember_content_streams(page.getKey("/Contents"));
        m_structure.scan_dpi.push_back(scan_dpi_of(page));
        m_pages.push_back(page);
        return {};
    }

    void find_direct_scans()
    {
        DirectScanFinder finder;
        for (const QPDFObjectHandle& page : m_pages)
            m_structure.direct_scans.push_back(finder.find(page));
    }

    static double longest_side_points(QPDFObjectHandle page)
    {
        QPDFObjectHandle box = inherited(page, "/MediaBox");
        if (!box.isArray() || box.getArrayNItems() != 4)
            return 0;
        double values[4] = {};
        for (int i = 0; i < 4; ++i) {
            if (!box.getArrayItem(i).getValueAsNumber(values[i]))
                return 0;
        }
        return std::max(std::abs(values[2] - values[0]), std::abs(values[3] - values[1]));
    }

    static int scan_dpi_of(QPDFObjectHandle page)
    {
        const double side = longest_side_points(page);
        // Only dictionaries are asked for keys: qpdf warns otherwise, and a
        // warning counts as damage in check_parser_warnings.
        QPDFObjectHandle resources = inherited(page, "/Resources");
        if (side <= 0 || !resources.isDictionary())
            return 0;
        QPDFObjectHandle images = resources.getKey("/XObject");
        if (!images.isDictionary())
            return 0;
        long long longest_pixels = 0;
        for (const std::string& name : images.getKeys()) {
            QPDFObjectHandle image = images.getKey(name);
            if (!image.isStream() || !image.getDict().getKey("/Subtype").isNameAndEquals("/Image"))
                continue;
            long long width = 0, height = 0;
            QPDFObjectHandle dictionary = image.getDict();
            dictionary.getKey("/Width").getValueAsInt(width);
            dictionary.getKey("/Height").getValueAsInt(height);
            longest_pixels = std::max({longest_pixels, width, height});
        }
        return static_cast<int>(static_cast<double>(longest_pixels) * 72.0 / side);
    }

    void remember_content_streams(QPDFObjectHandle contents)
    {
        if (contents.isStream())
            m_content_streams.insert(contents.getObjGen());
        for (int i = 0; contents.isArray() && i < contents.getArrayNItems(); ++i) {
            if (QPDFObjectHandle part = contents.getArrayItem(i); part.isStream())
                m_content_streams.insert(part.getObjGen());
        }
    }

    // One indirect object and everything nested directly inside it; objects
    // it refers to are checked on their own turn.
    Expected<void> check_object(const QPDFObjectHandle& object)
    {
        std::vector<std::pair<QPDFObjectHandle, int>> pending {{object, 0}};
        while (!pending.empty()) {
            auto [node, depth] = pending.back();
            pending.pop_back();
            if (depth > m_limits.max_nesting_depth)
                return nested_too_deep();
            if (node.isStream()) {
                BERKAS_TRY(check_stream(node));
                node = node.getDict();
            }
            if (node.isDictionary()) {
                m_structure.digitally_signed = m_structure.digitally_signed || is_signature(node);
                for (const auto& [key, value] : node.ditems()) {
                    if (!value.isIndirect())
                        pending.emplace_back(value, depth + 1);
                }
            } else if (node.isArray()) {
                for (const QPDFObjectHandle& value : node.aitems()) {
                    if (!value.isIndirect())
                        pending.emplace_back(value, depth + 1);
                }
            }
        }
        return {};
    }

    Expected<void> check_stream(QPDFObjectHandle stream)
    {
        QPDFObjectHandle dictionary = stream.getDict();
        if (is_image(dictionary))
            return check_image_size(dictionary);
        if (is_content(stream, dictionary)) {
            for (const std::string& filter : filter_names(dictionary)) {
                if (is_image_codec(filter))
                    return make_error("corrupt_pdf", "page content is compressed with the image filter " + filter);
            }
        }
        if (is_never_decoded(dictionary))
            return {};
        return count_decoded_bytes(stream);
    }

    bool is_content(QPDFObjectHandle stream, QPDFObjectHandle dictionary) const
    {
        return m_content_streams.count(stream.getObjGen()) > 0 || dictionary.getKey("/Subtype").isNameAndEquals("/Form") ||
               dictionary.hasKey("/PatternType");
    }

    // Image data is decoded row by row as poppler draws it, so what limits
    // its memory is the size it declares.
    Expected<void> check_image_size(QPDFObjectHandle dictionary) const
    {
        long long width = 0, height = 0;
        if (!dictionary.getKey("/Width").getValueAsInt(width) || !dictionary.getKey("/Height").getValueAsInt(height))
            return {}; // poppler refuses an image without a size
        if (width > m_limits.max_image_side || height > m_limits.max_image_side ||
            width * height > m_limits.max_image_pixels)
            return make_error("image_too_large", "an image in the PDF is " + std::to_string(width) + "×" +
                                                     std::to_string(height) + " px, more than the limit");
        return {};
    }

    Expected<void> count_decoded_bytes(QPDFObjectHandle stream)
    {
        const std::uint64_t left = m_limits.max_decoded_bytes - std::min(m_decoded_bytes, m_limits.max_decoded_bytes);
        DecodedByteCounter counter(std::min(m_limits.max_stream_decoded_bytes, left));
        // A stream qpdf cannot decode is left to poppler, which copes or fails
        // on its own; only the size matters here.
        stream.pipeStreamData(&counter, nullptr, 0, qpdf_dl_generalized, true, false);
        m_decoded_bytes += counter.count();
        if (!counter.over_cap())
            return {};
        if (counter.count() > m_limits.max_stream_decoded_bytes)
            return make_error("too_large", "a stream in the PDF decompresses to more than " +
                                               megabytes(m_limits.max_stream_decoded_bytes) + " (the limit)");
        return make_error("too_large", "the PDF's streams decompress to more than " +
                                           megabytes(m_limits.max_decoded_bytes) + " (the limit)");
    }

    QPDF& m_pdf;
    const ReadLimits& m_limits;
    PdfStructure m_structure;
    std::vector<QPDFObjectHandle> m_pages; // in page order
    std::set<QPDFObjGen> m_content_streams;
    std::uint64_t m_decoded_bytes = 0;
};

} // namespace

Expected<PdfStructure> inspect_pdf_structure(std::string_view bytes, const ReadLimits& limits)
{
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true); // damaged files warn by the thousand; the outcome is what counts
        pdf.processMemoryFile("PDF", bytes.data(), bytes.size(), "");
        return StructureCheck(pdf, limits).run();
    } catch (const QPDFExc& error) {
        if (error.getErrorCode() == qpdf_e_password)
            return make_error("encrypted_pdf", "PDF is protected with an open password");
        return make_error("corrupt_pdf", "PDF is damaged: " + error.getMessageDetail());
    } catch (const std::bad_alloc&) {
        return make_error("out_of_memory", "out of memory while checking the PDF's structure");
    } catch (const std::exception& error) {
        return make_error("corrupt_pdf", std::string("PDF is damaged: ") + error.what());
    }
}

} // namespace berkas::reading
