#include "app/cli.hpp"

#include "app/commands.hpp"
#include "app/commands_queue.hpp"
#include "app/commands_rules.hpp"
#include "util/file.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace berkas::app {

namespace {

struct CommonOptions {
    std::string config = "berkas.yaml";
    bool config_given = false;
    std::string inbox, outbox, state, profile;
};

// berkas.yaml, if there is one.
Expected<pipeline::Settings> configured_settings(const CommonOptions& options)
{
    pipeline::Settings settings;
    if (std::filesystem::exists(options.config)) {
        std::string text = BERKAS_TRY(read_file(options.config));
        BERKAS_TRY(pipeline::load_settings(text, options.config, settings));
    } else if (options.config_given) {
        return make_error("config", "configuration file not found", options.config);
    }
    return settings;
}

// berkas.yaml first, then the command line on top of it.
Expected<pipeline::Settings> settings_from(const CommonOptions& options)
{
    pipeline::Settings settings = BERKAS_TRY(configured_settings(options));
    if (!options.inbox.empty()) settings.inbox = options.inbox;
    if (!options.outbox.empty()) settings.outbox = options.outbox;
    if (!options.state.empty()) settings.state = options.state;
    if (!options.profile.empty()) settings.profile = options.profile;
    if (!std::filesystem::is_directory(settings.inbox))
        return make_error("config", "inbox folder does not exist", settings.inbox.string());
    return settings;
}

void add_common_options(CLI::App& app, CommonOptions& options)
{
    app.add_option("--config", options.config, "Configuration file (default: berkas.yaml, optional)")
        ->each([&](const std::string&) { options.config_given = true; });
    app.add_option("--inbox", options.inbox, "Inbox folder (default: inbox)");
    app.add_option("--outbox", options.outbox, "Outbox folder (default: outbox)");
    app.add_option("--state", options.state, "State folder: SQLite database and working files (default: var)");
    app.add_option("--profile", options.profile, "Office profile in rules/ (default: default)");
}

} // namespace

namespace {
int run_commands(int argc, char** argv);
}

int run_command_line(int argc, char** argv)
{
    // Anticipated failures are values; anything thrown is a bug or an
    // exhausted system, reported as a system failure rather than an abort.
    try {
        return run_commands(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "berkas: galat sistem: " << error.what() << "\n";
    } catch (...) {
        std::cerr << "berkas: galat sistem tak dikenal\n";
    }
    return exit_failure;
}

namespace {

int run_commands(int argc, char** argv)
{
    CLI::App app {"berkas: memeriksa berkas permohonan Sertifikat Elektronik (BSrE) dari pindaian", "berkas"};
    app.require_subcommand(1);
    CommonOptions options;
    add_common_options(app, options);

    auto* run = app.add_subcommand("run", "Process the inbox");
    bool once = false;
    run->add_flag("--once", once, "Process everything in the inbox, then exit")->required();
    app.add_subcommand("watch", "Keep processing new files as they arrive");
    auto* status = app.add_subcommand("status", "List the cases and their state");
    bool as_json = false;
    status->add_flag("--json", as_json, "Machine-readable output");
    QueueCommandLine queue_commands;
    add_queue_commands(app, queue_commands);
    auto* rules = app.add_subcommand("rules", "Work with the rules in rules/");
    rules->require_subcommand(1);
    auto* rules_check = rules->add_subcommand("check", "Check rule files (default: documents.yaml and every profile)");
    std::vector<std::string> rule_files;
    rules_check->add_option("FILE", rule_files, "Rule or profile files to check");
    auto* worker = app.add_subcommand("worker", "Internal: a reading worker process");
    worker->group(""); // hidden from --help

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? exit_ok : exit_usage;
    }
    if (worker->parsed())
        return command_worker();
    if (rules_check->parsed()) {
        auto configured = configured_settings(options); // `rules check` needs no inbox
        if (!configured) {
            std::cerr << "berkas: galat: " << configured.error().describe() << "\n";
            return exit_usage;
        }
        return command_rules_check(rule_files, configured->rules_dir);
    }
    auto settings = settings_from(options);
    if (!settings) {
        std::cerr << "berkas: galat: " << settings.error().describe() << "\n";
        return exit_usage;
    }
    if (auto code = run_queue_command(queue_commands, *settings))
        return *code;
    if (run->parsed())
        return command_run_once(*settings);
    if (status->parsed())
        return command_status(*settings, as_json);
    return command_watch(*settings);
}

} // namespace

} // namespace berkas::app
