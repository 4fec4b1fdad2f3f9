#pragma once
// The submission stage's one entry point: the verifier's decisions, the
// submission queue and the certificate's lifecycle, on top of the state.
//
// Queue states (state::QueueEntry):
//   folder: waiting ──(berkas mark CASE submitted)──► sent
//   http:   pending ──claim──► sending ──2xx──► sent (+ step "submitted")
//              ▲                  │ retryable failure: back to pending, next attempt after a back-off
//              └──────────────────┘ permanent failure or attempts used up: failed ──(submit --retry)──► pending
//   A send interrupted by a crash stays "sending"; at start-up it goes back to
//   pending and is sent again with the same Idempotency-Key (the case id).
#include "state/submission_ledger.hpp"
#include "submission/isolated.hpp"
#include "submission/lifecycle.hpp"
#include "submission/schedule.hpp"
#include "submission/transport.hpp"

#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace berkas::submission {

struct ServiceSettings {
    std::filesystem::path inbox = "inbox";
    std::filesystem::path spool = "var/spool"; // berkas's copies of the inbox files, by SHA-256
    std::filesystem::path outbox = "outbox";
    TransportSettings transport;
    Schedule schedule;
    std::vector<std::string> verifier_nips; // the office's verifiers (berkas.yaml); empty: any NIP
    IsolationLimits merge_limits;
};

using Clock = std::function<std::time_t()>;

struct FollowUpSummary {
    int queued = 0;       // packages built and queued
    int sent = 0;         // delivered over http
    int waiting = 0;      // http sends left for a later attempt
    int failed = 0;       // http sends given up
    int renewals_due = 0; // certificates whose renewal fell due
};

// "verifier:**************1002": who decided, without the whole NIP.
std::string verifier_actor(const std::string& nip);

class SubmissionService {
public:
    // Recovers sends interrupted by a crash. A wrong http configuration fails here.
    static Expected<std::unique_ptr<SubmissionService>> open(ServiceSettings settings, state::Store& store,
                                                             Clock clock = [] { return std::time(nullptr); });

    // "verifier:**************1002" for an 18-digit NIP of one of the office's
    // verifiers (any NIP when berkas.yaml names none); an error otherwise.
    Expected<std::string> identify_verifier(const std::string& nip) const;

    // Records the approval of a complete case by one of the office's verifiers.
    // False when the case was already approved (nothing is recorded twice).
    Expected<bool> approve(const std::string& case_id, const std::string& verifier_nip, const std::string& note);
    // Sends a case back to the applicant; it can be approved again only with a new document.
    Expected<void> return_case(const std::string& case_id, const std::string& reason, const std::string& actor);
    // Records a lifecycle step, if the SOP allows it after the current one.
    Expected<void> mark(const std::string& case_id, Step step, const StepDetails& details, const std::string& actor);
    // Puts a failed http send back in the queue, due at once.
    Expected<bool> retry(const std::string& case_id);

    // After each batch and before each command: approved cases get their
    // package and queue entry, due http sends go out, and certificates whose
    // renewal fell due are marked renewal_due.
    Expected<FollowUpSummary> follow_up();

    state::SubmissionLedger& ledger() { return m_ledger; }
    const ServiceSettings& settings() const { return m_settings; }
    std::time_t now() const { return m_clock(); }

private:
    SubmissionService(ServiceSettings settings, state::Store& store, state::SubmissionLedger ledger, Clock clock,
                      std::unique_ptr<HttpTransport> http);

    Expected<std::optional<std::string>> approval_blocked(const std::string& case_id);
    Expected<void> queue_approved(FollowUpSummary& summary);
    Expected<void> queue_case(const std::string& case_id);
    Expected<std::filesystem::path> build_package_of(const std::string& case_id, const std::string& transport);
    Expected<void> send_due(FollowUpSummary& summary);
    Expected<void> send_entry(const state::QueueEntry& entry, FollowUpSummary& summary);
    Expected<void> mark_renewals_due(FollowUpSummary& summary);
    std::string now_text() const;
    void warn_once(const std::string& key, const std::string& message);

    ServiceSettings m_settings;
    state::Store& m_store;
    state::SubmissionLedger m_ledger;
    Clock m_clock;
    std::unique_ptr<HttpTransport> m_http;
    std::set<std::string> m_warned;
    std::map<std::string, std::time_t> m_build_failed_at; // packages retried at most every few minutes
};

} // namespace berkas::submission
