// The queue over real HTTP: a server on 127.0.0.1 written here with plain
// sockets, real SQLite, real packages.
#include "state/store.hpp"
#include "submission/service.hpp"
#include "support/http_test_server.hpp"
#include "support/sample_case.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace berkas;
using namespace berkas::submission;
using berkas::testing::HttpTestServer;
namespace fs = std::filesystem;

namespace {

constexpr const char* verifier_nip = "198502102010011002";

} // namespace

class SubmissionQueue : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        store = std::move(*state::Store::open(dir() / "berkas.sqlite3"));
        sample.create(dir(), *store);
        token_file = dir() / "token";
        ASSERT_TRUE(write_file_atomic(token_file, "rahasia-kantor\n"));
        ::chmod(token_file.c_str(), 0600);
    }

    ServiceSettings settings(TransportKind kind, const std::string& endpoint = {})
    {
        ServiceSettings result;
        result.inbox = dir() / "inbox";
        result.outbox = dir() / "outbox";
        result.transport.kind = kind;
        result.transport.endpoint = endpoint;
        result.transport.token_file = token_file;
        result.transport.backoff = std::chrono::milliseconds(5);
        result.transport.backoff_max = std::chrono::milliseconds(40);
        result.verifier_nips = {verifier_nip};
        return result;
    }

    std::unique_ptr<SubmissionService> open(ServiceSettings service_settings)
    {
        auto service = SubmissionService::open(std::move(service_settings), *store, [this] { return now; });
        EXPECT_TRUE(service.has_value()) << service.error().describe();
        return std::move(*service);
    }

    state::QueueEntry entry(SubmissionService& service)
    {
        auto found = service.ledger().entry(sample.case_id);
        EXPECT_TRUE(found.has_value() && found->has_value());
        return found && *found ? **found : state::QueueEntry {};
    }

    std::unique_ptr<state::Store> store;
    berkas::testing::SampleCase sample;
    fs::path token_file;
    std::time_t now = 1772413200; // 2026-03-02 01:00 UTC
};

TEST_F(SubmissionQueue, RetriesWithBackOffUntilTheServerAccepts)
{
    HttpTestServer server([](int index, const HttpTestServer::Request&) {
        return index < 3 ? HttpTestServer::Response {503, "{\"error\": \"sibuk\"}"}
                         : HttpTestServer::Response {201, "{\"receipt\": \"AMS-77\"}"};
    });
    auto service = open(settings(TransportKind::http, server.url()));
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));
    auto summary = service->follow_up();
    ASSERT_TRUE(summary.has_value()) << summary.error().describe();
    EXPECT_EQ(summary->queued, 1);
    EXPECT_EQ(summary->sent, 1);

    auto requests = server.requests();
    ASSERT_EQ(requests.size(), 4u); // three refusals, then the accepted one
    for (const auto& request : requests) {
        EXPECT_EQ(request.method, "POST");
        EXPECT_EQ(request.path, "/pengajuan");
        EXPECT_EQ(request.header("idempotency-key"), sample.case_id);
        EXPECT_EQ(request.header("authorization"), "Bearer rahasia-kantor");
        EXPECT_NE(request.header("content-type").find("multipart/form-data"), std::string::npos);
        EXPECT_NE(request.body.find("name=\"manifest\"; filename=\"manifest.json\""), std::string::npos);
        EXPECT_NE(request.body.find("name=\"surat_rekomendasi\""), std::string::npos);
        EXPECT_NE(request.body.find("name=\"berkas_pemohon\""), std::string::npos);
        EXPECT_NE(request.body.find("\"idempotency_key\": \"" + sample.case_id + "\""), std::string::npos);
    }
    state::QueueEntry sent = entry(*service);
    EXPECT_EQ(sent.state, "sent");
    EXPECT_EQ(sent.attempts, 4);
    EXPECT_EQ(sent.receipt, "AMS-77");
    auto events = *service->ledger().events(sample.case_id);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].state, "submitted");
    EXPECT_EQ(events[0].actor, "http");

    ASSERT_TRUE(service->follow_up().has_value()); // nothing more to send
    EXPECT_EQ(server.request_count(), 4u);
}

TEST_F(SubmissionQueue, APermanentRefusalFailsAtOnceAndCanBeRetried)
{
    HttpTestServer server([](int index, const HttpTestServer::Request&) {
        return index == 0 ? HttpTestServer::Response {422, "{\"error\": \"NIK 6171010101850003 tidak valid\"}"}
                          : HttpTestServer::Response {200, "{\"id\": 9}"};
    });
    auto service = open(settings(TransportKind::http, server.url()));
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));
    auto summary = service->follow_up();
    ASSERT_TRUE(summary.has_value());
    EXPECT_EQ(summary->failed, 1);
    state::QueueEntry failed = entry(*service);
    EXPECT_EQ(failed.state, "failed");
    EXPECT_EQ(failed.attempts, 1);
    EXPECT_NE(failed.last_error.find("HTTP 422"), std::string::npos);
    EXPECT_EQ(failed.last_error.find("6171010101850003"), std::string::npos); // the NIK is masked
    EXPECT_EQ(server.request_count(), 1u);

    fs::remove_all(dir() / "outbox" / "bsre" / sample.case_id); // someone tidied the outbox meanwhile
    ASSERT_TRUE(*service->retry(sample.case_id));
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_EQ(entry(*service).state, "sent");
    EXPECT_EQ(entry(*service).receipt, "9");
    EXPECT_EQ(server.request_count(), 2u);
}

TEST_F(SubmissionQueue, GivesUpAfterTheLastAttempt)
{
    HttpTestServer server([](int, const HttpTestServer::Request&) { return HttpTestServer::Response {503, ""}; });
    ServiceSettings configured = settings(TransportKind::http, server.url());
    configured.transport.max_attempts = 3;
    auto service = open(configured);
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_EQ(server.request_count(), 3u);
    EXPECT_EQ(entry(*service).state, "failed");
    EXPECT_EQ(entry(*service).attempts, 3);
}

TEST_F(SubmissionQueue, ALongBackOffWaitsForALaterRun)
{
    HttpTestServer server([](int index, const HttpTestServer::Request&) {
        return index == 0 ? HttpTestServer::Response {500, ""} : HttpTestServer::Response {200, "{}"};
    });
    ServiceSettings configured = settings(TransportKind::http, server.url());
    configured.transport.backoff = std::chrono::seconds(60);
    configured.transport.backoff_max = std::chrono::seconds(600);
    auto service = open(configured);
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));
    auto first = service->follow_up();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->waiting, 1);
    EXPECT_EQ(entry(*service).state, "pending");
    EXPECT_EQ(entry(*service).next_attempt_at, "2026-03-02T01:01:00Z");

    now += 30; // not yet due
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_EQ(server.request_count(), 1u);
    now += 30;
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_EQ(server.request_count(), 2u);
    EXPECT_EQ(entry(*service).state, "sent");
}

TEST_F(SubmissionQueue, FolderTransportWaitsForTheVerifier)
{
    auto service = open(settings(TransportKind::folder));
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, "berkas lengkap"));
    EXPECT_FALSE(*service->approve(sample.case_id, verifier_nip, "")); // not recorded twice
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_EQ(entry(*service).state, "waiting");
    EXPECT_TRUE(fs::exists(dir() / "outbox" / "bsre" / sample.case_id / "manifest.json"));

    auto marked = service->mark(sample.case_id, Step::submitted, {}, "verifier:**************1002");
    ASSERT_TRUE(marked.has_value()) << marked.error().describe();
    EXPECT_EQ(entry(*service).state, "sent");
    EXPECT_EQ(entry(*service).receipt, "manual");
    auto decisions = *store->decisions(sample.case_id);
    ASSERT_EQ(decisions.size(), 1u);
    EXPECT_EQ(decisions[0].actor, "verifier:**************1002");
    EXPECT_EQ(decisions[0].note, "berkas lengkap");
}

TEST_F(SubmissionQueue, OnlyTheOfficesVerifiersApproveOnlyCompleteCases)
{
    auto service = open(settings(TransportKind::folder));
    auto stranger = service->approve(sample.case_id, "199001012015011001", "");
    ASSERT_FALSE(stranger.has_value());
    EXPECT_EQ(stranger.error().message.find("199001012015011001"), std::string::npos); // masked
    EXPECT_FALSE(service->approve(sample.case_id, "12345", "").has_value());

    berkas::testing::SampleCase incomplete;
    incomplete.case_id = "belum-lengkap";
    incomplete.complete = false;
    incomplete.create(dir(), *store);
    auto refused = service->approve("belum-lengkap", verifier_nip, "");
    ASSERT_FALSE(refused.has_value());
    EXPECT_NE(refused.error().message.find("belum lengkap"), std::string::npos);
    EXPECT_TRUE(store->decisions("belum-lengkap")->empty());
}

TEST_F(SubmissionQueue, AReturnedCaseNeedsANewDocumentBeforeItIsApprovedAgain)
{
    auto service = open(settings(TransportKind::folder));
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));
    ASSERT_TRUE(service->follow_up().has_value());
    ASSERT_TRUE(service->return_case(sample.case_id, "KTP buram, mohon pindai ulang", "verifier:**************1002"));
    EXPECT_FALSE(service->ledger().entry(sample.case_id)->has_value());          // out of the queue
    EXPECT_FALSE(fs::exists(dir() / "outbox" / "bsre" / sample.case_id));        // and no package to enter by hand

    auto again = service->approve(sample.case_id, verifier_nip, "");
    ASSERT_FALSE(again.has_value());
    EXPECT_NE(again.error().message.find("belum ada dokumen baru"), std::string::npos);

    // A scan-back approval of the unchanged case is not queued either.
    ASSERT_TRUE(store->record_decision(state::Decision {sample.case_id, "approved", "scan-back", "", ""}));
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_FALSE(service->ledger().entry(sample.case_id)->has_value());

    // The applicant brings a new KTP: the case is evaluated again with a new fingerprint.
    berkas::testing::SampleCase renewed = sample;
    renewed.fingerprint = "fingerprint-2";
    renewed.create(dir(), *store);
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_FALSE(service->ledger().entry(sample.case_id)->has_value()); // the ignored approval stays ignored
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));    // a fresh one counts
    ASSERT_TRUE(service->follow_up().has_value());
    EXPECT_EQ(entry(*service).state, "waiting");
}

TEST_F(SubmissionQueue, ScanBackApprovalsAreQueuedToo)
{
    auto service = open(settings(TransportKind::folder));
    ASSERT_TRUE(store->record_decision(state::Decision {sample.case_id, "approved", "scan-back", "", ""}));
    auto summary = service->follow_up();
    ASSERT_TRUE(summary.has_value());
    EXPECT_EQ(summary->queued, 1);
    auto manifest = nlohmann::json::parse(*read_file(dir() / "outbox" / "bsre" / sample.case_id / "manifest.json"));
    EXPECT_EQ(manifest["approval"]["by"], "scan-back");
}

TEST_F(SubmissionQueue, MarkFollowsTheSopAndRecordsTheCertificate)
{
    auto service = open(settings(TransportKind::folder));
    const std::string actor = "verifier:**************1002";
    EXPECT_FALSE(service->mark(sample.case_id, Step::submitted, {}, actor).has_value()); // not approved yet
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));
    ASSERT_TRUE(service->follow_up().has_value());

    auto skipped = service->mark(sample.case_id, Step::issued, {"", "3F2A", "2026-03-01"}, actor);
    ASSERT_FALSE(skipped.has_value());
    EXPECT_EQ(skipped.error().code, "transition");
    for (Step step : {Step::submitted, Step::registered, Step::activation_sent, Step::identity_verified,
                      Step::passphrase_set})
        ASSERT_TRUE(service->mark(sample.case_id, step, {}, actor).has_value()) << to_string(step);
    ASSERT_TRUE(service->mark(sample.case_id, Step::issued, {"terbit lewat AMS", "3F2A", "2026-03-01"}, actor));
    EXPECT_FALSE(service->mark(sample.case_id, Step::registered, {}, actor).has_value());
    EXPECT_FALSE(service->return_case(sample.case_id, "terlambat", actor).has_value()); // already with BSrE

    auto certificates = *service->ledger().certificates();
    ASSERT_EQ(certificates.size(), 1u);
    EXPECT_EQ(certificates[0].serial, "3F2A");
    EXPECT_EQ(certificates[0].expires_on, "2028-03-01");
    EXPECT_EQ(certificates[0].renewal_due_on, "2028-01-31");
    EXPECT_EQ(service->ledger().events(sample.case_id)->size(), 6u);

    // Two years later the follow-up marks the renewal as due, once.
    now += 701 * 86400;
    auto later = service->follow_up();
    ASSERT_TRUE(later.has_value());
    EXPECT_EQ(later->renewals_due, 1);
    EXPECT_EQ(*service->ledger().current_step(sample.case_id), "renewal_due");
    EXPECT_EQ(service->follow_up()->renewals_due, 0);
}

TEST_F(SubmissionQueue, AnHttpSendIsNotMarkedByHand)
{
    HttpTestServer server([](int, const HttpTestServer::Request&) { return HttpTestServer::Response {500, ""}; }, 5);
    ServiceSettings configured = settings(TransportKind::http, server.url());
    configured.transport.backoff = std::chrono::seconds(60);
    configured.transport.backoff_max = std::chrono::seconds(600);
    auto service = open(configured);
    ASSERT_TRUE(*service->approve(sample.case_id, verifier_nip, ""));
    ASSERT_TRUE(service->follow_up().has_value());
    ASSERT_EQ(entry(*service).state, "pending");
    ASSERT_EQ(server.request_count(), 1u);
    auto refused = service->mark(sample.case_id, Step::submitted, {}, "user:clerk");
    ASSERT_FALSE(refused.has_value());
    EXPECT_NE(refused.error().message.find("dikirim otomatis lewat HTTP"), std::string::npos);
}

TEST(SubmissionTransport, EndpointsAndTokensAreChecked)
{
    EXPECT_TRUE(check_endpoint("https://tte.pontianak.go.id/api/pengajuan").has_value());
    EXPECT_TRUE(check_endpoint("http://127.0.0.1:8080/pengajuan").has_value());
    EXPECT_TRUE(check_endpoint("http://localhost/pengajuan").has_value());
    auto plain = check_endpoint("http://tte.pontianak.go.id/api");
    ASSERT_FALSE(plain.has_value());
    EXPECT_NE(plain.error().message.find("must use https"), std::string::npos);
    EXPECT_FALSE(check_endpoint("ftp://127.0.0.1/x").has_value());
    EXPECT_FALSE(check_endpoint("").has_value());

    TransportSettings settings;
    settings.kind = TransportKind::http;
    settings.endpoint = "https://tte.pontianak.go.id/api";
    settings.token_file = "/nonexistent/token";
    EXPECT_FALSE(HttpTransport::create(settings).has_value());
    EXPECT_EQ(retry_delay(TransportSettings {}, 1), std::chrono::milliseconds(2000));
    EXPECT_EQ(retry_delay(TransportSettings {}, 4), std::chrono::milliseconds(16000));
    EXPECT_EQ(retry_delay(TransportSettings {}, 40), std::chrono::milliseconds(3600 * 1000));
}
