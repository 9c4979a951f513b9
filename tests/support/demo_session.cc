#include "support/demo_session.h"

#include <boost/json/parse.hpp>

namespace stafett::testing {

std::string cookie_value(const HttpResponse& r, const std::string& name) {
  for (const auto& [h, v] : r.headers) {
    if (h == "set-cookie" && v.starts_with(name + "=")) return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
  }
  return "";
}

HttpResponse DemoSession::get(const std::string& path) const { return testing::get(port, path, {{"Cookie", cookie}}); }

HttpResponse DemoSession::form(const std::string& path, const std::string& body) const {
  return request(port, "POST", path, {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                 "_csrf=" + csrf + (body.empty() ? "" : "&" + body));
}

HttpResponse DemoSession::json(const std::string& path, const std::string& body) const {
  return request(port, "POST", path,
                 {{"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", csrf},
                  {"Accept", "application/json"}},
                 body);
}

DemoSession demo_log_in(std::uint16_t port, int person, const std::string& kind) {
  const std::string login_csrf = cookie_value(get(port, "/logg-inn"), "__Host-stafett_login");
  auto r = request(port, "POST", "/demo/logg-inn",
                   {{"Cookie", "__Host-stafett_login=" + login_csrf}, {"Content-Type", "application/x-www-form-urlencoded"}},
                   "_csrf=" + login_csrf + "&person=" + std::to_string(person) + "&kind=" + kind);
  DemoSession s{port, "__Host-stafett_session=" + cookie_value(r, "__Host-stafett_session"), ""};
  auto me = s.get("/api/v1/session");
  if (me.status == 200) s.csrf = std::string(boost::json::parse(me.body).at("csrf_token").as_string());
  return s;
}

}  // namespace stafett::testing
