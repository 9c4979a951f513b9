// The request pipeline in isolation, with the real templates and catalogs and
// a route table made for the test: failures inside handlers must become the
// friendly error pages and reveal nothing internal.
#include "web/pipeline.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <stdexcept>

#include "policy/policy.h"
#include "store/migrations.h"

namespace stafett::web {
namespace {

const std::filesystem::path kWeb = std::filesystem::path(STAFETT_SOURCE_DIR) / "web";

http::Response throwing_handler(const RequestContext&) {
  throw std::runtime_error("secret internal detail at /work/src/db.cc:42 SELECT * FROM child");
}

http::Response ok_handler(const RequestContext& ctx) {
  return http::Response::text(200, "hei " + ctx.params.at("name"));
}

constexpr Route kTestRoutes[] = {
    {http::Method::kGet, "/boom", policy::Action::kViewPublicPage, throwing_handler},
    {http::Method::kGet, "/hei/{name}", policy::Action::kViewPublicPage, ok_handler},
    {http::Method::kGet, "/forbidden", static_cast<policy::Action>(4242), ok_handler},
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = std::filesystem::temp_directory_path() / ("stafett-pipeline-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto db = store::open_database("sqlite:" + (dir / "db.sqlite").string());
    ASSERT_TRUE(db);
    db_ = std::move(*db);
    ASSERT_TRUE(store::migrate(*db_));
    catalogs_.emplace(std::move(*Catalogs::load(kWeb / "i18n")));
    renderer_.emplace(std::move(*Renderer::load(kWeb / "templates", *catalogs_)));
    static_files_.emplace(std::move(*http::StaticFiles::load(kWeb / "static")));
    app_.emplace(AppContext{*db_, *renderer_, *catalogs_, *static_files_, clock_, "test", keys_, false, {}});
    pipeline_.emplace(*app_, kTestRoutes);
  }

  http::Request request(std::vector<std::string> segments, http::Headers headers = {}) {
    http::Request r;
    r.segments = std::move(segments);
    r.headers = std::move(headers);
    r.request_id = "req-1234";
    return r;
  }

  std::unique_ptr<store::Database> db_;
  std::optional<Catalogs> catalogs_;
  std::optional<Renderer> renderer_;
  std::optional<http::StaticFiles> static_files_;
  SystemClock clock_;
  crypto::DataKeys keys_ = crypto::DataKeys::for_testing(3);
  std::optional<AppContext> app_;
  std::optional<Pipeline> pipeline_;
};

TEST_F(PipelineTest, AnExceptionInAHandlerBecomesTheFriendly500Page) {
  auto r = pipeline_->handle(request({"boom"}));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("Noe gikk galt hos oss"), std::string::npos);
  EXPECT_NE(r.body.find("req-1234"), std::string::npos) << "the request id helps support find the log line";
  for (const char* leak : {"secret", "/work/", "SELECT", "child", "runtime_error"}) {
    EXPECT_EQ(r.body.find(leak), std::string::npos) << leak;
  }
  EXPECT_EQ(r.route, "/boom");
}

TEST_F(PipelineTest, The500IsJsonForApiClients) {
  auto r = pipeline_->handle(request({"boom"}, {{"accept", "application/json"}}));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_NE(r.body.find("\"code\":\"internal_error\""), std::string::npos);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
}

TEST_F(PipelineTest, AnActionThePolicyDoesNotKnowIsDenied) {
  // Anonymous: a page asks the person to log in, an API client gets 401.
  auto page = pipeline_->handle(request({"forbidden"}));
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.body.find("hei"), std::string::npos) << "the handler must not have run";
  auto api = pipeline_->handle(request({"forbidden"}, {{"accept", "application/json"}}));
  EXPECT_EQ(api.status, 401);
  EXPECT_EQ(api.body.find("hei"), std::string::npos);
}

TEST_F(PipelineTest, PathParametersReachTheHandler) {
  auto r = pipeline_->handle(request({"hei", "Åse"}));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "hei Åse");
  EXPECT_EQ(r.route, "/hei/{name}");
}

// Every route of the real table, asked by an anonymous visitor: public ones
// answer, every other one is refused before its handler runs (a redirect to
// the login page for pages, 401 for the API, 403 for a state change without
// a CSRF token).
TEST_F(PipelineTest, EveryNonPublicRouteRefusesAnAnonymousVisitor) {
  Pipeline real(*app_);
  int checked = 0;
  for (const Route& route : route_table()) {
    if (route.option == RouteOption::kDemoOnly && !app_->demo) continue;  // does not exist here
    http::Request r;
    r.method = route.method;
    r.request_id = "matrix";
    std::string path;
    for (std::string_view rest = route.pattern.substr(1); !rest.empty();) {
      const auto slash = rest.find('/');
      std::string part(rest.substr(0, slash));
      if (part.starts_with("{")) part = part.starts_with("{*") ? "css/app.css" : "1";
      r.segments.push_back(part);
      rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    if (route.pattern.starts_with("/api/")) r.headers.emplace_back("accept", "application/json");
    const auto response = real.handle(r);
    const bool is_public = policy::may_attempt(policy::Actor{}, route.action);
    if (is_public) continue;
    ++checked;
    const bool refused = response.status == 303 || response.status == 401 || response.status == 403;
    EXPECT_TRUE(refused) << http::method_name(route.method) << " " << route.pattern << " answered "
                         << response.status;
    if (response.status == 303) {
      bool to_login = false;
      for (const auto& [name, value] : response.headers) to_login |= name == "Location" && value == "/logg-inn";
      EXPECT_TRUE(to_login) << route.pattern;
    }
  }
  EXPECT_GT(checked, 20) << "the matrix should cover the log routes";
}

TEST_F(PipelineTest, ARefusedPathIsNotFoundWhateverItWouldMatch) {
  auto req = request({"hei", "x"});
  req.path_refused = true;
  EXPECT_EQ(pipeline_->handle(req).status, 404);
}

}  // namespace
}  // namespace stafett::web
