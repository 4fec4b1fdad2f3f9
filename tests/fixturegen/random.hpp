#pragma once
// Seeded randomness that is identical on every platform. std::mt19937 is fully
// specified by the standard; the std::uniform_*_distribution adaptors are not,
// so every mapping from raw 32-bit output to a range is written out here.
#include <cstdint>
#include <random>
#include <span>

namespace berkas::fixture {

// Derives independent streams (identity, layout, scanner) from one seed, so
// that adding a draw to one stream never changes the others.
constexpr std::uint32_t derive_seed(std::uint32_t seed, std::uint32_t stream)
{
    std::uint64_t x = (std::uint64_t {seed} << 32 | stream) + 0x9E3779B97F4A7C15ull; // splitmix64
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return static_cast<std::uint32_t>(x ^ (x >> 31));
}

class SeededRandom {
public:
    explicit SeededRandom(std::uint32_t seed)
        : m_engine(seed)
    {
    }

    // Uniform in [0, n). The modulo bias is negligible for n ≪ 2^32.
    std::uint32_t below(std::uint32_t n) { return n == 0 ? 0 : static_cast<std::uint32_t>(m_engine() % n); }

    // Uniform in [low, high], both inclusive.
    int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::uint32_t>(high - low + 1))); }

    bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

    // Uniform in [0, 1).
    double fraction() { return static_cast<double>(m_engine()) / 4294967296.0; }

    double between_real(double low, double high) { return low + (high - low) * fraction(); }

    template<typename T>
    const T& pick(std::span<const T> items)
    {
        return items[below(static_cast<std::uint32_t>(items.size()))];
    }

private:
    std::mt19937 m_engine;
};

} // namespace berkas::fixture
