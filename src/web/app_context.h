#pragma once
// AppContext: the long-lived services every request may use, built once by the
// composition root (cli/commands.cc). RequestContext: one request on its way
// through the pipeline, with the path parameters, language and actor.
#include <chrono>
#include <string>

#include "app/access_trail.h"
#include "app/guide_library.h"
#include "app/session_use_cases.h"
#include "core/clock.h"
#include "crypto/data_keys.h"
#include "http/query.h"
#include "http/request.h"
#include "http/router.h"
#include "http/static_files.h"
#include "policy/actor.h"
#include "store/database.h"
#include "web/i18n.h"
#include "web/locale.h"
#include "web/login_providers.h"
#include "web/renderer.h"

namespace stafett::web {

struct AppContext {
  store::Database& db;
  const Renderer& renderer;
  const Catalogs& catalogs;
  const http::StaticFiles& static_files;
  const Clock& clock;
  std::string version;
  const crypto::DataKeys& keys;
  bool demo = false;  // serve --demo: the demo personas are the login
  app::SessionLimits sessions;
  const LoginProviders* login = nullptr;  // null or empty: no identity provider configured
  app::AccessLog* access_log = nullptr;   // null: every access to a child's data is refused (503)
  // How long a break-glass access lasts (app::break_glass_window caps it at two hours).
  std::chrono::minutes break_glass_window{120};
  // Each municipality's published handlingsveileder, kept in memory.
  const app::GuideLibrary* guides = nullptr;
};

struct RequestContext {
  const http::Request& request;
  const http::PathParams& params;
  const AppContext& app;
  Locale locale = Locale::kNb;
  policy::Actor actor;
  std::optional<app::SessionInfo> session;
  http::FormFields form;  // the decoded body of a form POST
  app::AccessTrail* access = nullptr;  // this request's access trail; see access_trail()
};

// Where this request records its accesses to a child's data: the session's
// trail, or one that refuses everything when there is none (fail closed).
inline app::AccessTrail& access_trail(const RequestContext& ctx) {
  return ctx.access != nullptr ? *ctx.access : app::refusing_access_trail();
}

}  // namespace stafett::web
