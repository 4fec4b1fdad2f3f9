#pragma once
// The one place that names the expected type: a later switch to std::expected
// (g++ 12 offers it only under -std=c++23) is a single edit here.
#include <tl/expected.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace berkas {

// An anticipated failure, carried as a value. `file` and `field` say where a
// person has to look; `message` says why, in words a person can act on.
struct Error {
    std::string code;    // stable machine code, e.g. "corrupt_pdf", "config"
    std::string message; // human-readable explanation
    std::string file;    // the file concerned, if any
    std::string field;   // the field or key concerned, if any

    std::string describe() const;
    bool operator==(const Error&) const = default;
};

// An error at a place in a text file, worded as editors and compilers do:
// "rules/documents.yaml:12:5: unknown key 'reqired'". Line and column count from 1.
Error located_error(std::string code, std::string_view source_name, int line, int column, std::string_view message);

template<typename T>
using Expected = tl::expected<T, Error>;

inline tl::unexpected<Error> make_error(std::string code, std::string message, std::string file = {},
                                        std::string field = {})
{
    return tl::unexpected<Error>(Error {std::move(code), std::move(message), std::move(file), std::move(field)});
}

namespace detail {
template<typename T>
T take_value(Expected<T>& result) { return std::move(*result); }
inline void take_value(Expected<void>&) {}
} // namespace detail

} // namespace berkas

// Propagates the error of an Expected, otherwise yields its value.
#define BERKAS_TRY(expr)                                                                                \
    __extension__({                                                                                               \
        auto _berkas_try_result = (expr);                                                               \
        if (!_berkas_try_result)                                                                        \
            return tl::unexpected(std::move(_berkas_try_result.error()));                               \
        berkas::detail::take_value(_berkas_try_result);                                                 \
    })
