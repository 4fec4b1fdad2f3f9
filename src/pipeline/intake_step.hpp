#pragma once
// The intake side of the pipeline: claims ready inbox entries into the spool,
// records them, archives the originals, and tells which cases have files.
// Never parses a document.
#include "intake/claim.hpp"
#include "intake/inbox.hpp"
#include "intake/readiness.hpp"
#include "pipeline/settings.hpp"
#include "state/intake_ledger.hpp"

#include <set>
#include <string>
#include <vector>

namespace berkas::pipeline {

struct IntakeSummary {
    int claimed = 0;
    int duplicates = 0;
    int waiting = 0;  // not ready yet: still being written, or a transient error
    bool paused = false; // too little free space
};

class IntakeStep {
public:
    IntakeStep(const Settings& settings, state::IntakeLedger& ledger);

    // After a crash: removes half-made copies and outputs, puts interrupted
    // files back in the queue and finishes archiving what was claimed.
    Expected<void> recover();

    // Claims every entry of the listing that is ready. A subfolder is claimed
    // only once all its files are ready. With `tracker` null, files present
    // are taken at once (run --once).
    Expected<IntakeSummary> claim(const intake::InboxListing& listing, intake::StabilityTracker* tracker);

    // The cases made of claimed, non-duplicate files; files point into the spool.
    Expected<std::vector<intake::CaseSource>> claimed_cases();

private:
    bool ready(const intake::CaseSource& source, intake::StabilityTracker* tracker, IntakeSummary& summary);
    Expected<void> claim_file(const intake::InboxFile& file, const std::string& case_key, IntakeSummary& summary);
    Expected<void> settle_original(const state::Claim& claim, const intake::SpooledCopy& copy);
    bool enough_free_space() const;
    void report_odd_entries(const intake::InboxListing& listing);

    const Settings& m_settings;
    state::IntakeLedger& m_ledger;
    std::filesystem::path m_spool;
    std::set<std::string> m_reported; // odd entries and errors already logged once
};

} // namespace berkas::pipeline
