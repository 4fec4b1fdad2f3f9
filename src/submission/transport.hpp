#pragma once
// How an office hands its packages to BSrE. AMS has no public registration API
// (DOMAIN.md §4.2), so the default is `folder`: the package waits in
// outbox/bsre/<case-id>/ for a verifier to enter it into AMS by hand. An office
// with an integration endpoint (its own gateway, a provincial wrapper) uses
// `http`: berkas POSTs the package there.
#include "util/expected.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace berkas::submission {

enum class TransportKind { folder, http };

const char* to_string(TransportKind kind);

struct TransportSettings {
    TransportKind kind = TransportKind::folder;
    std::string endpoint;                  // https://…; plain http only to this machine (127.0.0.1, localhost, ::1)
    std::filesystem::path token_file;      // holds the bearer token; never logged
    std::filesystem::path ca_file;         // optional CA bundle for the endpoint's certificate
    std::chrono::seconds timeout {60};     // per request
    std::chrono::milliseconds backoff {2000};      // wait before the first retry; doubles after each failure
    std::chrono::milliseconds backoff_max {3600 * 1000};
    // Retries happen within the same run while the requests and waits so far
    // stay under this; later ones are left to a later run (the entry's
    // next_attempt_at), so a slow receiver never stalls watch for long.
    std::chrono::milliseconds wait_in_run_max {8000};
    int max_attempts = 12; // requests in all before the entry is marked failed
};

// The wait after the n-th failed attempt (n from 1): backoff · 2^(n−1), at most backoff_max.
std::chrono::milliseconds retry_delay(const TransportSettings& settings, int failed_attempts);

struct SendOutcome {
    enum class Kind { delivered, retryable, permanent } kind = Kind::retryable;
    long http_status = 0;   // 0 when no answer came
    std::string detail;     // the receipt when delivered, else what went wrong (Indonesian, masked)
};

class HttpTransport {
public:
    // Checks the endpoint and reads the token: a wrong configuration fails here,
    // not on the first case.
    static Expected<std::unique_ptr<HttpTransport>> create(const TransportSettings& settings);
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    // One POST of the package folder as multipart/form-data, with the case id as
    // the Idempotency-Key: a receiver that saw the key before answers without
    // registering the case twice.
    SendOutcome send(const std::string& case_id, const std::filesystem::path& package) const;

private:
    HttpTransport(TransportSettings settings, std::string token);
    TransportSettings m_settings;
    std::string m_token;
};

// Checks an endpoint URL: https, or http to this machine only (personal data
// never travels unencrypted across a network).
Expected<void> check_endpoint(const std::string& endpoint);

} // namespace berkas::submission
