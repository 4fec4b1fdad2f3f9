#pragma once
// The domain record that flows from understanding through validation to
// generation and state. Plain data: no I/O, no library types.
#include "model/document_type.hpp"
#include "model/issued_document.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas {

enum class TextSource { ocr, text_layer, blank };

const char* to_string(TextSource source);
TextSource text_source_from_string(std::string_view name); // unknown names read as ocr

// One page as the reading stage delivers it.
struct PageText {
    int number = 0; // 1-based within its source file
    std::string text;
    TextSource source = TextSource::ocr;
    float confidence = 0; // mean word confidence 0–100; 100 for a text layer
    // Seen on the page image besides text; handed over by the worker, never
    // stored with the text: a QR code (a signed document scanned back), and
    // small grayscale JPEGs of the page and of an ID card on it (lembar verifikasi).
    std::optional<PageCode> code {};
    std::string thumbnail_jpeg {};
    std::string card_jpeg {};
};

// A field value and where it was read: a verifier can check it against paper.
struct FieldValue {
    std::string value;
    std::string source; // path relative to the inbox
    int page = 0;
};

// A run of consecutive pages of one file that form one document.
struct Document {
    DocumentType type = DocumentType::unknown;
    std::string source; // path relative to the inbox
    std::vector<int> pages;
    std::map<std::string, std::string> fields; // field name → normalised value
    bool digitally_signed = false; // its file is a PDF with a digital signature, kept byte for byte
    bool other_person = false; // about someone other than the case's applicant: reported, never merged
    std::vector<std::string> unread_key_fields; // key fields of its type (rules) that could not be read
};

struct Problem {
    std::string code;    // stable: "missing:ktp", "nip_mismatch", …
    std::string message; // Indonesian, for clerks and verifiers
};

struct Applicant {
    std::optional<FieldValue> nama;
    std::optional<FieldValue> nik;
    std::optional<FieldValue> nip;
    std::optional<FieldValue> email;
    std::map<std::string, FieldValue> other; // jabatan, unit_kerja, …
};

enum class CaseStatus { complete, incomplete };

inline const char* to_string(CaseStatus status)
{
    return status == CaseStatus::complete ? "complete" : "incomplete";
}

// A required document and whether the case has it.
struct RequirementCheck {
    DocumentType type = DocumentType::unknown;
    bool present = false;
};

struct CaseResult {
    std::string case_id;
    CaseStatus status = CaseStatus::incomplete;
    std::string profile;
    std::string rules_version; // hash of the rules in force
    Applicant applicant;
    std::vector<Document> documents;
    std::vector<RequirementCheck> requirements;
    std::vector<Problem> problems;
    std::vector<std::string> outputs; // file names inside the case's outbox folder
};

} // namespace berkas
