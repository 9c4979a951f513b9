#include "cli/commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/access_log.h"
#include "app/checkpoint_schedule.h"
#include "app/retention_schedule.h"
#include "app/demo_seed.h"
#include "app/guide_library.h"
#include "auth/relying_party.h"
#include "crypto/checkpoint_key.h"
#include "http/https_client.h"
#include "http/server.h"
#include "store/migrations.h"
#include "web/pipeline.h"

namespace stafett::cli {
namespace {

// The default handlingsveileder that ships with Stafett; the server does not
// start with a document that has any problem.
Result<std::unique_ptr<app::GuideLibrary>> load_guide_library(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(Errc::kNotFound, "cannot read " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  return app::GuideLibrary::from_default(text.str());
}

Result<std::unique_ptr<store::Database>> open_and_migrate(const Config& config) {
  store::DatabaseOptions options;
  options.max_connections = config.workers + 2;
  auto db = store::open_database(config.database_url, options);
  if (!db) return db.error();
  auto report = store::migrate(**db);
  if (!report) return report.error();
  if (report->applied > 0) {
    spdlog::info("database migrated to version {} ({} applied)", report->schema_version, report->applied);
  }
  return db;
}

int fail(std::string_view what, const Error& error) {
  spdlog::error("{}: {} ({})", what, error.detail, errc_name(error.code));
  return 1;
}

// Writes atomically so a test waiting for the file never reads half a number.
bool write_port_file(const std::string& path, std::uint16_t port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << port << '\n';
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

Result<std::string> read_secret_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::kInvalidInput, "cannot read secret file " + path);
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) return make_error(Errc::kInvalidInput, "secret file " + path + " is empty");
  return secret;
}

// Discovers each configured provider at start-up: a provider that cannot be
// reached, or whose metadata is refused, stops the start with a log line
// naming it (an operator sees a wrong issuer at deploy time, not at a
// citizen's first login). Secrets are read here and never logged.
Result<std::unique_ptr<web::LoginProviders>> build_login_providers(const Config& config, const Clock& clock) {
  if (auto r = check_login_settings(config); !r) return r.error();
  auto providers = std::make_unique<web::LoginProviders>();
  if (config.citizen.issuer.empty() && config.employee.issuer.empty()) return providers;
  http::HttpsClientOptions options;
  options.ca_file = config.oidc_ca_file;
  auth::HttpsGet get = [options](const std::string& url) -> Result<auth::FetchedDocument> {
    auto r = http::https_get(url, options);
    if (!r) return r.error();
    return auth::FetchedDocument{r->status, std::move(r->body)};
  };
  auth::HttpsPostForm post = [options](const std::string& url,
                                       const auth::FormFields& fields) -> Result<auth::FetchedDocument> {
    auto r = http::https_post_form(url, fields, {{"Accept", "application/json"}}, options);
    if (!r) return r.error();
    return auth::FetchedDocument{r->status, std::move(r->body)};
  };
  providers->public_base_url = config.public_base_url;
  const std::string redirect_uri = config.public_base_url + std::string(web::kLoginCallbackPath);
  if (!config.citizen.issuer.empty()) {
    auto signer = auth::ClientAssertionSigner::load(config.citizen.client_key_file, config.citizen.client_key_id);
    if (!signer) return signer.error();
    auth::ClientSettings settings{config.citizen.issuer, config.citizen.client_id, redirect_uri,
                                  config.citizen.acr_values, std::move(*signer), {}};
    auto rp = auth::RelyingParty::discover(std::move(settings), get, post, clock);
    if (!rp) return make_error(rp.error().code, "citizen provider " + config.citizen.issuer + ": " + rp.error().detail);
    providers->citizen = std::move(*rp);
    spdlog::info("login: citizen provider {} (private_key_jwt)", config.citizen.issuer);
  }
  if (!config.employee.issuer.empty()) {
    auto secret = read_secret_file(config.employee.client_secret_file);
    if (!secret) return secret.error();
    auth::ClientSettings settings{config.employee.issuer, config.employee.client_id, redirect_uri, {}, std::nullopt,
                                  std::move(*secret)};
    auto rp = auth::RelyingParty::discover(std::move(settings), get, post, clock);
    if (!rp) {
      return make_error(rp.error().code, "employee provider " + config.employee.issuer + ": " + rp.error().detail);
    }
    providers->employee = std::move(*rp);
    providers->allowed_tenants = config.employee.allowed_tenants;
    spdlog::info("login: employee provider {} (client_secret_post, {} allowed tenant(s))", config.employee.issuer,
                 config.employee.allowed_tenants.size());
  }
  return providers;
}

// "https://host[:port]" of a URL: a Content-Security-Policy source.
std::string origin_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto end = url.find_first_of("/?#", scheme + 3);
  return url.substr(0, end);
}

// Where POST /logg-ut may send the browser next: each provider's logout page.
std::vector<std::string> logout_origins(const web::LoginProviders& providers) {
  std::vector<std::string> out;
  for (const auto* rp : {providers.citizen.get(), providers.employee.get()}) {
    if (rp != nullptr && rp->metadata().end_session_endpoint) {
      out.push_back(origin_of(*rp->metadata().end_session_endpoint));
    }
  }
  return out;
}

}  // namespace

void configure_logging(const std::string& level) {
  // Logs go to stderr; stdout is kept for what a person running the command reads.
  auto logger = spdlog::stderr_logger_mt("stafett");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
}

std::string version() { return STAFETT_VERSION; }

int migrate(const Config& config) {
  store::DatabaseOptions options;
  options.max_connections = 1;
  auto db = store::open_database(config.database_url, options);
  if (!db) return fail("cannot open database", db.error());
  auto report = store::migrate(**db);
  if (!report) return fail("migration failed", report.error());
  std::cout << "Database at schema version " << report->schema_version << " (" << report->applied
            << " migration(s) applied now)\n";
  return 0;
}

int seed_demo(const Config& config) {
  auto db = open_and_migrate(config);
  if (!db) return fail("cannot open database", db.error());
  auto keys = crypto::DataKeys::load_or_create(config.key_file);
  if (!keys) return fail("cannot load the data keys", keys.error());
  const SystemClock clock;
  auto report = app::seed_demo(**db, *keys, clock);
  if (!report) return fail("seeding demo data failed", report.error());
  if (report->people == 0) {
    std::cout << "Demo data already in place\n";
  } else {
    std::cout << "Demo data in place: " << report->municipalities << " municipalities, " << report->people
              << " people, " << report->logs << " logs, " << report->catalogue_measures
              << " catalogue measures (all fictional)\n";
  }
  return 0;
}

int seed_bench(const Config& config, const app::BenchSeedSize& size) {
  auto db = open_and_migrate(config);
  if (!db) return fail("cannot open database", db.error());
  const SystemClock clock;
  auto report = app::seed_bench(**db, size, clock);
  if (!report) return fail("seeding benchmark data failed", report.error());
  std::cout << "Benchmark data in place: " << report->logs << " extra logs, " << report->entries
            << " entries (all fictional)\n";
  return 0;
}

int serve(const Config& config, const ServeFlags& flags) {
  auto listen = parse_listen(config.listen);
  if (!listen) return fail("bad listen address", listen.error());
  auto db = open_and_migrate(config);
  if (!db) return fail("cannot open database", db.error());

  const std::filesystem::path web_root(config.web_root);
  auto catalogs = web::Catalogs::load(web_root / "i18n");
  if (!catalogs) return fail("cannot load message catalogs", catalogs.error());
  auto renderer = web::Renderer::load(web_root / "templates", *catalogs);
  if (!renderer) return fail("cannot load templates", renderer.error());
  auto static_files = http::StaticFiles::load(web_root / "static");
  if (!static_files) return fail("cannot load static files", static_files.error());
  auto guides = load_guide_library(web_root / "guide" / "default.json");
  if (!guides) return fail("cannot load the default handlingsveileder", guides.error());

  auto keys = crypto::DataKeys::load_or_create(config.key_file);
  if (!keys) return fail("cannot load the data keys", keys.error());
  if (config.demo) spdlog::warn("demo mode: anyone can log in as a demo persona; never use this in production");
  const SystemClock clock;
  auto login = build_login_providers(config, clock);
  if (!login) return fail("cannot set up login", login.error());
  // The access chain's head is signed every checkpoint_interval_minutes, and
  // once more at shutdown (declared first, so it ends last: after the access
  // log below has committed what was still waiting).
  std::optional<crypto::CheckpointKey> checkpoint_key;
  std::optional<app::CheckpointSchedule> checkpoints;
  if (config.checkpoint_interval_minutes > 0) {
    auto key = crypto::CheckpointKey::load_or_create(checkpoint_key_path(config));
    if (!key) return fail("cannot load the checkpoint key", key.error());
    checkpoint_key.emplace(std::move(*key));
    checkpoints.emplace(**db, *checkpoint_key, checkpoint_file_path(config),
                        std::chrono::minutes(config.checkpoint_interval_minutes), clock);
  }
  // Retention: once a minute after start, then every retention_interval_hours.
  std::optional<app::RetentionSchedule> retention;
  if (config.retention_interval_hours > 0) {
    retention.emplace(**db, std::chrono::minutes(1), std::chrono::hours(config.retention_interval_hours), clock);
  }
  // Every read of a child's data waits for its access record; requests in
  // flight share one commit (group commit). Outlives the server below.
  app::AccessLog access_log(**db);
  const web::AppContext app{**db,         *renderer,       *catalogs,    *static_files, clock,       version(),
                            *keys,        config.demo,     config.sessions, login->get(), &access_log,
                            std::chrono::minutes(config.break_glass_minutes), guides->get()};
  const web::Pipeline pipeline(app);

  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.limits = config.limits;
  options.worker_threads = config.workers;
  options.form_action_origins = logout_origins(**login);
  http::Server server(options, [&pipeline](const http::Request& r) { return pipeline.handle(r); });
  auto port = server.listen();
  if (!port) return fail("cannot start server", port.error());
  if (!flags.port_file.empty() && !write_port_file(flags.port_file, *port)) {
    spdlog::error("cannot write port file {}", flags.port_file);
    return 1;
  }
  const std::string host = listen->host.find(':') != std::string::npos ? "[" + listen->host + "]" : listen->host;
  std::cout << "Stafett is running at http://" << host << ":" << *port << "/  (Ctrl-C stops it)"
            << std::endl;
  spdlog::info("listening on {}:{} with {} workers, database {}", host, *port, config.workers,
               store::backend_name((*db)->backend()));
  server.run(/*handle_signals=*/true);
  return 0;
}

}  // namespace stafett::cli
