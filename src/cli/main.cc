// stafett: one executable; subcommands serve, migrate, seed-demo, seed-bench, identity, municipality, operator,
// audit, retention and version.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "app/bench_seed.h"
#include "cli/audit_command.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "cli/deployment_command.h"
#include "cli/identity_command.h"
#include "cli/retention_command.h"

int main(int argc, char** argv) {
  using stafett::cli::Config;
  CLI::App app{"Stafett: BTI handlingsveileder, stafettlogg and samhandlingsmodell"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand

  std::string config_file;
  if (const char* env = std::getenv("STAFETT_CONFIG")) config_file = env;
  std::string database_url, listen, web_root, port_file, log_level, key_file;
  bool demo = false;
  std::size_t workers = 0;
  long request_timeout_ms = 0, shutdown_grace_ms = 0;

  app.add_option("--config", config_file, "Config file (key = value lines)");
  app.add_option("--database-url", database_url, "sqlite:PATH or postgresql://...");
  app.add_option("--log-level", log_level, "debug, info, warn or error");
  app.add_option("--key-file", key_file, "File with the keys that seal national identity numbers");

  auto* serve = app.add_subcommand("serve", "Run the web server");
  serve->add_option("--listen", listen, "host:port (port 0 picks a free port)");
  serve->add_option("--web-root", web_root, "Folder with templates/, static/ and i18n/");
  serve->add_option("--port-file", port_file, "Write the bound port to this file when ready");
  serve->add_option("--workers", workers, "Worker threads for request handlers");
  serve->add_option("--request-timeout-ms", request_timeout_ms, "Time allowed to receive a request");
  serve->add_option("--shutdown-grace-ms", shutdown_grace_ms, "Time in-flight requests get on shutdown");
  serve->add_flag("--demo", demo, "Offer the demo personas as login (never in production)");
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  auto* seed = app.add_subcommand("seed-demo", "Migrate, then load the fictional demo data");
  auto* bench = app.add_subcommand("seed-bench", "Load a large fictional dataset for `make bench` (after seed-demo)");
  stafett::app::BenchSeedSize bench_size;
  bench->add_option("--logs", bench_size.logs, "Extra logs to create");
  bench->add_option("--entries", bench_size.entries, "Entries spread over the extra logs");
  bench->add_option("--measured-entries", bench_size.measured_entries, "Entries added to demo log 1");
  auto* version = app.add_subcommand("version", "Print the version");
  stafett::cli::IdentityCommand identity(app);
  stafett::cli::DeploymentCommand deployment(app);
  // The access chain (cli/audit_command.h).
  auto* audit = app.add_subcommand("audit", "Check the access chain, or sign its head");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Verify the access chain and its checkpoints (exit 1: broken)");
  auto* audit_checkpoint = audit->add_subcommand("checkpoint", "Append a signed checkpoint of the chain's head now");
  // Retention (cli/retention_command.h).
  auto* retention = app.add_subcommand("retention", "Remove what is past each municipality's retention");
  retention->require_subcommand(1);
  auto* retention_run = retention->add_subcommand("run", "One retention run now (the server runs one daily)");
  bool dry_run = false;
  retention_run->add_flag("--dry-run", dry_run, "Only print what is due; change nothing");
  std::string checkpoint_key_file, checkpoint_file;
  audit->add_option("--checkpoint-key-file", checkpoint_key_file, "Key that signs checkpoints (outside the database)");
  audit->add_option("--checkpoint-file", checkpoint_file, "File the checkpoints are appended to (outside the database)");

  CLI11_PARSE(app, argc, argv);

  if (*version) {
    std::cout << "stafett " << stafett::cli::version() << "\n";
    return 0;
  }

  Config config;
  auto check = [](const stafett::Result<void>& r) {
    if (!r) {
      std::cerr << "stafett: " << r.error().detail << "\n";
      std::exit(2);
    }
  };
  if (!config_file.empty()) check(stafett::cli::apply_config_file(config, config_file));
  check(stafett::cli::apply_environment(config));
  if (!database_url.empty()) check(stafett::cli::apply_setting(config, "database_url", database_url));
  if (!listen.empty()) check(stafett::cli::apply_setting(config, "listen", listen));
  if (!web_root.empty()) check(stafett::cli::apply_setting(config, "web_root", web_root));
  if (!log_level.empty()) check(stafett::cli::apply_setting(config, "log_level", log_level));
  if (!key_file.empty()) check(stafett::cli::apply_setting(config, "key_file", key_file));
  if (!checkpoint_key_file.empty()) check(stafett::cli::apply_setting(config, "checkpoint_key_file", checkpoint_key_file));
  if (!checkpoint_file.empty()) check(stafett::cli::apply_setting(config, "checkpoint_file", checkpoint_file));
  if (demo) config.demo = true;
  if (workers != 0) check(stafett::cli::apply_setting(config, "workers", std::to_string(workers)));
  if (request_timeout_ms != 0) {
    check(stafett::cli::apply_setting(config, "request_timeout_ms", std::to_string(request_timeout_ms)));
  }
  if (shutdown_grace_ms != 0) {
    check(stafett::cli::apply_setting(config, "shutdown_grace_ms", std::to_string(shutdown_grace_ms)));
  }
  stafett::cli::configure_logging(config.log_level);

  if (*serve) return stafett::cli::serve(config, {port_file});
  if (*migrate) return stafett::cli::migrate(config);
  if (*seed) return stafett::cli::seed_demo(config);
  if (*bench) return stafett::cli::seed_bench(config, bench_size);
  if (identity.chosen()) return identity.run(config);
  if (deployment.chosen()) return deployment.run(config);
  if (*audit_verify) return stafett::cli::audit_verify(config, std::cout);
  if (*audit_checkpoint) return stafett::cli::audit_checkpoint(config, std::cout);
  if (*retention_run) return stafett::cli::retention_run(config, dry_run, std::cout);
  return 2;
}
