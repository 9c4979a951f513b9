#include "cli/identity_command.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

#include "app/employee_identities.h"

namespace stafett::cli {
namespace {

using app::IdentityRefusal;

// "2026-11-23T10:05:00Z": operators compare these with other systems' logs.
std::string utc_time(TimePoint t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day date{day};
  const hh_mm_ss time{floor<seconds>(t - day)};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return out;
}

std::string person_text(const app::EmployeeIdentity& identity) {
  return "person " + std::to_string(identity.person.value) + " (" + identity.person_name + ")";
}

std::string refusal_text(IdentityRefusal refusal, const Config& config, std::int64_t person) {
  switch (refusal) {
    case IdentityRefusal::kNone: return "";
    case IdentityRefusal::kBadIssuer:
      return "the issuer must be an https URL of at most " + std::to_string(app::kMaxIssuerLength) +
             " characters; for Entra ID https://login.microsoftonline.com/<tenant id>/v2.0 with the tenant id";
    case IdentityRefusal::kCitizenIssuer:
      return "the issuer is the citizen provider (citizen_issuer); employee identities belong to the employee "
             "provider";
    case IdentityRefusal::kIssuerNotConfigured:
      if (config.employee.issuer.empty()) {
        return "no employee provider is configured (employee_issuer); add --force-issuer to link this issuer anyway";
      }
      return "the issuer is not the configured employee provider " + config.employee.issuer +
             "; add --force-issuer to link it anyway";
    case IdentityRefusal::kBadSubject:
      return "the subject must be 1 to " + std::to_string(app::kMaxSubjectLength) +
             " printable ASCII characters without spaces";
    case IdentityRefusal::kSubjectNotOfTenant:
      return "for Entra ID the subject must be <tenant id>:<object id> with the issuer's tenant id and the "
             "account's object id (lowercase GUIDs), never an e-mail address or user name";
    case IdentityRefusal::kUnknownPerson: return "there is no person " + std::to_string(person) + " in the register";
    case IdentityRefusal::kNotAnEmployee:
      return "person " + std::to_string(person) + " has no employment; only employees get an employee identity";
    case IdentityRefusal::kLinkedToSomeoneElse:
      return "this issuer and subject are linked to another person (see `stafett identity list`); remove that "
             "link first";
    case IdentityRefusal::kNotLinked: return "no link with this issuer and subject";
  }
  return std::string(app::identity_refusal_name(refusal));
}

int refuse(std::string_view command, const std::string& text) {
  std::cerr << "stafett identity " << command << ": " << text << "\n";
  return 2;
}

// Database trouble, not the operator's input: exit code 1, like the other commands.
int fail(std::string_view command, const Error& error) {
  if (error.code == Errc::kConflict) {
    return refuse(command, "the link was changed at the same time by someone else; run the command again");
  }
  spdlog::error("identity {}: {} ({})", command, error.detail, errc_name(error.code));
  return 1;
}

Result<std::unique_ptr<store::Database>> open_register(const Config& config) {
  store::DatabaseOptions options;
  options.max_connections = 1;
  return store::open_database(config.database_url, options);
}

int add_link(store::Database& db, const Config& config, const app::NewEmployeeIdentity& link) {
  const SystemClock clock;
  auto added = app::add_employee_identity(db, link, {config.employee.issuer, config.citizen.issuer}, clock);
  if (!added) return fail("add", added.error());
  if (added->refusal != IdentityRefusal::kNone) {
    return refuse("add", refusal_text(added->refusal, config, link.person.value));
  }
  const auto& identity = *added->identity;
  if (added->already_linked) {
    std::cout << "Already linked (nothing changed): " << identity.issuer << " " << identity.subject << " -> "
              << person_text(identity) << "\n";
    return 0;
  }
  // The subject is a claim value: it goes to the operator's terminal, not to the log.
  spdlog::info("employee identity added: issuer {} person {}{}", identity.issuer, identity.person.value,
               link.issuer == config.employee.issuer ? "" : " (--force-issuer: not the configured employee provider)");
  std::cout << "Linked " << identity.issuer << " " << identity.subject << " -> " << person_text(identity) << "\n";
  return 0;
}

int list_links(store::Database& db, std::optional<domain::PersonId> person) {
  auto identities = app::list_employee_identities(db, person);
  if (!identities && identities.error().code == Errc::kNotFound) {
    return refuse("list", "there is no person " + std::to_string(person->value) + " in the register");
  }
  if (!identities) return fail("list", identities.error());
  if (identities->empty()) {
    std::cout << "No employee identities\n";
    return 0;
  }
  std::cout << "issuer\tsubject\tperson\tname\tcreated\n";
  for (const auto& i : *identities) {
    std::cout << i.issuer << "\t" << i.subject << "\t" << i.person.value << "\t" << i.person_name << "\t"
              << utc_time(i.created) << "\n";
  }
  return 0;
}

int remove_link(store::Database& db, const std::string& issuer, const std::string& subject) {
  const SystemClock clock;
  auto removed = app::remove_employee_identity(db, issuer, subject, clock);
  if (!removed) return fail("remove", removed.error());
  if (removed->refusal != IdentityRefusal::kNone) return refuse("remove", refusal_text(removed->refusal, {}, 0));
  const auto& identity = *removed->identity;
  spdlog::info("employee identity removed: issuer {} person {}, {} live session(s) ended", identity.issuer,
               identity.person.value, removed->sessions_ended);
  std::cout << "Removed " << identity.issuer << " " << identity.subject << " -> " << person_text(identity)
            << " (linked " << utc_time(identity.created) << ")\n"
            << "Ended " << removed->sessions_ended << " live session(s) of that person from this issuer\n";
  return 0;
}

}  // namespace

IdentityCommand::IdentityCommand(CLI::App& app) {
  identity_ = app.add_subcommand("identity", "Link employees' identity provider accounts to people in the register");
  identity_->require_subcommand(1);
  add_ = identity_->add_subcommand("add", "Link an account (issuer + subject) to an employee");
  add_->add_option("--issuer", issuer_, "The provider's issuer, as employee_issuer")->required();
  add_->add_option("--subject", subject_, "The account's stable subject (Entra ID: <tenant id>:<object id>)")
      ->required();
  add_->add_option("--person", person_, "The person's id in the register")->required();
  add_->add_flag("--force-issuer", force_issuer_, "Accept an issuer that is not the configured employee_issuer");
  list_ = identity_->add_subcommand("list", "Print the links (issuer, subject, person, created)");
  list_person_option_ = list_->add_option("--person", person_, "Only this person's links");
  remove_ = identity_->add_subcommand("remove", "Remove a link and end the person's live sessions from that issuer");
  remove_->add_option("--issuer", issuer_, "The provider's issuer")->required();
  remove_->add_option("--subject", subject_, "The account's subject")->required();
}

bool IdentityCommand::chosen() const { return identity_->parsed(); }

int IdentityCommand::run(const Config& config) const {
  auto db = open_register(config);
  if (!db) {
    spdlog::error("cannot open database: {} ({})", db.error().detail, errc_name(db.error().code));
    return 1;
  }
  if (add_->parsed()) {
    return add_link(**db, config, {issuer_, subject_, domain::PersonId{person_}, force_issuer_});
  }
  if (list_->parsed()) {
    const auto person = list_person_option_->count() > 0 ? std::optional{domain::PersonId{person_}} : std::nullopt;
    return list_links(**db, person);
  }
  if (remove_->parsed()) return remove_link(**db, issuer_, subject_);
  return 2;
}

}  // namespace stafett::cli
