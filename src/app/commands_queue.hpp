#pragma once
// The commands after the verifier's decision — approve, return, mark, submit,
// queue, report — and the follow-up step that run --once and watch take after
// each batch.
#include "pipeline/settings.hpp"
#include "util/expected.hpp"

#include <ctime>
#include <memory>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace berkas::app {

struct QueueCommandLine {
    CLI::App* approve = nullptr;
    CLI::App* return_case = nullptr;
    CLI::App* mark = nullptr;
    CLI::App* submit = nullptr;
    CLI::App* queue = nullptr;
    CLI::App* report = nullptr;
    std::string case_id, step, verifier, note, reason, serial, issued, retry, from, to;
    bool as_json = false;
};

void add_queue_commands(CLI::App& app, QueueCommandLine& line);

// The exit status when one of these commands was given, nullopt otherwise.
std::optional<int> run_queue_command(const QueueCommandLine& line, const pipeline::Settings& settings);

// The submission queue's share of run --once and watch.
class FollowUp {
public:
    static Expected<std::unique_ptr<FollowUp>> open(const pipeline::Settings& settings);
    ~FollowUp();

    // Approved cases get their package, due sends go out, renewals are marked.
    // Problems are logged; false only when the state itself failed.
    bool after_batch();
    // Once a day: outbox/reports/<today>/.
    void daily_report();

private:
    struct Parts;
    explicit FollowUp(std::unique_ptr<Parts> parts);
    std::unique_ptr<Parts> m_parts;
    std::time_t m_last_report_attempt = 0;
};

} // namespace berkas::app
