#pragma once
// The register of what berkas issues for each case, in the Store's database:
// letter numbers from a per-year sequence that is never reused and keeps no
// gaps, where each issued document carries its QR code and signature places,
// and the signed copies scanned back into the inbox.
#include "model/issued_document.hpp"
#include "state/store.hpp"
#include "util/expected.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace berkas::state {

struct LetterNumber {
    std::string case_id;
    int year = 0;
    int sequence = 0;
    std::string date;    // YYYY-MM-DD: the letter bears the day its number was taken
    bool issued = false; // a letter with this number was written
};

// One signature place read on a scanned page.
struct SignatureMark {
    std::string label; // "Verifikator 1"
    double ink = 0;    // share of the place covered by ink, 0–1
    bool is_signed = false;
};

// A page of a document berkas issued, scanned back into the inbox.
struct ScanBack {
    std::string sha256; // of the scanned file
    int page = 0;       // in the scanned file, 1-based
    std::string source; // the scanned file, relative to the inbox
    std::string case_id;
    std::optional<IssuedDocument> document;
    bool matched = false; // the page was found in the issued document, so its signatures were read
    std::vector<SignatureMark> signatures;
    std::string received_at; // UTC, ISO 8601; set by the register
};

class DocumentRegister {
public:
    // Adds its tables (and the columns letter_numbers lacked before) to the store's database.
    static Expected<std::unique_ptr<DocumentRegister>> open(Store& store);

    // The number a case's letter carries: the one it holds already, else the
    // lowest number of the year given back by a case that never got its letter,
    // else the next of the year. It is committed before the letter is written,
    // so a crash in between leaves it waiting for the same case.
    Expected<LetterNumber> reserve_letter_number(const std::string& case_id, int year, const std::string& date);
    // The letter was written: from now on its number belongs to the case for good.
    Expected<void> mark_letter_issued(const std::string& case_id);
    // A case that no longer gets a letter gives back a number no letter carries.
    Expected<void> release_letter_number(const std::string& case_id);
    Expected<std::optional<LetterNumber>> letter_number(const std::string& case_id);
    // Every number of the year held by a case, in order.
    Expected<std::vector<LetterNumber>> letter_numbers(int year);

    Expected<void> record_layout(const std::string& case_id, IssuedDocument document, const DocumentLayout& layout);
    Expected<std::optional<DocumentLayout>> layout(const std::string& case_id, IssuedDocument document);

    Expected<void> record_scan_back(const ScanBack& scan);
    Expected<bool> is_scan_back(const std::string& sha256);
    // The scan-backs of one case, or of every case when case_id is empty, oldest first.
    Expected<std::vector<ScanBack>> scan_backs(const std::string& case_id = {});

private:
    explicit DocumentRegister(sqlite3* database) : m_database(database) {}
    Expected<void> migrate();
    sqlite3* m_database;
};

} // namespace berkas::state
