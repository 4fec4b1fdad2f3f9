#include "submission/schedule.hpp"

#include "submission/lifecycle.hpp"

#include <yaml-cpp/yaml.h>

namespace berkas::submission {

namespace {

struct ScheduleError {
    YAML::Mark mark;
    std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, std::string message) { throw ScheduleError {node.Mark(), message}; }

int read_count(const YAML::Node& node, std::string_view key, int minimum, int maximum)
{
    int value = 0;
    try {
        value = node.as<int>();
    } catch (const YAML::Exception&) {
        fail(node, std::string(key) + " must be a whole number");
    }
    if (value < minimum || value > maximum)
        fail(node, std::string(key) + " must be between " + std::to_string(minimum) + " and " + std::to_string(maximum));
    return value;
}

SopStep read_step(const YAML::Node& node)
{
    if (!node.IsMap())
        fail(node, "each sop_steps entry must be a mapping {step, standard_minutes, activity}");
    const YAML::Node name = node["step"];
    if (!name || !name.IsScalar())
        fail(node, "sop_steps entry without 'step'");
    SopStep step;
    step.step = name.as<std::string>();
    if (step.step != verification_step && !step_from_string(step.step))
        fail(name, "unknown SOP step '" + step.step + "' (use verification or a lifecycle step such as registered)");
    if (!node["standard_minutes"])
        fail(node, "sop_steps entry '" + step.step + "' without standard_minutes");
    step.standard_minutes = read_count(node["standard_minutes"], "standard_minutes", 0, 60 * 24 * 365);
    if (node["activity"] && node["activity"].IsScalar())
        step.activity = node["activity"].as<std::string>();
    return step;
}

Schedule read_schedule(const YAML::Node& root)
{
    Schedule schedule;
    if (!root.IsMap())
        return schedule; // the profile reader reports a malformed profile
    if (const YAML::Node steps = root["sop_steps"]) {
        if (!steps.IsSequence())
            fail(steps, "sop_steps must be a list");
        for (const YAML::Node& step : steps)
            schedule.steps.push_back(read_step(step));
    }
    if (const YAML::Node years = root["certificate_validity_years"])
        schedule.certificate_validity_years = read_count(years, "certificate_validity_years", 1, 10);
    if (const YAML::Node days = root["renewal_notice_days"])
        schedule.renewal_notice_days = read_count(days, "renewal_notice_days", 0, 365);
    return schedule;
}

} // namespace

std::optional<int> Schedule::standard_minutes(std::string_view step) const
{
    std::optional<int> total;
    for (const SopStep& entry : steps) {
        if (entry.step == step)
            total = total.value_or(0) + entry.standard_minutes;
    }
    return total;
}

std::string Schedule::activities(std::string_view step) const
{
    std::string joined;
    for (const SopStep& entry : steps) {
        if (entry.step == step && !entry.activity.empty())
            joined += (joined.empty() ? "" : "; ") + entry.activity;
    }
    return joined;
}

Expected<Schedule> parse_schedule(std::string_view profile_yaml, std::string_view source_name)
{
    try {
        return read_schedule(YAML::Load(std::string(profile_yaml)));
    } catch (const ScheduleError& error) {
        return tl::unexpected(located_error("rules", source_name, error.mark.line + 1, error.mark.column + 1,
                                            error.message));
    } catch (const YAML::Exception& error) {
        return tl::unexpected(located_error("rules", source_name, error.mark.line + 1, error.mark.column + 1, error.msg));
    }
}

} // namespace berkas::submission
