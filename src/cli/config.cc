#include "cli/config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>

namespace stafett::cli {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

template <class T>
Result<T> parse_number(std::string_view key, std::string_view value, T min, T max) {
  T n{};
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || p != value.data() + value.size() || n < min || n > max) {
    return make_error(Errc::kInvalidInput, std::string(key) + " must be a number from " +
                                               std::to_string(min) + " to " + std::to_string(max));
  }
  return n;
}

std::vector<std::string> split_list(std::string_view value, std::string_view separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find_first_of(separators, start);
    if (end == std::string_view::npos) end = value.size();
    const auto item = trim(value.substr(start, end - start));
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

bool https_url(std::string_view url) {
  return url.starts_with("https://") && url.size() > 8 && url.find_first_of(" \t\r\n#?") == std::string_view::npos;
}

// Plain http only for a base URL on this machine (development and tests).
bool base_url_ok(std::string_view url) {
  if (url.ends_with("/") || url.find_first_of(" \t\r\n#?") != std::string_view::npos) return false;
  if (https_url(url)) return true;
  return url.starts_with("http://127.0.0.1") || url.starts_with("http://localhost") || url.starts_with("http://[::1]");
}

Result<void> check_provider(std::string_view name, const ProviderSettings& p, bool key_auth) {
  const std::string prefix(name);
  if (!https_url(p.issuer)) return make_error(Errc::kInvalidInput, prefix + "_issuer must be an https URL");
  if (p.client_id.empty()) return make_error(Errc::kInvalidInput, prefix + "_client_id is required");
  if (key_auth) {
    if (p.client_key_file.empty() || p.client_key_id.empty()) {
      return make_error(Errc::kInvalidInput, prefix + "_client_key_file and " + prefix + "_client_key_id are required");
    }
  } else {
    if (p.client_secret_file.empty()) return make_error(Errc::kInvalidInput, prefix + "_client_secret_file is required");
    if (p.allowed_tenants.empty()) return make_error(Errc::kInvalidInput, prefix + "_allowed_tenants is required");
  }
  return {};
}

}  // namespace

Result<void> check_login_settings(const Config& config) {
  const bool citizen = !config.citizen.issuer.empty();
  const bool employee = !config.employee.issuer.empty();
  if (!citizen && !employee) return {};
  if (!base_url_ok(config.public_base_url)) {
    return make_error(Errc::kInvalidInput,
                      "public_base_url must be an https URL without a trailing '/' (http only on loopback)");
  }
  if (citizen) {
    if (auto r = check_provider("citizen", config.citizen, true); !r) return r;
    if (config.citizen.acr_values.empty()) return make_error(Errc::kInvalidInput, "citizen_acr_values is required");
  }
  if (employee) {
    if (auto r = check_provider("employee", config.employee, false); !r) return r;
  }
  return {};
}

Result<void> apply_setting(Config& config, std::string_view key, std::string_view value) {
  if (key == "database_url") {
    config.database_url = value;
  } else if (key == "listen") {
    if (auto l = parse_listen(value); !l) return l.error();
    config.listen = value;
  } else if (key == "key_file") {
    config.key_file = value;
  } else if (key == "checkpoint_key_file" || key == "checkpoint_file") {
    if (value.empty()) return make_error(Errc::kInvalidInput, std::string(key) + " must name a file");
    (key == "checkpoint_key_file" ? config.checkpoint_key_file : config.checkpoint_file) = value;
  } else if (key == "demo") {
    if (value != "true" && value != "false") return make_error(Errc::kInvalidInput, "demo must be true or false");
    config.demo = value == "true";
  } else if (key == "web_root") {
    config.web_root = value;
  } else if (key == "log_level") {
    if (value != "debug" && value != "info" && value != "warn" && value != "error") {
      return make_error(Errc::kInvalidInput, "log_level must be debug, info, warn or error");
    }
    config.log_level = value;
  } else if (key == "workers") {
    auto n = parse_number<std::size_t>(key, value, 1, 256);
    if (!n) return n.error();
    config.workers = *n;
  } else if (key == "request_timeout_ms") {
    auto n = parse_number<std::int64_t>(key, value, 50, 600000);
    if (!n) return n.error();
    config.limits.request_timeout = std::chrono::milliseconds(*n);
  } else if (key == "shutdown_grace_ms") {
    auto n = parse_number<std::int64_t>(key, value, 0, 600000);
    if (!n) return n.error();
    config.limits.shutdown_grace = std::chrono::milliseconds(*n);
  } else if (key == "session_idle_minutes" || key == "session_citizen_minutes" || key == "session_employee_minutes") {
    // From 5 minutes; at most a day, so a forgotten phone is never logged in for long.
    auto n = parse_number<std::int64_t>(key, value, 5, 24 * 60);
    if (!n) return n.error();
    auto& target = key == "session_idle_minutes"      ? config.sessions.idle
                   : key == "session_citizen_minutes" ? config.sessions.citizen
                                                      : config.sessions.employee;
    target = std::chrono::minutes(*n);
  } else if (key == "recent_login_minutes") {
    // Consent, a new participant or a whole-log export within this long of a
    // proof of identity; 1 to 60 minutes, so "recent" always means recent.
    auto n = parse_number<std::int64_t>(key, value, 1, 60);
    if (!n) return n.error();
    config.sessions.recent_login = std::chrono::minutes(*n);
  } else if (key == "retention_interval_hours") {
    auto n = parse_number<int>(key, value, 0, 24 * 7);
    if (!n) return n.error();
    config.retention_interval_hours = *n;
  } else if (key == "break_glass_minutes") {
    // Never over two hours: a break-glass access is for an emergency, not a way in.
    auto n = parse_number<int>(key, value, 1, 120);
    if (!n) return n.error();
    config.break_glass_minutes = *n;
  } else if (key == "checkpoint_interval_minutes") {
    auto n = parse_number<int>(key, value, 0, 24 * 60);
    if (!n) return n.error();
    config.checkpoint_interval_minutes = *n;
  } else if (key == "max_body_bytes") {
    auto n = parse_number<std::size_t>(key, value, 1024, 64 * 1024 * 1024);
    if (!n) return n.error();
    config.limits.body_bytes = *n;
  } else if (key == "public_base_url") {
    if (!base_url_ok(value)) {
      return make_error(Errc::kInvalidInput,
                        "public_base_url must be an https URL without a trailing '/' (http only on loopback)");
    }
    config.public_base_url = value;
  } else if (key == "oidc_ca_file") {
    config.oidc_ca_file = value;
  } else if (key == "citizen_issuer" || key == "employee_issuer") {
    if (!value.empty() && !https_url(value)) return make_error(Errc::kInvalidInput, std::string(key) + " must be an https URL");
    (key == "citizen_issuer" ? config.citizen : config.employee).issuer = value;
  } else if (key == "citizen_client_id" || key == "employee_client_id") {
    (key == "citizen_client_id" ? config.citizen : config.employee).client_id = value;
  } else if (key == "citizen_client_key_file") {
    config.citizen.client_key_file = value;
  } else if (key == "citizen_client_key_id") {
    config.citizen.client_key_id = value;
  } else if (key == "citizen_acr_values") {
    config.citizen.acr_values = split_list(value, " ,");
  } else if (key == "employee_client_secret_file") {
    config.employee.client_secret_file = value;
  } else if (key == "employee_allowed_tenants") {
    config.employee.allowed_tenants = split_list(value, ", ");
  } else {
    return make_error(Errc::kInvalidInput, "unknown setting " + std::string(key));
  }
  return {};
}

Result<void> apply_config_file(Config& config, const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return make_error(Errc::kInvalidInput, "cannot read config file " + file.string());
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = line;
    if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
    text = trim(text);
    if (text.empty()) continue;
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) {
      return make_error(Errc::kInvalidInput, file.string() + ":" + std::to_string(number) + ": expected key = value");
    }
    if (auto r = apply_setting(config, trim(text.substr(0, eq)), trim(text.substr(eq + 1))); !r) {
      return make_error(Errc::kInvalidInput, file.string() + ":" + std::to_string(number) + ": " + r.error().detail);
    }
  }
  return {};
}

Result<void> apply_environment(Config& config) {
  static constexpr std::pair<const char*, const char*> kVariables[] = {
      {"STAFETT_DATABASE_URL", "database_url"}, {"STAFETT_LISTEN", "listen"},
      {"STAFETT_WEB_ROOT", "web_root"},         {"STAFETT_WORKERS", "workers"},
      {"STAFETT_LOG_LEVEL", "log_level"},     {"STAFETT_KEY_FILE", "key_file"},
      {"STAFETT_CHECKPOINT_KEY_FILE", "checkpoint_key_file"}, {"STAFETT_CHECKPOINT_FILE", "checkpoint_file"},
  };
  for (const auto& [variable, key] : kVariables) {
    if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
      if (auto r = apply_setting(config, key, value); !r) {
        return make_error(Errc::kInvalidInput, std::string(variable) + ": " + r.error().detail);
      }
    }
  }
  return {};
}

Result<ListenAddress> parse_listen(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return make_error(Errc::kInvalidInput, "listen must be host:port");
  }
  std::string_view host = text.substr(0, colon);
  if (host.starts_with("[") && host.ends_with("]")) host = host.substr(1, host.size() - 2);
  auto port = parse_number<std::uint16_t>("port", text.substr(colon + 1), 0, 65535);
  if (!port) return port.error();
  return ListenAddress{std::string(host), *port};
}

std::filesystem::path checkpoint_key_path(const Config& config) {
  if (!config.checkpoint_key_file.empty()) return config.checkpoint_key_file;
  return std::filesystem::path(config.key_file).parent_path() / "stafett-checkpoint.key";
}

std::filesystem::path checkpoint_file_path(const Config& config) {
  if (!config.checkpoint_file.empty()) return config.checkpoint_file;
  return std::filesystem::path(config.key_file).parent_path() / "stafett-checkpoints.txt";
}

}  // namespace stafett::cli
