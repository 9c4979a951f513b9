#include "app/session_use_cases.h"

#include <algorithm>

#include "core/random.h"
#include "crypto/data_keys.h"
#include "store/log_repository.h"
#include "store/people_repository.h"
#include "store/session_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

store::Blob hash_of(const std::string& token) {
  const auto h = crypto::token_hash(token);
  return store::Blob(h.begin(), h.end());
}

std::string to_hex(const crypto::Bytes& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (auto b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::optional<crypto::Bytes> from_hex(const std::string& text) {
  if (text.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  crypto::Bytes out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
  }
  return out;
}

// What a demo login is worth: nothing an identity provider vouched for.
constexpr const char* kDemoAssurance = "demo";

std::string kind_code(policy::ActorKind kind) {
  return kind == policy::ActorKind::kEmployee ? "employee" : "citizen";
}

// A new session row for `person` in `tx`; the checks every login shares.
Result<NewSession> open_session_in(Transaction& tx, domain::PersonId person, policy::ActorKind kind, TimePoint now,
                                   TimePoint authenticated_at, const std::string& assurance,
                                   const SessionLimits& limits,
                                   const std::optional<store::SessionProvider>& provider) {
  if (kind == policy::ActorKind::kAnonymous) return make_error(Errc::kForbidden, "anonymous");
  auto found = store::find_person(tx, person);
  if (!found) return found.error();
  if (!*found) return make_error(Errc::kForbidden, "unknown person");
  if (kind == policy::ActorKind::kEmployee) {
    auto employments = store::active_employments(tx, person, now);
    if (!employments) return employments.error();
    if (employments->empty()) return make_error(Errc::kForbidden, "no active employment");
  }
  NewSession out;
  out.token = random_hex(32);
  out.info.actor = policy::Actor{kind, person};
  out.info.csrf_token = random_hex(32);
  out.info.display_name = (*found)->full_name();
  out.info.authenticated_at = authenticated_at;
  if (provider) out.info.provider_issuer = provider->issuer;
  const store::Blob token_hash = hash_of(out.token);
  out.info.token_hash = to_hex(token_hash);
  out.info.assurance = assurance;
  const auto lifetime = kind == policy::ActorKind::kEmployee ? limits.employee : limits.citizen;
  auto r = store::insert_session(tx, token_hash, person, kind_code(kind), out.info.csrf_token, now,
                                 now + lifetime, authenticated_at, assurance, provider);
  if (!r) return r.error();
  return out;
}

std::optional<store::SessionProvider> provider_of(const crypto::DataKeys& keys, const VerifiedLoginSession& login) {
  return store::SessionProvider{login.issuer, login.sid, to_hex(keys.seal(login.id_token))};
}

// The auth_time of a login, never later than now (a provider's clock ahead
// of ours must not make a login look fresher than it is).
TimePoint authenticated_at(const VerifiedLoginSession& login, TimePoint now) {
  return login.authenticated_at ? std::min(*login.authenticated_at, now) : now;
}

}  // namespace

bool recently_authenticated(const SessionInfo& session, TimePoint now, const SessionLimits& limits) {
  return session.authenticated_at + limits.recent_login > now;
}

Result<NewSession> start_demo_session(store::Database& db, domain::PersonId person, policy::ActorKind kind,
                                      const Clock& clock, const SessionLimits& limits) {
  return store::transact_value<NewSession>(db, TxMode::kWrite, [&](Transaction& tx) {
    const TimePoint now = clock.now();
    return open_session_in(tx, person, kind, now, now, kDemoAssurance, limits, std::nullopt);
  });
}

Result<NewSession> start_session(store::Database& db, const crypto::DataKeys& keys, const VerifiedLoginSession& login,
                                 const Clock& clock, const SessionLimits& limits) {
  if (login.issuer.empty() || login.id_token.empty()) return make_error(Errc::kInvalidInput, "no provider");
  return store::transact_value<NewSession>(db, TxMode::kWrite, [&](Transaction& tx) {
    const TimePoint now = clock.now();
    return open_session_in(tx, login.person, login.kind, now, authenticated_at(login, now), login.assurance, limits,
                           provider_of(keys, login));
  });
}

Result<std::optional<NewSession>> renew_session(store::Database& db, const crypto::DataKeys& keys,
                                                std::int64_t session_id, const VerifiedLoginSession& login,
                                                const Clock& clock, const SessionLimits& limits) {
  if (login.issuer.empty() || login.id_token.empty()) return make_error(Errc::kInvalidInput, "no provider");
  return store::transact_value<std::optional<NewSession>>(
      db, TxMode::kWrite, [&](Transaction& tx) -> Result<std::optional<NewSession>> {
        const TimePoint now = clock.now();
        auto old = store::find_live_session_by_id(tx, session_id, now);
        if (!old) return old.error();
        if (!*old) return make_error(Errc::kNotFound, "session no longer live");
        if (auto e = store::end_session(tx, session_id, now); !e) return e.error();
        // Someone else at the provider (a shared computer): the session that
        // asked is over, and nobody is logged in.
        if ((*old)->person != login.person || (*old)->actor_kind != kind_code(login.kind)) {
          return std::optional<NewSession>{};
        }
        auto fresh = open_session_in(tx, login.person, login.kind, now, authenticated_at(login, now), login.assurance,
                                     limits, provider_of(keys, login));
        if (!fresh) return fresh.error();
        return std::optional<NewSession>{std::move(*fresh)};
      });
}

Result<NewSession> renew_demo_session(store::Database& db, std::int64_t session_id, const Clock& clock,
                                      const SessionLimits& limits) {
  return store::transact_value<NewSession>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<NewSession> {
    const TimePoint now = clock.now();
    auto old = store::find_live_session_by_id(tx, session_id, now);
    if (!old) return old.error();
    if (!*old) return make_error(Errc::kNotFound, "session no longer live");
    if ((*old)->provider_issuer) return make_error(Errc::kForbidden, "a provider session renews at its provider");
    if (auto e = store::end_session(tx, session_id, now); !e) return e.error();
    const auto kind = (*old)->actor_kind == "employee" ? policy::ActorKind::kEmployee : policy::ActorKind::kCitizen;
    return open_session_in(tx, (*old)->person, kind, now, now, kDemoAssurance, limits, std::nullopt);
  });
}

Result<std::optional<ProviderLogoutHint>> provider_logout_hint(store::Database& db, const crypto::DataKeys& keys,
                                                              std::int64_t session_id) {
  return store::transact_value<std::optional<ProviderLogoutHint>>(
      db, TxMode::kRead, [&](Transaction& tx) -> Result<std::optional<ProviderLogoutHint>> {
        auto provider = store::find_session_provider(tx, session_id);
        if (!provider) return provider.error();
        if (!*provider) return std::optional<ProviderLogoutHint>{};
        auto sealed = from_hex((*provider)->id_token);
        auto id_token = sealed ? keys.open(*sealed) : Result<std::string>(make_error(Errc::kInvalidInput, "id_token"));
        if (!id_token) return id_token.error();  // altered, or sealed with another key
        return std::optional<ProviderLogoutHint>{ProviderLogoutHint{(*provider)->issuer, std::move(*id_token)}};
      });
}

Result<std::int64_t> end_provider_sessions(store::Database& db, const std::string& issuer, const std::string& sid,
                                           const Clock& clock) {
  if (issuer.empty() || sid.empty()) return std::int64_t{0};
  return store::transact_value<std::int64_t>(db, TxMode::kWrite, [&](Transaction& tx) {
    return store::end_sessions_by_provider_sid(tx, issuer, sid, clock.now());
  });
}

Result<std::optional<SessionInfo>> resume_session(store::Database& db, const std::string& token, const Clock& clock,
                                                  const SessionLimits& limits) {
  if (token.size() != 64) return std::optional<SessionInfo>{};
  // Most requests only read the session: writing last_seen on every request
  // made every page view a write transaction (SQLite's single writer lock and
  // a WAL sync each). last_seen is written once it is kTouchInterval old, so
  // an idle session ends at most that much early. The first attempt runs
  // read-only; when it finds a write due, the lookup runs again in a write
  // transaction, which decides anew under the write lock.
  // Hashed once: the lookup may run twice (read, then write) and the access
  // records name the session by this hash.
  const store::Blob token_hash = hash_of(token);
  const std::string token_hash_hex = to_hex(token_hash);
  struct Lookup {
    bool write_due = false;
    std::optional<SessionInfo> info;
  };
  auto lookup = [&](Transaction& tx, bool writable) -> Result<Lookup> {
    const TimePoint now = clock.now();
    auto row = store::find_live_session(tx, token_hash, now);
    if (!row) return row.error();
    if (!*row) return Lookup{};
    bool idle = (*row)->last_seen + limits.idle <= now;
    // An employee's session lives only as long as an employment: when the
    // municipality's register ends the last one, every session of that
    // person ends at their next request.
    if (!idle && (*row)->actor_kind == "employee") {
      auto employments = store::active_employments(tx, (*row)->person, now);
      if (!employments) return employments.error();
      idle = employments->empty();
    }
    const bool touch = (*row)->last_seen + kTouchInterval <= now;
    if ((idle || touch) && !writable) return Lookup{true, std::nullopt};
    if (idle) {
      if (auto e = store::end_session(tx, (*row)->id, now); !e) return e.error();
      return Lookup{};
    }
    auto person = store::find_person(tx, (*row)->person);
    if (!person) return person.error();
    if (touch) {
      if (auto t = store::touch_session(tx, (*row)->id, now); !t) return t.error();
    }
    SessionInfo info;
    info.id = (*row)->id;
    info.actor = policy::Actor{(*row)->actor_kind == "employee" ? policy::ActorKind::kEmployee
                                                                : policy::ActorKind::kCitizen,
                               (*row)->person};
    info.csrf_token = (*row)->csrf_token;
    info.display_name = *person ? (*person)->full_name() : "";
    info.authenticated_at = (*row)->authenticated_at;
    info.provider_issuer = (*row)->provider_issuer;
    info.token_hash = token_hash_hex;
    info.assurance = (*row)->assurance;
    return Lookup{false, std::move(info)};
  };
  auto read = store::transact_value<Lookup>(db, TxMode::kRead, [&](Transaction& tx) { return lookup(tx, false); });
  if (!read) return read.error();
  if (!read->write_due) return std::move(read->info);
  auto written = store::transact_value<Lookup>(db, TxMode::kWrite, [&](Transaction& tx) { return lookup(tx, true); });
  if (!written) return written.error();
  return std::move(written->info);
}

Result<void> end_session(store::Database& db, std::int64_t session_id, const Clock& clock) {
  return db.transact(TxMode::kWrite, [&](Transaction& tx) { return store::end_session(tx, session_id, clock.now()); });
}

Result<std::vector<DemoPersona>> demo_personas(store::Database& db, const Clock& clock) {
  return store::transact_value<std::vector<DemoPersona>>(db, TxMode::kRead, [&](Transaction& tx)
                                                             -> Result<std::vector<DemoPersona>> {
    const TimePoint now = clock.now();
    auto people = store::all_people(tx);
    if (!people) return people.error();
    std::vector<DemoPersona> employees, citizens;
    for (const auto& person : *people) {
      const domain::PersonId id = person.id;
      auto employments = store::active_employments(tx, id, now);
      if (!employments) return employments.error();
      if (!employments->empty()) {
        const auto& e = employments->front();
        employees.push_back({id, policy::ActorKind::kEmployee, person.full_name(), e.title + ", " + e.unit.name});
        continue;
      }
      auto logs = store::candidate_logs(tx, id, now);
      if (!logs) return logs.error();
      if (!logs->empty()) citizens.push_back({id, policy::ActorKind::kCitizen, person.full_name(), ""});
    }
    employees.insert(employees.end(), citizens.begin(), citizens.end());
    return employees;
  });
}

}  // namespace stafett::app
