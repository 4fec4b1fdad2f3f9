#include "util/yaml_errors.hpp"

#include <algorithm>

namespace berkas::yaml_errors {

void fail(const YAML::Node& node, std::string message) { throw YamlError {node.Mark(), std::move(message)}; }

YAML::Node required(const YAML::Node& parent, const char* key)
{
    if (!parent.IsMap() || !parent[key])
        fail(parent, std::string("missing '") + key + "'");
    return parent[key];
}

std::string scalar(const YAML::Node& node, std::string_view what)
{
    if (!node || !node.IsScalar())
        fail(node, std::string(what) + " must be text");
    return node.Scalar();
}

int integer(const YAML::Node& node, std::string_view what)
{
    try {
        return node.as<int>();
    } catch (const YAML::Exception&) {
        fail(node, std::string(what) + " must be a whole number");
    }
}

bool boolean(const YAML::Node& node, std::string_view what)
{
    try {
        return node.as<bool>();
    } catch (const YAML::Exception&) {
        fail(node, std::string(what) + " must be true or false");
    }
}

YAML::Node sequence(const YAML::Node& node, std::string_view what)
{
    if (!node || node.IsNull())
        return YAML::Node(YAML::NodeType::Sequence);
    if (!node.IsSequence())
        fail(node, std::string(what) + " must be a list");
    return node;
}

void mapping(const YAML::Node& node, std::string_view what)
{
    if (node && !node.IsNull() && !node.IsMap())
        fail(node, std::string(what) + " must be a mapping");
}

void reject_unknown_keys(const YAML::Node& map, std::initializer_list<std::string_view> known)
{
    for (const auto& entry : map) {
        std::string key = entry.first.Scalar();
        if (std::find(known.begin(), known.end(), key) == known.end())
            fail(entry.first, "unknown key '" + key + "'");
    }
}

bool Collector::load(std::string_view text, YAML::Node& root)
{
    try {
        root = YAML::Load(std::string(text));
        return true;
    } catch (const YAML::Exception& error) {
        add(error.mark, error.msg);
        return false;
    }
}

// yaml-cpp counts from zero; editors count from one.
void Collector::add(const YAML::Mark& mark, const std::string& message)
{
    int line = mark.line >= 0 ? mark.line + 1 : 1;
    int column = mark.column >= 0 ? mark.column + 1 : 1;
    m_errors.push_back(located_error(m_code, m_source, line, column, message));
}

} // namespace berkas::yaml_errors
