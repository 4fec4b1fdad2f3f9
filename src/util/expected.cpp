#include "util/expected.hpp"

namespace berkas {

std::string Error::describe() const
{
    std::string text;
    if (!file.empty() && message.rfind(file + ":", 0) != 0) // a located message names its file already
        text += file + ": ";
    if (!field.empty())
        text += field + ": ";
    text += message;
    return text;
}

Error located_error(std::string code, std::string_view source_name, int line, int column, std::string_view message)
{
    std::string location = std::string(source_name) + ":" + std::to_string(line) + ":" + std::to_string(column);
    return Error {std::move(code), location + ": " + std::string(message), std::string(source_name), {}};
}

} // namespace berkas
