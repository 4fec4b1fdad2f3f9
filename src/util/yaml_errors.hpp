#pragma once
// Reading hand-edited YAML (rules, profiles) with errors that point at the
// place to fix: "rules/pontianak.yaml:7:5: unknown key 'requierd'". Helpers
// throw YamlError inside a parser; a Collector turns each into an Error and
// lets the parser carry on with the next entry, so that one run of
// `berkas rules check` shows every mistake in a file.
#include "util/expected.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace berkas::yaml_errors {

struct YamlError {
    YAML::Mark mark;
    std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, std::string message);

// parent[key], failing at the parent when the key is absent.
YAML::Node required(const YAML::Node& parent, const char* key);

std::string scalar(const YAML::Node& node, std::string_view what);
int integer(const YAML::Node& node, std::string_view what);
bool boolean(const YAML::Node& node, std::string_view what);

// The node when it is a list; an empty list when it is absent.
YAML::Node sequence(const YAML::Node& node, std::string_view what);
// Fails unless the node is absent or a mapping.
void mapping(const YAML::Node& node, std::string_view what);

void reject_unknown_keys(const YAML::Node& map, std::initializer_list<std::string_view> known);

class Collector {
public:
    explicit Collector(std::string_view source_name, std::string code = "rules")
        : m_source(source_name)
        , m_code(std::move(code))
    {
    }

    // Parses the text; a syntax error is recorded and false returned.
    bool load(std::string_view text, YAML::Node& root);

    // Runs one part of the parse; its error, if any, is recorded.
    template<typename Step>
    void attempt(Step&& step)
    {
        try {
            step();
        } catch (const YamlError& error) {
            add(error.mark, error.message);
        } catch (const YAML::Exception& error) {
            add(error.mark, error.msg);
        }
    }

    void add(const YAML::Node& node, const std::string& message) { add(node.Mark(), message); }
    void add(const YAML::Mark& mark, const std::string& message);
    bool empty() const { return m_errors.empty(); }
    std::vector<Error> take() { return std::move(m_errors); }

private:
    std::string m_source;
    std::string m_code;
    std::vector<Error> m_errors;
};

// Parses `text` with parse_root(root, collector), collecting every error.
template<typename T, typename ParseRoot>
std::pair<T, std::vector<Error>> parse_collecting(std::string_view text, std::string_view source_name,
                                                  ParseRoot parse_root)
{
    Collector errors(source_name);
    YAML::Node root;
    if (!errors.load(text, root))
        return {T {}, errors.take()};
    T value = parse_root(root, errors);
    return {std::move(value), errors.take()};
}

// The parsed value, or the first error when there is any.
template<typename T>
Expected<T> first_error_or(std::pair<T, std::vector<Error>> parsed)
{
    if (!parsed.second.empty())
        return tl::unexpected(parsed.second.front());
    return std::move(parsed.first);
}

} // namespace berkas::yaml_errors
