#pragma once
// What happens to a case after the verifier's decision, kept in the same
// SQLite database as the cases: the submission queue (one row per approved
// case), the certificate's lifecycle (one row per step, with its time and
// who recorded it), the certificates issued, the returns that wait for a new
// document, and the days a report was written. Every change is one
// transaction; times are UTC ISO 8601 strings chosen by the caller.
#include "state/store.hpp"
#include "util/expected.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace berkas::state {

// One row of `cases`, as the later steps need it.
struct CaseRecord {
    std::string case_id;
    std::string source;
    std::string status; // complete | incomplete
    std::string profile;
    std::string applicant_name;
    std::string fingerprint;
    std::string result_json;
    std::string created_at;
    std::string updated_at;
};

// Queue states: waiting (folder transport: for a verifier to enter into AMS by
// hand), pending (to be sent), sending (claimed by a process), sent, failed.
struct QueueEntry {
    std::string case_id;
    std::string transport; // folder | http
    std::string state;
    int attempts = 0;
    std::string next_attempt_at;
    std::string last_error;
    std::string receipt; // what the receiver answered, or "manual"
    std::string package; // the package folder
    std::string created_at;
    std::string updated_at;
    std::string sent_at;
};

struct LifecycleEvent {
    std::string case_id;
    std::string state; // submitted, registered, …, renewal_due
    std::string actor;
    std::string note;
    std::string at;
};

struct Certificate {
    std::string case_id;
    std::string serial;
    std::string issued_on;      // YYYY-MM-DD
    std::string expires_on;     // YYYY-MM-DD
    std::string renewal_due_on; // YYYY-MM-DD
    std::string recorded_at;
};

struct CaseProblem {
    std::string case_id;
    std::string code;
    std::string message;
};

class SubmissionLedger {
public:
    // Creates the ledger's tables in the store's database if they are missing.
    static Expected<SubmissionLedger> attach(Store& store);

    Expected<std::optional<CaseRecord>> case_record(const std::string& case_id);
    Expected<std::vector<CaseRecord>> all_cases();
    Expected<std::vector<Decision>> all_decisions(); // oldest first
    Expected<std::vector<CaseProblem>> all_problems();

    // Cases whose latest decision is an approval that counts (whoever
    // recorded it) and that have no queue entry yet.
    Expected<std::vector<std::string>> approved_without_entry();
    // Whether the case's latest decision is an approval that counts.
    Expected<bool> has_effective_approval(const std::string& case_id);
    // An approval recorded while it could not count (the case was returned
    // and nothing changed since) stays in the trail but never counts: the
    // case needs a new approval after its new document.
    Expected<void> ignore_latest_approval(const std::string& case_id, const std::string& reason, const std::string& at);

    // A return remembers the case's fingerprint: the case may be approved
    // again only once its documents (and so its fingerprint) have changed.
    Expected<void> record_return(const std::string& case_id, const std::string& fingerprint, const std::string& at);
    Expected<std::optional<std::string>> fingerprint_at_last_return(const std::string& case_id);

    // --- queue ---
    Expected<void> add_entry(const QueueEntry& entry);
    Expected<void> remove_entry(const std::string& case_id);
    Expected<std::optional<QueueEntry>> entry(const std::string& case_id);
    Expected<std::vector<QueueEntry>> entries();
    // Pending entries whose next attempt is due at `now`.
    Expected<std::vector<QueueEntry>> due_entries(const std::string& now);
    // pending → sending, attempts + 1; false when another process claimed it first.
    Expected<bool> claim(const std::string& case_id, int process_id, const std::string& now);
    // sending → pending (a later attempt at next_attempt_at) or failed.
    Expected<void> release(const std::string& case_id, const std::string& state, const std::string& error,
                           const std::string& next_attempt_at, const std::string& now);
    // sending → sent and the lifecycle step "submitted", in one transaction.
    Expected<void> complete_send(const std::string& case_id, const std::string& receipt, const LifecycleEvent& event);
    // Entries left in "sending" by a process that no longer runs go back to
    // pending: the send happens again, with the same idempotency key.
    Expected<int> recover_interrupted(const std::function<bool(int)>& process_is_alive, const std::string& now);
    // failed → pending, due at once.
    Expected<bool> retry_failed(const std::string& case_id, const std::string& now);

    // --- lifecycle ---
    // The step, the certificate it issued (if any) and, when the step was
    // entered by hand, the queue entry marked sent: all in one transaction.
    Expected<void> record_step(const LifecycleEvent& event, const std::optional<Certificate>& certificate,
                               bool queue_sent_by_hand);
    Expected<std::vector<LifecycleEvent>> events(const std::string& case_id); // oldest first
    Expected<std::vector<LifecycleEvent>> all_events();                       // oldest first
    Expected<std::optional<std::string>> current_step(const std::string& case_id);
    Expected<std::vector<Certificate>> certificates(); // oldest first; the latest per case counts
    // Latest certificates of cases issued or delivered whose renewal falls due on or before `day`.
    Expected<std::vector<Certificate>> renewals_due(const std::string& day);

    // --- reports ---
    Expected<std::optional<std::string>> last_report_day();
    Expected<void> record_report(const std::string& day, const std::string& folder, const std::string& at);

private:
    explicit SubmissionLedger(sqlite3* database);
    Expected<void> migrate();
    sqlite3* m_database;
};

} // namespace berkas::state
