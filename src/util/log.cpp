#include "util/log.hpp"

#include "util/text.hpp"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <string>

namespace berkas::log {

namespace {
std::atomic<Level> minimum_level {Level::info};

const char* label(Level level)
{
    switch (level) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warning: return "peringatan";
    case Level::error: return "galat";
    }
    return "";
}
} // namespace

void set_level(Level level) { minimum_level = level; }

void write(Level level, std::string_view message)
{
    if (level < minimum_level.load())
        return;
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", std::localtime(&now));
    std::string line = std::string(stamp) + " berkas " + label(level) + ": " + mask_identifiers(message) + "\n";
    std::fputs(line.c_str(), stderr);
}

} // namespace berkas::log
