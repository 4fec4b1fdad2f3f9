#include "submission/crash_point.hpp"

#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace berkas::submission {

void crash_point(std::string_view name)
{
    const char* wanted = std::getenv("BERKAS_TEST_CRASH_AT");
    if (wanted && name == wanted)
        ::kill(::getpid(), SIGKILL);
}

} // namespace berkas::submission
