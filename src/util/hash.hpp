#pragma once
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace berkas {

// SHA-256 computed piece by piece, for hashing while copying.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    std::string finish_hex(); // lower-case hexadecimal

private:
    struct Context;
    Context* m_context;
};

// Lower-case hexadecimal SHA-256.
std::string sha256_hex(std::string_view bytes);
Expected<std::string> sha256_file(const std::filesystem::path& path);

} // namespace berkas
