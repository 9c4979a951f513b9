#pragma once
// `stafett municipality add|list|share` and `stafett operator add`: an
// operator sets up the municipalities of a shared deployment at the server
// (app/municipality_setup.h). A refusal is one line per problem on stderr and
// exit code 2, with nothing written.
#include <cstdint>
#include <string>

#include "app/municipality_setup.h"
#include "cli/config.h"

namespace CLI {
class App;
}  // namespace CLI

namespace stafett::cli {

class DeploymentCommand {
 public:
  // Adds both commands to `app`; the options are bound to this object.
  explicit DeploymentCommand(CLI::App& app);
  DeploymentCommand(const DeploymentCommand&) = delete;
  DeploymentCommand& operator=(const DeploymentCommand&) = delete;

  bool chosen() const;
  // 0 done, 1 database trouble, 2 refused.
  int run(const Config& config) const;

 private:
  CLI::App* municipality_ = nullptr;
  CLI::App* add_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* share_ = nullptr;
  CLI::App* operator_ = nullptr;
  CLI::App* operator_add_ = nullptr;
  app::NewMunicipality new_municipality_;
  std::int64_t unit_ = 0;
  std::string with_;
  std::int64_t person_ = 0;
};

}  // namespace stafett::cli
