#pragma once
// Writes the documents of one evaluated case into outbox/cases/<case-id>/:
// the lembar verifikasi always, then the surat rekomendasi (complete) or the
// pemberitahuan kekurangan (incomplete), never both. Records where each carries
// its QR code and signature places, and keeps the letter numbers gapless.
#include "generation/renderer.hpp"
#include "pipeline/settings.hpp"
#include "pipeline/thumbnails.hpp"
#include "state/document_register.hpp"

#include <string>
#include <vector>

namespace berkas::pipeline {

class CaseDocuments {
public:
    CaseDocuments(const Settings& settings, const generation::DocumentRenderer& renderer,
                  state::DocumentRegister& documents);

    // Sets result.outputs to the files written. `today` is an ISO date.
    //
    // The letter number is reserved and committed before the letter is written,
    // and marked issued once the file is in place. A crash in between leaves the
    // number reserved for the same case, which takes it again on the next run
    // (the case's evaluation was not saved, so it is evaluated again): no number
    // is skipped or given twice. Crash points for tests: after_letter_number,
    // after_letter_written.
    Expected<void> write(CaseResult& result, const std::vector<CaseFile>& files, const std::string& today);

private:
    Expected<void> write_document(IssuedDocument document, const generation::LetterContext& context);
    Expected<generation::LetterContext> letter_context(const CaseResult& result, const std::string& today);
    Expected<void> withdraw_letter(const CaseResult& result);

    const Settings& m_settings;
    const generation::DocumentRenderer& m_renderer;
    state::DocumentRegister& m_documents;
};

} // namespace berkas::pipeline
