// The public handlingsveileder over real HTTP, on both databases (issue 7,
// item 5): every page is served without a session and never carries
// personal data (the demo families' names and numbers are the canary); a
// municipality's variant shows its own steps; search finds steps and tools;
// nynorsk pages show the nynorsk text; unknown municipalities, steps and
// tools are a clear 404; the JSON API returns the document it renders.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "server_fixture.h"
#include "store/guide_codec.h"
#include "support/demo_session.h"
#include "support/http_client.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

// Nothing of the demo data's people may appear on a public page.
void expect_no_personal_data(const std::string& body, const std::string& where) {
  for (const char* canary : {"Fjordstrand", "Bakkeli", "Lyngmo", "Nesvold", "Fjellstad", "03831259298",
                             "15881950062", "Nora", "Sofie"}) {
    EXPECT_FALSE(has(body, canary)) << canary << " on " << where;
  }
}

class GuideHttp : public ServerSuite<GuideHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

const char* const kPublicPages[] = {
    "/kommune/9901/veileder",
    "/kommune/9901/veileder?tjeneste=skole",
    "/kommune/9901/veileder/trinn/n0-observer",
    "/kommune/9901/veileder/trinn/n1-samtykke?tjeneste=barnehage",
    "/kommune/9901/veileder/verktoy/undringsnotat",
    "/kommune/9901/veileder/verktoy/bekymringsmelding",
    "/kommune/9901/veileder/verktoy/tegn-og-signaler",
    "/kommune/9901/veileder/sok?q=samtykke",
    "/kommune/9901/bekymret",
    "/kommune/9902/veileder",
    "/veileder",
    "/bekymret",
};

TEST_F(GuideHttp, EveryPublicPageIsServedWithoutASessionAndHasNoPersonalData) {
  for (const char* path : kPublicPages) {
    const auto r = get(port(), path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_FALSE(r.has_header("set-cookie")) << "no session is started by reading the guide: " << path;
    expect_no_personal_data(r.body, path);
  }
  // Logged in, the guide is the same guide (and still names nobody but the reader).
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto r = ingrid.get("/kommune/9901/veileder/trinn/n0-observer");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "Observer og undre deg"));
}

TEST_F(GuideHttp, TheOverviewShowsFourLevelsAndEveryStepIsOneClickAway) {
  const auto r = get(port(), "/kommune/9901/veileder");
  ASSERT_EQ(r.status, 200);
  for (const char* level : {"Nivå 0", "Nivå 1", "Nivå 2", "Nivå 3"}) EXPECT_TRUE(has(r.body, level)) << level;
  for (const char* step : {"/kommune/9901/veileder/trinn/n0-observer", "/kommune/9901/veileder/trinn/n1-samtykke",
                           "/kommune/9901/veileder/trinn/n2-involvere", "/kommune/9901/veileder/trinn/n3-ansvarsgruppe"}) {
    EXPECT_TRUE(has(r.body, std::string("href=\"") + step + "\"")) << step;
  }
}

TEST_F(GuideHttp, AVariantShowsItsOwnStepsAndNotesAndHidesOthers) {
  const auto school = get(port(), "/kommune/9901/veileder?tjeneste=skole");
  EXPECT_TRUE(has(school.body, "trinn/n0-skolemiljo?tjeneste=skole")) << "a school-only step in the school guide";
  const auto health = get(port(), "/kommune/9901/veileder?tjeneste=helsestasjon");
  EXPECT_FALSE(has(health.body, "n0-skolemiljo")) << "and not in the health station's";
  EXPECT_TRUE(has(health.body, "trinn/n0-observer?tjeneste=helsestasjon")) << "shared steps are in every variant";
  // An unknown variant is the common guide, not an error.
  EXPECT_EQ(get(port(), "/kommune/9901/veileder?tjeneste=%3Cscript%3E").status, 200);
}

TEST_F(GuideHttp, AStepHasItsToolsBesideItAndNynorskText) {
  const auto nb = get(port(), "/kommune/9901/veileder/trinn/n0-observer");
  ASSERT_EQ(nb.status, 200);
  EXPECT_TRUE(has(nb.body, "href=\"/kommune/9901/veileder/verktoy/undringsnotat\""));
  const auto nn = get(port(), "/kommune/9901/veileder/trinn/n0-observer", {{"Accept-Language", "nn"}});
  ASSERT_EQ(nn.status, 200);
  EXPECT_TRUE(has(nn.body, "lang=\"nn\""));
  EXPECT_FALSE(has(nn.body, "Observer og undre deg")) << "the nynorsk page shows the nynorsk title";
}

TEST_F(GuideHttp, SearchFindsStepsAndToolsInBothForms) {
  const auto page = get(port(), "/kommune/9901/veileder/sok?q=undringsnotat");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "/kommune/9901/veileder/verktoy/undringsnotat"));
  const auto api = get(port(), "/api/v1/municipalities/9901/guide/search?q=SAMTYKKE");
  ASSERT_EQ(api.status, 200);
  const auto hits = boost::json::parse(api.body).at("hits").as_array();
  EXPECT_FALSE(hits.empty()) << "case does not matter";
  const auto none = boost::json::parse(get(port(), "/api/v1/municipalities/9901/guide/search?q=").body);
  EXPECT_TRUE(none.at("hits").as_array().empty());
  // Hostile queries are text, never markup.
  const auto hostile = get(port(), "/kommune/9901/veileder/sok?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_EQ(hostile.status, 200);
  EXPECT_FALSE(has(hostile.body, "<script>alert(1)"));
}

TEST_F(GuideHttp, TheCitizenPageHasTheNationalNumbersAndTheMunicipalitysContacts) {
  const auto r = get(port(), "/kommune/9902/bekymret");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "href=\"tel:112\""));
  EXPECT_TRUE(has(r.body, "href=\"tel:116111\""));
  EXPECT_TRUE(has(r.body, "Lauvåsen kommune"));
  EXPECT_TRUE(has(r.body, "href=\"tel:+4740000001\""));
}

TEST_F(GuideHttp, TheApiReturnsTheDocumentTheWayItIsStored) {
  const auto r = get(port(), "/api/v1/municipalities/9901/guide");
  ASSERT_EQ(r.status, 200);
  const auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body.at("version").as_int64(), 0) << "nothing published yet: the default content";
  EXPECT_TRUE(body.at("default_content").as_bool());
  const auto decoded = store::decode_guide(boost::json::serialize(body.at("guide")));
  EXPECT_TRUE(decoded.problems.empty());
  EXPECT_EQ(decoded.guide.levels.size(), 4u);
}

TEST_F(GuideHttp, UnknownMunicipalitiesStepsAndToolsAreNotFound) {
  for (const char* path : {"/kommune/9999/veileder", "/kommune/abcd/veileder", "/kommune/99010/veileder",
                           "/kommune/9901/veileder/trinn/finnes-ikke", "/kommune/9901/veileder/verktoy/finnes-ikke",
                           "/kommune/9901/veileder/trinn/%00", "/kommune/9999/bekymret",
                           "/api/v1/municipalities/9999/guide"}) {
    const auto r = get(port(), path);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << path << " " << r.status;
  }
  const auto api = get(port(), "/api/v1/municipalities/9999/guide", {{"Accept", "application/json"}});
  EXPECT_EQ(api.status, 404);
  EXPECT_TRUE(has(api.body, "\"error\""));
}

}  // namespace
}  // namespace stafett::testing
