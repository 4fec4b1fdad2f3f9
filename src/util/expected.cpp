#include "util/expected.hpp"

namespace berkas {

std::string Error::describe() const
{
    std::string text;
    if (!file.empty())
        text += file + ": ";
    if (!field.empty())
        text += field + ": ";
    text += message;
    return text;
}

} // namespace berkas
