#pragma once
// Everything berkas needs to know to run, from berkas.yaml and the command line.
#include "generation/office.hpp"
#include "pipeline/worker_pool.hpp"
#include "reading/reader.hpp"
#include "submission/transport.hpp"
#include "util/expected.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace berkas::pipeline {

struct IntakeSettings {
    bool keep_originals = false;                     // false: move originals to archive_dir once claimed
    std::filesystem::path archive_dir;               // empty: <state>/archive
    std::chrono::seconds young_age {300};            // an incomplete PDF younger than this is waited for
    std::uint64_t min_free_bytes = 200ull << 20;     // intake pauses below this much free space in <state>
};

struct Settings {
    std::filesystem::path inbox = "inbox";
    std::filesystem::path outbox = "outbox";
    std::filesystem::path state = "var";
    std::filesystem::path rules_dir = "rules";
    std::filesystem::path templates_dir = "templates";
    std::string profile = "default";
    int workers = 2; // reading workers at once; `workers:` or `limits: {workers: …}`
    std::chrono::seconds poll_interval {2};     // how often pending files are looked at again
    std::chrono::seconds rescan_interval {60};  // full rescan, whatever inotify said
    std::string watch_mode = "auto";            // auto | inotify | poll
    IntakeSettings intake;
    std::chrono::milliseconds stability_delay {5000};
    std::string letter_number_format = "800.1.4/{seq}/Diskominfo/{year}";
    generation::Office office;
    reading::ReadLimits limits;   // `limits:` and `reading:` in berkas.yaml
    WorkerLimits worker_limits;   // `limits:`: memory, CPU and wall-clock time of each worker
    submission::TransportSettings submission; // how approved cases reach BSrE
};

// Reads berkas.yaml into `settings`; keys it does not set keep their value.
// Errors name the file, line and column: "berkas.yaml:4:3: unknown key 'ofice'".
Expected<void> load_settings(std::string_view yaml_text, std::string_view source_name, Settings& settings);

// "800.1.4/{seq}/Diskominfo/{year}" with 7 and 2026 → "800.1.4/0007/Diskominfo/2026".
std::string format_letter_number(std::string_view format, int sequence, int year);

} // namespace berkas::pipeline
