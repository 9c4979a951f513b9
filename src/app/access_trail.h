#pragma once
// AccessTrail: how a use case records that someone read or changed a
// child's data, before anything is shown ("no record, no access"). The use
// case knows what was accessed and on what basis (the facts the policy
// decided on); the trail adds from which login (the session's hash, the
// identity provider, the level of assurance) and makes the record durable.
//
// A use case that reads a child's data takes an AccessTrail& and calls
// record() after the policy allowed it and before it returns the data. When
// record() fails the use case returns that error (kUnavailable, which the web
// layer answers with 503) and no data.
// Thread-safety: SessionAccessTrail is per request; AccessLog is shared.
#include <functional>
#include <string>

#include "app/access_log.h"
#include "core/result.h"
#include "domain/access_record.h"
#include "policy/access_facts.h"
#include "policy/actor.h"
#include "store/log_repository.h"

namespace stafett::app {

// A record on its way into the chain: wait() before showing anything.
class PendingAccess {
 public:
  explicit PendingAccess(std::function<Result<void>()> wait) : wait_(std::move(wait)) {}
  Result<void> wait() { return wait_(); }

 private:
  std::function<Result<void>()> wait_;
};

class AccessTrail {
 public:
  virtual ~AccessTrail() = default;
  // Starts recording at once; the caller waits before it returns any data,
  // so the commit runs while the data is being read.
  virtual PendingAccess record_soon(domain::AccessRecord record) = 0;
  // Durable before it returns; an error means: show nothing.
  Result<void> record(domain::AccessRecord record) { return record_soon(std::move(record)).wait(); }
  // For a change: the record goes into the change's own write transaction
  // (commits with it, or neither does). Call it last in the transaction.
  virtual Result<void> record_in(store::Transaction& tx, domain::AccessRecord record) = 0;
};

// Which login a request came from, as access records name it.
struct LoginTrace {
  std::string session_hash;       // hex of the session token's hash
  std::string identity_provider;  // the provider's issuer, or "demo"
  std::string assurance;          // acr, e.g. idporten-loa-high, or "demo"
};

// The server's trail: fills in the login and records through the shared
// AccessLog (group commit). Every failure becomes kUnavailable.
class SessionAccessTrail final : public AccessTrail {
 public:
  SessionAccessTrail(AccessLog& log, LoginTrace login) : log_(log), login_(std::move(login)) {}
  PendingAccess record_soon(domain::AccessRecord record) override;
  Result<void> record_in(store::Transaction& tx, domain::AccessRecord record) override;

 private:
  void stamp(domain::AccessRecord& record) const;

  AccessLog& log_;
  const LoginTrace login_;
};

// A trail that records nothing and so allows nothing (every record() is
// kUnavailable): what a request gets when the server has no access log.
AccessTrail& refusing_access_trail();

// Records a change to `log` on `trail` inside `tx`, with facts loaded afresh
// (for use cases whose permission check did not keep its facts). `entry`
// names the entry changed, when it is one.
Result<void> record_change(store::Transaction& tx, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                           domain::AccessAction action, std::optional<domain::EntryKind> kind,
                           std::optional<domain::EntryId> entry, TimePoint now);

// The record of `actor` doing `action` on `log` at `now`, with the who and
// the basis taken from the facts the policy decided on: the family's own
// right (a guardian, or the child), or an employee's participation under the
// consents in force.
// `kind` and `entry` name the entry, when the access is to one.
domain::AccessRecord access_record_for(const policy::Actor& actor, const policy::AccessFacts& facts,
                                       domain::LogId log, domain::AccessAction action, TimePoint now,
                                       std::optional<domain::EntryKind> kind = std::nullopt,
                                       std::optional<domain::EntryId> entry = std::nullopt);

}  // namespace stafett::app
