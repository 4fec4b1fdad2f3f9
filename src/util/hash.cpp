#include "util/hash.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <openssl/evp.h>

namespace berkas {

namespace {

struct DigestContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

std::string to_hex(const unsigned char* digest, unsigned length)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned i = 0; i < length; ++i) {
        hex += digits[digest[i] >> 4];
        hex += digits[digest[i] & 0xf];
    }
    return hex;
}

DigestContext new_sha256()
{
    DigestContext context(EVP_MD_CTX_new());
    EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
    return context;
}

std::string finish(EVP_MD_CTX* context)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
    unsigned length = 0;
    EVP_DigestFinal_ex(context, digest.data(), &length);
    return to_hex(digest.data(), length);
}

} // namespace

struct Sha256::Context {
    DigestContext digest = new_sha256();
};

Sha256::Sha256() : m_context(new Context) {}
Sha256::~Sha256() { delete m_context; }
void Sha256::update(std::string_view bytes) { EVP_DigestUpdate(m_context->digest.get(), bytes.data(), bytes.size()); }
std::string Sha256::finish_hex() { return finish(m_context->digest.get()); }

std::string sha256_hex(std::string_view bytes)
{
    Sha256 hash;
    hash.update(bytes);
    return hash.finish_hex();
}

Expected<std::string> sha256_file(const std::filesystem::path& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return make_error("io", "cannot open for hashing", path.string());
    Sha256 hash;
    std::array<char, 1 << 16> buffer {};
    while (stream) {
        stream.read(buffer.data(), buffer.size());
        hash.update(std::string_view(buffer.data(), static_cast<size_t>(stream.gcount())));
    }
    if (stream.bad())
        return make_error("io", "read error while hashing", path.string());
    return hash.finish_hex();
}

} // namespace berkas
