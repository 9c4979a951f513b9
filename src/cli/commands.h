#pragma once
// The subcommands of the `stafett` executable, as plain functions returning a
// process exit code. main.cc parses the command line and calls one of them;
// this file is the composition root that wires store, web and http together.
#include <string>

#include "app/bench_seed.h"
#include "cli/config.h"

namespace stafett::cli {

struct ServeFlags {
  std::string port_file;  // when set, the bound port is written here once listening
};

int serve(const Config& config, const ServeFlags& flags);
int migrate(const Config& config);
int seed_demo(const Config& config);
int seed_bench(const Config& config, const app::BenchSeedSize& size);
std::string version();

void configure_logging(const std::string& level);

}  // namespace stafett::cli
