#include "cli/deployment_command.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>

#include "core/join.h"

namespace stafett::cli {
namespace {

// The operator reads English at the terminal; the page shows the catalogs' texts.
std::string problem_text(const domain::FieldProblem& p) {
  if (p.message == "deployment.error.number_taken") return "--number: a municipality with this number exists";
  if (p.field == "kommunenummer") return "--number: four digits, the municipality's kommunenummer";
  if (p.field == "name") return "--name: 1 to 200 characters on one line";
  if (p.field == "admin_unit") return "--admin-unit: 1 to 200 characters on one line";
  if (p.field == "admin_given_name") return "--admin-given-name: 1 to 200 characters on one line";
  if (p.field == "admin_family_name") return "--admin-family-name: 1 to 200 characters on one line";
  if (p.field == "admin_title") return "--admin-title: 1 to 200 characters on one line";
  return p.field + ": " + p.message;
}

Result<std::unique_ptr<store::Database>> open_register(const Config& config) {
  store::DatabaseOptions options;
  options.max_connections = 1;
  return store::open_database(config.database_url, options);
}

int fail(std::string_view command, const Error& error) {
  spdlog::error("{}: {} ({})", command, error.detail, errc_name(error.code));
  return 1;
}

int add(store::Database& db, const app::NewMunicipality& in) {
  const SystemClock clock;
  auto outcome = app::add_municipality(db, in, clock);
  if (!outcome) return fail("municipality add", outcome.error());
  if (!outcome->errors.empty()) {
    for (const auto& p : outcome->errors) std::cerr << "stafett municipality add: " << problem_text(p) << "\n";
    return 2;
  }
  const auto& c = *outcome->created;
  spdlog::info("municipality {} added with administrator person {}", in.kommunenummer, c.administrator.value);
  std::cout << "Added " << in.name << " (" << in.kommunenummer << "), municipality " << c.municipality.value << "\n"
            << "Administrator: person " << c.administrator.value << " (" << in.admin_given_name << " "
            << in.admin_family_name << "), employed in unit " << c.admin_unit.value << "\n"
            << "Next: link their login with `stafett identity add --person " << c.administrator.value
            << " --issuer ... --subject ...`\n";
  return 0;
}

int list(store::Database& db) {
  const SystemClock clock;
  auto all = app::deployment_overview(db, clock);
  if (!all) return fail("municipality list", all.error());
  std::cout << "number\tname\tadministrators\tunits\n";
  for (const auto& m : *all) {
    std::string admins;
    for (const auto& a : m.administrators) append_item(admins, ", ", a);
    std::cout << m.municipality.kommunenummer << "\t" << m.municipality.name << "\t" << admins << "\t"
              << m.units.size() << "\n";
  }
  return 0;
}

int share(store::Database& db, std::int64_t unit, const std::string& with) {
  auto r = app::share_unit(db, domain::UnitId{unit}, with);
  if (!r) return fail("municipality share", r.error());
  switch (*r) {
    case app::ShareRefusal::kNone:
      std::cout << "Unit " << unit << " now also serves municipality " << with << "\n";
      return 0;
    case app::ShareRefusal::kUnknownUnit: std::cerr << "stafett municipality share: no unit " << unit << "\n"; break;
    case app::ShareRefusal::kUnknownMunicipality:
      std::cerr << "stafett municipality share: no municipality numbered " << with << "\n";
      break;
    case app::ShareRefusal::kAlreadyServes:
      std::cerr << "stafett municipality share: unit " << unit << " already serves " << with << "\n";
      break;
  }
  return 2;
}

int add_operator(store::Database& db, std::int64_t person) {
  const SystemClock clock;
  auto r = app::add_operator(db, domain::PersonId{person}, clock);
  if (!r) return fail("operator add", r.error());
  switch (*r) {
    case app::OperatorRefusal::kNone:
      spdlog::info("operator role given to person {}", person);
      std::cout << "Person " << person << " is now an operator\n";
      return 0;
    case app::OperatorRefusal::kUnknownPerson:
      std::cerr << "stafett operator add: there is no person " << person << " in the register\n";
      break;
    case app::OperatorRefusal::kAlreadyOperator:
      std::cerr << "stafett operator add: person " << person << " is an operator already\n";
      break;
  }
  return 2;
}

}  // namespace

DeploymentCommand::DeploymentCommand(CLI::App& app) {
  municipality_ = app.add_subcommand("municipality", "Municipalities of this deployment and the units they share");
  municipality_->require_subcommand(1);
  add_ = municipality_->add_subcommand("add", "Create a municipality and its first administrator");
  add_->add_option("--number", new_municipality_.kommunenummer, "Kommunenummer (four digits)")->required();
  add_->add_option("--name", new_municipality_.name, "Name, e.g. \"Storfjell kommune\"")->required();
  add_->add_option("--admin-unit", new_municipality_.admin_unit, "The unit the administrator works in")->required();
  add_->add_option("--admin-given-name", new_municipality_.admin_given_name, "Administrator's given name")->required();
  add_->add_option("--admin-family-name", new_municipality_.admin_family_name, "Administrator's family name")
      ->required();
  add_->add_option("--admin-title", new_municipality_.admin_title, "Administrator's job title")->required();
  list_ = municipality_->add_subcommand("list", "Print the municipalities, their administrators and unit counts");
  share_ = municipality_->add_subcommand("share", "Let a unit also serve another municipality");
  share_->add_option("--unit", unit_, "The unit's id")->required();
  share_->add_option("--with", with_, "Kommunenummer of the municipality it is to serve")->required();
  operator_ = app.add_subcommand("operator", "The deployment's operators (create municipalities on /drift/kommuner)");
  operator_->require_subcommand(1);
  operator_add_ = operator_->add_subcommand("add", "Make a person an operator");
  operator_add_->add_option("--person", person_, "The person's id in the register")->required();
}

bool DeploymentCommand::chosen() const { return municipality_->parsed() || operator_->parsed(); }

int DeploymentCommand::run(const Config& config) const {
  auto db = open_register(config);
  if (!db) {
    spdlog::error("cannot open database: {} ({})", db.error().detail, errc_name(db.error().code));
    return 1;
  }
  if (add_->parsed()) return add(**db, new_municipality_);
  if (list_->parsed()) return list(**db);
  if (share_->parsed()) return share(**db, unit_, with_);
  if (operator_add_->parsed()) return add_operator(**db, person_);
  return 2;
}

}  // namespace stafett::cli
