#include "submission/pdf_bundle.hpp"

#include "util/file.hpp"

#include <nlohmann/json.hpp>
#include <openssl/provider.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cctype>

namespace berkas::submission {

namespace {

using namespace PoDoFo;

constexpr double margin = 36; // points

bool is_pdf(std::string_view bytes)
{
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool is_tiff(std::string_view bytes)
{
    return bytes.substr(0, 4) == std::string_view("II*\0", 4) || bytes.substr(0, 4) == std::string_view("MM\0*", 4);
}

// The base-14 Helvetica only has WinAnsi: keep notice text to printable ASCII.
std::string ascii(std::string_view text)
{
    std::string out;
    for (unsigned char c : text)
        out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    return out;
}

// Once per process: RC4 and AES-128 owner-password PDFs need OpenSSL's legacy
// provider for their key derivation (PDF-OCR.md §3.2).
void prepare_podofo()
{
    static bool prepared = false;
    if (prepared)
        return;
    OSSL_PROVIDER_load(nullptr, "legacy");
    OSSL_PROVIDER_load(nullptr, "default");
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
    prepared = true;
}

void add_notice_page(PdfMemDocument& bundle, const std::vector<std::string>& lines)
{
    PdfPage* page = bundle.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    PdfFont* font = bundle.CreateFont("Helvetica");
    font->SetFontSize(12);
    painter.SetFont(font);
    double y = page->GetPageSize().GetHeight() - 2 * margin;
    for (const std::string& line : lines) {
        painter.DrawText(2 * margin, y, PdfString(ascii(line)));
        y -= 18;
    }
    painter.FinishPage();
}

void attach(PdfMemDocument& bundle, const BundleInput& input, const std::string& bytes)
{
    std::string name = std::filesystem::path(input.name).filename().string();
    PdfFileSpec spec(name.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     static_cast<ptrdiff_t>(bytes.size()), &bundle);
    bundle.AttachFile(spec);
}

BundleEntry attach_with_notice(PdfMemDocument& bundle, const BundleInput& input, const std::string& bytes,
                               const std::string& reason)
{
    attach(bundle, input, bytes);
    add_notice_page(bundle, {"Lampiran: " + input.name, "Jenis dokumen: " + input.types, "",
                             "Berkas ini dilampirkan utuh, tidak digabung: " + reason + ".",
                             "Bukalah dari daftar lampiran (attachments) PDF ini."});
    return BundleEntry {input.name, input.types, "attachment", reason, 1};
}

BundleEntry merge_pdf(PdfMemDocument& bundle, const BundleInput& input, const std::string& bytes)
{
    PdfMemDocument document;
    try {
        document.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    } catch (const PdfError& error) {
        bool locked = error.GetError() == ePdfError_InvalidPassword;
        return attach_with_notice(bundle, input, bytes, locked ? "PDF terkunci kata sandi" : "PDF tidak dapat dibuka");
    }
    int before = bundle.GetPageCount();
    bundle.Append(document);
    return BundleEntry {input.name, input.types, "pages", "", bundle.GetPageCount() - before};
}

BundleEntry add_image_page(PdfMemDocument& bundle, const BundleInput& input, const std::string& bytes)
{
    PdfImage image(&bundle);
    try {
        image.LoadFromData(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<pdf_long>(bytes.size()));
    } catch (const PdfError&) {
        return attach_with_notice(bundle, input, bytes, "format berkas tidak dikenali");
    }
    double width = image.GetWidth(), height = image.GetHeight();
    PdfRect a4 = PdfPage::CreateStandardPageSize(ePdfPageSize_A4, width > height);
    double scale = std::min((a4.GetWidth() - 2 * margin) / width, (a4.GetHeight() - 2 * margin) / height);
    PdfPage* page = bundle.CreatePage(a4);
    PdfPainter painter;
    painter.SetPage(page);
    painter.DrawImage((a4.GetWidth() - width * scale) / 2, (a4.GetHeight() - height * scale) / 2, &image, scale, scale);
    painter.FinishPage();
    BundleEntry entry {input.name, input.types, "image", "", 1};
    if (is_tiff(bytes)) {
        attach(bundle, input, bytes); // PoDoFo draws only a TIFF's first page: the original travels too
        entry.reason = "TIFF asli juga dilampirkan";
    }
    return entry;
}

Expected<BundleEntry> add_input(PdfMemDocument& bundle, const BundleInput& input)
{
    std::string bytes = BERKAS_TRY(read_file(input.path));
    if (is_pdf(bytes) && is_signed_pdf(bytes))
        return attach_with_notice(bundle, input, bytes, "PDF bertanda tangan elektronik, tanda tangannya dijaga");
    if (is_pdf(bytes))
        return merge_pdf(bundle, input, bytes);
    return add_image_page(bundle, input, bytes);
}

} // namespace

bool is_signed_pdf(std::string_view bytes)
{
    if (bytes.find("/ByteRange") != std::string_view::npos)
        return true;
    // "/Type /Sig" with any white space between, but not "/Type /SigFieldLock".
    for (size_t at = bytes.find("/Type"); at != std::string_view::npos; at = bytes.find("/Type", at + 5)) {
        size_t name = bytes.find_first_not_of(" \t\r\n\f", at + 5);
        if (name == std::string_view::npos || bytes.compare(name, 4, "/Sig") != 0)
            continue;
        size_t after = name + 4;
        if (after == bytes.size() || !std::isalnum(static_cast<unsigned char>(bytes[after])))
            return true;
    }
    return false;
}

Expected<BundleSummary> write_bundle(const std::vector<BundleInput>& inputs, const std::filesystem::path& output,
                                     const std::string& title)
{
    prepare_podofo();
    BundleSummary summary;
    try {
        PdfMemDocument bundle;
        for (const BundleInput& input : inputs)
            summary.entries.push_back(BERKAS_TRY(add_input(bundle, input)));
        if (bundle.GetPageCount() == 0)
            return make_error("package", "tidak ada dokumen untuk digabung");
        bundle.GetInfo()->SetTitle(PdfString(reinterpret_cast<const pdf_utf8*>(title.c_str())));
        bundle.GetInfo()->SetCreator(PdfString("berkas"));
        bundle.Write(output.c_str());
        summary.pages = bundle.GetPageCount();
    } catch (const PdfError& error) {
        return make_error("pdf", std::string("PoDoFo: ") + PdfError::ErrorName(error.GetError()), output.string());
    }
    return summary;
}

std::string bundle_summary_to_json(const BundleSummary& summary)
{
    nlohmann::json entries = nlohmann::json::array();
    for (const BundleEntry& entry : summary.entries)
        entries.push_back({{"name", entry.name}, {"types", entry.types}, {"included_as", entry.included_as},
                           {"reason", entry.reason}, {"pages", entry.pages}});
    return nlohmann::json {{"pages", summary.pages}, {"entries", entries}}.dump();
}

Expected<BundleSummary> bundle_summary_from_json(std::string_view text)
{
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object() || !json.contains("entries"))
        return make_error("package", "jawaban penggabung PDF tidak dapat dibaca");
    BundleSummary summary;
    summary.pages = json.value("pages", 0);
    for (const auto& entry : json["entries"])
        summary.entries.push_back(BundleEntry {entry.value("name", ""), entry.value("types", ""),
                                               entry.value("included_as", ""), entry.value("reason", ""),
                                               entry.value("pages", 0)});
    return summary;
}

} // namespace berkas::submission
