#pragma once
// The commands behind the CLI. Each returns an ExitStatus.
#include "pipeline/settings.hpp"

namespace berkas::app {

int command_run_once(const pipeline::Settings& settings);
int command_watch(const pipeline::Settings& settings);
int command_status(const pipeline::Settings& settings, bool as_json);
int command_worker();

} // namespace berkas::app
