#pragma once
// Errors of the fixture generator: a message for the person running it. The
// generator does not link src/ (fixtures must not move with the code under test),
// so it has its own one-line alias instead of berkas::Expected.
#include <tl/expected.hpp>

#include <string>

namespace berkas::fixture {

template<typename T>
using Result = tl::expected<T, std::string>;

inline tl::unexpected<std::string> failure(std::string message)
{
    return tl::unexpected<std::string>(std::move(message));
}

} // namespace berkas::fixture
