#pragma once
// Server configuration. Sources, weakest first: built-in defaults, a config
// file (--config FILE or STAFETT_CONFIG), environment variables, command-line
// flags. The file holds "key = value" lines; '#' starts a comment.
//
//   database_url = sqlite:var/stafett.db     (env STAFETT_DATABASE_URL)
//   listen = 127.0.0.1:8080                   (env STAFETT_LISTEN)
//   web_root = web                            (env STAFETT_WEB_ROOT)
//   workers = 16                              (env STAFETT_WORKERS)
//   log_level = info                          (env STAFETT_LOG_LEVEL)
//   key_file = var/stafett.key                (env STAFETT_KEY_FILE; created if missing)
//   demo = false                              (demo personas instead of real login)
//   request_timeout_ms = 15000
//   shutdown_grace_ms = 20000
//   max_body_bytes = 1048576
//   session_idle_minutes = 30                 (a session ends this long after its last request)
//   session_citizen_minutes = 120             (and at most this long after a citizen's login)
//   session_employee_minutes = 720            (or an employee's)
//   recent_login_minutes = 15                 (how recent a login consent and exports need)
//   break_glass_minutes = 120                 (how long a break-glass access lasts; 1 to 120)
//   retention_interval_hours = 24             (serve runs retention this often; 0: only `stafett retention run`)
//   checkpoint_key_file = <key_file's folder>/stafett-checkpoint.key  (env STAFETT_CHECKPOINT_KEY_FILE;
//                                             signs the access chain's checkpoints; created by serve)
//   checkpoint_file = <key_file's folder>/stafett-checkpoints.txt     (env STAFETT_CHECKPOINT_FILE)
//   checkpoint_interval_minutes = 15          (serve signs the chain's head this often; 0: never)
//
// Login with identity providers (OpenID Connect); see docs/configuration.md.
// A provider is configured when its issuer is set; then all its settings and
// public_base_url are required. None configured: only the demo login.
//   public_base_url = https://stafett.example.kommune.no   (redirect URIs start here)
//   oidc_ca_file = /etc/ssl/certs/ca-certificates.crt      (empty: system roots)
//   citizen_issuer = https://test.idporten.no
//   citizen_client_id = ...
//   citizen_client_key_file = /etc/stafett/idporten-key.pem (private_key_jwt)
//   citizen_client_key_id = ...
//   citizen_acr_values = idporten-loa-high                 (space-separated)
//   employee_issuer = https://login.microsoftonline.com/<tid>/v2.0
//   employee_client_id = ...
//   employee_client_secret_file = /etc/stafett/entra-secret (client_secret_post)
//   employee_allowed_tenants = <tid>[,<tid>...]
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/session_use_cases.h"
#include "core/result.h"
#include "http/limits.h"

namespace stafett::cli {

struct ProviderSettings {
  std::string issuer = {};  // empty: this provider is not configured
  std::string client_id = {};
  std::string client_key_file = {};  // private_key_jwt (citizen provider)
  std::string client_key_id = {};
  std::string client_secret_file = {};  // client_secret_post (employee provider)
  std::vector<std::string> acr_values = {};
  std::vector<std::string> allowed_tenants = {};
};

struct Config {
  std::string database_url = "sqlite:var/stafett.db";
  std::string listen = "127.0.0.1:8080";
  std::string web_root = "web";
  // Most of a worker's time is spent waiting (on the database, and on the
  // fsync of its access record), not computing: bench/README.md.
  std::size_t workers = 16;
  std::string log_level = "info";
  std::string key_file = "var/stafett.key";
  // Empty: next to key_file (checkpoint_key_path(), checkpoint_file_path()),
  // so each data directory has its own and test servers never share one.
  std::string checkpoint_key_file = {};
  std::string checkpoint_file = {};
  int checkpoint_interval_minutes = 15;  // 0: the server writes none itself
  int break_glass_minutes = 120;
  int retention_interval_hours = 24;  // 0: the server runs none itself
  bool demo = false;
  http::Limits limits;
  app::SessionLimits sessions;
  std::string public_base_url;
  std::string oidc_ca_file;
  ProviderSettings citizen{.acr_values = {"idporten-loa-high"}};
  ProviderSettings employee;
};

// Whether the login settings fit together (after all sources are applied):
// a configured provider has every setting it needs, over https.
Result<void> check_login_settings(const Config& config);

// Where the access chain's checkpoint key and checkpoints are: as configured,
// or stafett-checkpoint.key / stafett-checkpoints.txt beside key_file.
std::filesystem::path checkpoint_key_path(const Config& config);
std::filesystem::path checkpoint_file_path(const Config& config);

// Applies one "key = value" setting. kInvalidInput for an unknown key or a bad value.
Result<void> apply_setting(Config& config, std::string_view key, std::string_view value);

// Applies every line of `file`. kInvalidInput names the line that is wrong.
Result<void> apply_config_file(Config& config, const std::filesystem::path& file);

// Applies the STAFETT_* environment variables that are set.
Result<void> apply_environment(Config& config);

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};
// "host:port" (IPv6 as "[::1]:8080").
Result<ListenAddress> parse_listen(std::string_view text);

}  // namespace stafett::cli
