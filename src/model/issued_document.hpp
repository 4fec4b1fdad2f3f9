#pragma once
// The documents berkas issues for a case, the QR code each carries, and what a
// signed copy scanned back into the inbox shows. Plain data and pure helpers:
// generation writes the codes, reading finds them, the pipeline matches them.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas {

enum class IssuedDocument { verification_sheet, recommendation_letter, deficiency_notice };

inline constexpr std::array all_issued_documents {IssuedDocument::verification_sheet,
                                                  IssuedDocument::recommendation_letter,
                                                  IssuedDocument::deficiency_notice};

// "lembar-verifikasi", "surat-rekomendasi", "pemberitahuan-kekurangan": the file
// name without ".pdf", and the last part of the document's QR code.
std::string_view file_stem(IssuedDocument document);
std::optional<IssuedDocument> issued_document_from_stem(std::string_view stem);
std::string file_name(IssuedDocument document); // "lembar-verifikasi.pdf"

// What a verifier calls it: "Lembar verifikasi", "Surat rekomendasi", …
std::string_view indonesian_name(IssuedDocument document);

// The QR content of a document: "berkas:case:<case id>:<file stem>". Case ids
// never hold a colon (they are folder and file names made safe by intake).
std::string document_code(std::string_view case_id, IssuedDocument document);

struct DocumentCode {
    std::string case_id;
    std::optional<IssuedDocument> document; // codes from before documents were named carry none
};

// Reads a code written by document_code (or the older "berkas:case:<case id>");
// nullopt for any other content.
std::optional<DocumentCode> parse_document_code(std::string_view payload);

// ── Where things are on an issued document ─────────────────────────────────────
// PDF points from the lower-left corner of the page, as libharu draws them.
struct PageRect {
    double x = 0, y = 0, width = 0, height = 0;
};

struct PlacedCode {
    int page = 1;       // 1-based
    PageRect symbol;    // the modules only, without the quiet zone
    std::string payload;
};

// A place where someone signs by hand: a verifier's box, the space above a name.
struct SignatureArea {
    int page = 1;
    PageRect area;
    std::string label; // "Verifikator 1", "Kepala Dinas Komunikasi dan Informatika"
};

struct DocumentLayout {
    std::vector<PlacedCode> codes;
    std::vector<SignatureArea> signatures;
};

// ── What reading sees on a page ────────────────────────────────────────────────
struct ImagePoint {
    double x = 0, y = 0; // pixels from the top-left corner of the page image
};

// Share of dark pixels in square cells of the page image, row by row: enough to
// tell ink in a signature box from paper without sending the page itself.
struct InkGrid {
    int cell = 0; // pixels per side
    int columns = 0;
    int rows = 0;
    std::string darkness; // columns × rows bytes, 0 (white) … 255 (all dark)

    double at(int column, int row) const
    {
        return static_cast<unsigned char>(darkness[static_cast<size_t>(row) * static_cast<size_t>(columns) +
                                                   static_cast<size_t>(column)]) /
               255.0;
    }
};

// A QR code found on a page image.
struct PageCode {
    std::string payload;
    // The symbol's corners as the code itself orders them (its top-left,
    // top-right, bottom-right, bottom-left), whatever way the page was scanned.
    std::array<ImagePoint, 4> corners;
    InkGrid ink; // only for berkas codes: the page's ink, to read signature boxes
};

} // namespace berkas
