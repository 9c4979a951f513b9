#pragma once
// AccessRecord: one read or write of a child's data, as Normen and GDPR art.
// 15 require it: who (and as what, for which unit and service at that
// moment), on what basis, when, what, which action, and from which login.
// Never the content and never a token: the session appears only as a hash.
//
// canonical() is the exact byte string the hash chain covers
// (crypto/hash_chain.h); it is deterministic, so the same record always
// hashes the same on any machine and database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "domain/entry.h"
#include "domain/ids.h"

namespace stafett::domain {

// kChange: a change to the log itself rather than to an entry (its level,
// open or closed, participants, holder, who may write notes). kRemove: not
// an access but the retention run's record of what it removed from a closed
// log (app/retention.h); it names no person (0) and no child (0).
// kFind: the log was found in a search by the child's national identity
// number (break-glass's search: the searcher learned that the log exists).
enum class AccessAction { kView, kCreate, kCorrect, kPrint, kExport, kConsentChange, kChange, kRemove, kFind };
std::string_view access_action_code(AccessAction action);
std::optional<AccessAction> access_action_from_code(std::string_view code);

// Why the access was allowed: taking part in the log under a consent, the
// family's own right, or break-glass with a reason code; kRetention for the
// retention run's removals.
enum class AccessBasis { kParticipation, kFamily, kBreakGlass, kRetention };
std::string_view access_basis_code(AccessBasis basis);
std::optional<AccessBasis> access_basis_from_code(std::string_view code);

struct AccessRecord {
  // who
  PersonId person;
  std::string role;  // participant role code, or "guardian"/"child"
  std::optional<UnitId> unit;
  std::string service;  // service type code of the unit, empty for families
  // on what basis
  AccessBasis basis = AccessBasis::kParticipation;
  std::optional<std::int64_t> consent;  // the consent it rests on, when it does
  std::string break_glass_reason;       // a reason code, only for kBreakGlass
  // when (UTC, milliseconds)
  TimePoint at;
  // what
  PersonId child;
  LogId log;
  std::optional<EntryKind> record_kind;  // nullopt: the log as a whole
  std::optional<EntryId> record;
  AccessAction action = AccessAction::kView;
  // from which login
  std::string session_hash;  // hex of the session token's hash, never the token
  std::string identity_provider;
  std::string assurance;  // acr, e.g. idporten-loa-high
  // what the change wrote: the fingerprint (hex BLAKE2b-256) of the entry
  // version a create or correct stored (app/content_fingerprint.h); empty
  // for reads and for changes that write no entry version. Never content.
  std::string content;
};

// The record as canonical JSON: fixed key order, no whitespace, absent
// optional values as null. Format 1 has no "content"; a record with a
// content fingerprint is format 2, the same keys and "content" last, so
// records written before fingerprints existed keep their bytes and hashes.
std::string canonical(const AccessRecord& record);

}  // namespace stafett::domain
