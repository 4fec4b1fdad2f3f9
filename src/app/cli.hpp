#pragma once

namespace berkas::app {

// Exit status: 0 when the run completed (an incomplete case is a normal
// outcome), 2 for a usage or configuration error, 1 for a system failure.
enum ExitStatus { exit_ok = 0, exit_failure = 1, exit_usage = 2 };

int run_command_line(int argc, char** argv);

} // namespace berkas::app
