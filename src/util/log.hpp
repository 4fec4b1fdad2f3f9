#pragma once
// Logging to stderr. Every line passes through mask_identifiers(): a full NIK or
// NIP never reaches a log, whoever wrote the call.
#include <string_view>

namespace berkas::log {

enum class Level { debug, info, warning, error };

void set_level(Level level);
void write(Level level, std::string_view message);

inline void debug(std::string_view message) { write(Level::debug, message); }
inline void info(std::string_view message) { write(Level::info, message); }
inline void warning(std::string_view message) { write(Level::warning, message); }
inline void error(std::string_view message) { write(Level::error, message); }

} // namespace berkas::log
