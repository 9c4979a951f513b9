#pragma once
// `stafett identity add|list|remove`: an operator links an employee's account
// at the employee identity provider to a person in the register, lists the
// links, and removes one (which also ends that person's live sessions from
// that provider). The rules are in app/employee_identities.h. A refusal is
// one line on stderr and exit code 2, with nothing written.
#include <cstdint>
#include <string>

#include "cli/config.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace stafett::cli {

class IdentityCommand {
 public:
  // Adds `identity` and its three subcommands to `app`. The options are bound
  // to this object, so it must outlive parsing and stay where it is.
  explicit IdentityCommand(CLI::App& app);
  IdentityCommand(const IdentityCommand&) = delete;
  IdentityCommand& operator=(const IdentityCommand&) = delete;

  // After parsing: whether the command line chose `identity`.
  bool chosen() const;
  // Runs the chosen subcommand with the database and providers of `config`;
  // returns the process exit code (0 done, 1 database trouble, 2 refused).
  int run(const Config& config) const;

 private:
  CLI::App* identity_ = nullptr;
  CLI::App* add_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* remove_ = nullptr;
  CLI::Option* list_person_option_ = nullptr;
  std::string issuer_;
  std::string subject_;
  std::int64_t person_ = 0;
  bool force_issuer_ = false;
};

}  // namespace stafett::cli
