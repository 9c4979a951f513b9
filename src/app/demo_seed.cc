#include "app/demo_seed.h"

#include <map>

#include "core/oslo_time.h"
#include "domain/model_change.h"
#include "domain/municipality.h"
#include "domain/national_id.h"
#include "store/consent_repository.h"
#include "store/log_repository.h"
#include "store/arena_repository.h"
#include "store/catalogue_repository.h"
#include "store/plan_repository.h"
#include "store/model_history_repository.h"
#include "store/municipality_repository.h"
#include "store/service_catalogue_repository.h"
#include "store/break_glass_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using namespace std::chrono;
using domain::InfoCategory;
using domain::ServiceType;
using store::Transaction;

// Everything below is invented. Names are made up; national identity numbers
// are synthetic (month + 80) and can never belong to a real person.
struct DemoPerson {
  const char* key;
  const char* given;
  const char* family;
  int year, month, day;  // birth date
};

constexpr DemoPerson kPeople[] = {
    // Employees
    {"ingrid", "Ingrid", "Fjellstad", 1984, 5, 2},   // teacher, Fjordvik skole
    {"ole", "Ole", "Brattli", 1979, 9, 21},          // pedagogical leader, Solsikken barnehage
    {"sara", "Sara", "Holmvik", 1988, 1, 14},        // public health nurse
    {"jonas", "Jonas", "Strandli", 1975, 11, 3},     // PPT adviser (shared service)
    {"mette", "Mette", "Krogvik", 1981, 7, 30},      // child welfare adviser
    {"ahmed", "Ahmed", "Sørbø", 1986, 2, 8},         // NAV adviser
    {"tone", "Tone", "Ravnås", 1970, 12, 12},        // former teacher (employment ended)
    {"liv", "Liv", "Aasmo", 1968, 6, 19},            // municipal administrator
    // Family 1: two guardians
    {"hanne", "Hanne", "Fjordstrand", 1987, 3, 22},
    {"erik", "Erik", "Fjordstrand", 1985, 10, 5},
    {"nora", "Nora", "Fjordstrand", 2017, 4, 12},
    // Family 2: one guardian, a withdrawn consent in the history
    {"amina", "Amina", "Bakkeli", 1992, 8, 17},
    {"leo", "Leo", "Bakkeli", 2021, 6, 1},
    // Family 3: the child is old enough to see her own log
    {"maria", "Maria", "Lyngmo", 1980, 1, 25},
    {"thomas", "Thomas", "Lyngmo", 1978, 4, 9},
    {"sofie", "Sofie", "Lyngmo", 2012, 3, 3},
    // Family 4: no log yet (try "Ny stafettlogg" with kDemoChildWithoutLog)
    {"kristin", "Kristin", "Nesvold", 1990, 2, 27},
    {"iben", "Iben", "Nesvold", 2019, 8, 15},
    // Added after the families so the ids above stay as they were.
    {"randi", "Randi", "Vikås", 1972, 9, 9},         // privacy officer (personvernombud)
    {"bjorn", "Bjørn", "Lindvik", 1976, 4, 18},      // BTI coordinator, Fjordvik (edits the guide)
    {"gry", "Gry", "Solbakken", 1983, 11, 2},        // BTI coordinator, Lauvåsen
    {"kjell", "Kjell", "Havrå", 1965, 3, 3},         // operator of the deployment (creates municipalities)
};

class Seeder {
 public:
  Seeder(Transaction& tx, const crypto::DataKeys& keys, TimePoint now) : tx_(tx), keys_(keys), now_(now) {}

  Result<void> run(SeedReport& report) {
    for (const auto& [name, number] : {std::pair{"Fjordvik kommune", "9901"}, std::pair{"Lauvåsen kommune", "9902"}}) {
      auto m = domain::make_municipality(name, number);
      if (!m) return m.error();
      auto id = store::ensure_municipality(tx_, *m, now_);
      if (!id) return id.error();
      municipalities_[number] = *id;
      ++report.municipalities;
    }
    // Already seeded? Then leave everything as it is.
    auto existing = store::units_serving(tx_, municipalities_["9901"]);
    if (!existing) return existing.error();
    if (!existing->empty()) return {};

    const auto fjordvik = municipalities_["9901"];
    const auto lauvasen = municipalities_["9902"];
    if (auto r = store::save_municipality_settings(tx_, fjordvik, {}, std::nullopt, now_); !r) return r.error();
    domain::ConsentSettings one_guardian;
    one_guardian.rule = domain::ConsentRule::kOneGuardian;
    if (auto r = store::save_municipality_settings(tx_, lauvasen, one_guardian, std::nullopt, now_); !r) return r.error();

    struct U { const char* key; const char* name; ServiceType type; domain::MunicipalityId owner; bool shared; };
    const U units[] = {
        {"barnehage", "Solsikken barnehage", ServiceType::kKindergarten, fjordvik, false},
        {"skole", "Fjordvik skole", ServiceType::kSchool, fjordvik, false},
        {"helsestasjon", "Fjordvik helsestasjon og skolehelsetjeneste", ServiceType::kHealthStation, fjordvik, false},
        {"ppt", "PPT Fjordregionen", ServiceType::kEducationalPsychology, fjordvik, true},
        {"barnevern", "Barneverntjenesten i Fjordregionen", ServiceType::kChildWelfare, fjordvik, true},
        {"nav", "NAV Fjordvik", ServiceType::kNav, fjordvik, false},
        {"oppvekst", "Oppvekstkontoret i Fjordvik", ServiceType::kOther, fjordvik, false},
        {"lauvasen_skole", "Lauvåsen skule", ServiceType::kSchool, lauvasen, false},
    };
    for (const U& u : units) {
      auto id = store::insert_unit(tx_, u.owner, u.name, u.type, now_);
      if (!id) return id.error();
      units_[u.key] = *id;
      if (u.shared) {
        if (auto r = store::add_unit_serves(tx_, *id, lauvasen); !r) return r.error();
      }
    }

    // Each unit's entry in the service catalogue (tjenesteoversikt),
    // fictional; the administration's own entry is not public.
    struct P { const char* unit; const char* description; const char* from; const char* to;
               std::vector<std::string> needs; std::vector<std::string> levels; const char* phone; const char* address;
               const char* hours; bool referral; bool is_public; };
    const P profiles[] = {
        {"barnehage", "Barnehage for barn fra ett til seks år. Vi ser hvert barn hver dag og tar kontakt med "
         "foreldrene når noe undrer oss.", "1", "6", {"language", "behaviour", "family"}, {"0", "1", "2"},
         "22 00 10 01", "Solsikkevegen 4, Fjordvik", "man–fre 07.00–16.30", false, true},
        {"skole", "Barneskole og ungdomsskole. Snakk med kontaktlæreren først; skolen har også sosiallærer og "
         "miljøarbeider.", "6", "16", {"learning", "behaviour", "absence", "leisure"}, {"0", "1", "2"}, "22 00 10 02",
         "Skolegata 10, Fjordvik", "man–fre 08.00–15.30", false, true},
        {"helsestasjon", "Helsestasjon for barn fra fødsel og skolehelsetjeneste for elever til 20 år. Helsesykepleier "
         "har **drop-in** på skolen hver tirsdag.", "0", "20",
         {"physical_health", "mental_health", "family", "substance", "violence"}, {"0", "1", "2", "3"}, "22 00 10 03",
         "Helsetunet 2, Fjordvik", "man–fre 08.00–15.30", false, true},
        {"ppt", "Pedagogisk-psykologisk tjeneste for Fjordvik og Lauvåsen. Utreder og gir råd om læring, språk og "
         "utvikling.", "0", "18", {"learning", "language"}, {"2", "3"}, "22 00 10 04", "Regionhuset, Fjordvik",
         "man–fre 08.30–15.00", true, true},
        {"barnevern", "Barneverntjenesten for Fjordvik og Lauvåsen. Alle kan ta kontakt om et barn de er bekymret "
         "for, også uten å si navnet sitt.", "0", "18", {"violence", "family", "substance", "mental_health"},
         {"2", "3"}, "22 00 10 05", "Regionhuset, Fjordvik", "man–fre 08.00–15.30", false, true},
        {"nav", "NAV hjelper familier med økonomi, bolig og arbeid.", "0", "25", {"economy", "family"}, {"1", "2"},
         "22 00 10 06", "Torget 1, Fjordvik", "man–fre 09.00–15.00", false, true},
        {"oppvekst", "Kommunens stab for oppvekst: BTI-koordinator, planer og samarbeidsavtaler.", "0", "18", {},
         {"0", "1", "2", "3"}, "", "", "", false, false},
        {"lauvasen_skole", "Barneskule for Lauvåsen. Skulen har leksehjelp og aktivitetsgruppe etter skuletid.", "6",
         "13", {"learning", "leisure"}, {"0", "1", "2"}, "22 00 20 01", "Skulevegen 3, Lauvåsen",
         "mån–fre 08.00–15.00", false, true},
    };
    for (const P& p : profiles) {
      domain::ServiceProfileInput in{p.description, p.from, p.to, p.needs, p.levels, p.phone, p.address, p.hours, "",
                                     p.referral, p.is_public};
      auto checked = domain::check_service_profile(in);
      if (!checked.problems.empty()) {
        return make_error(Errc::kInternal, "demo profile " + std::string(p.unit) + ": " + checked.problems[0].message);
      }
      const auto unit = units_[p.unit];
      if (auto r = store::save_unit_profile(tx_, unit, checked.profile, std::nullopt, now_); !r) return r.error();
      auto row = store::find_unit(tx_, unit);
      if (!row || !*row) return make_error(Errc::kInternal, "demo unit vanished");
      auto v = store::append_model_change(tx_, (*row)->municipality, domain::ModelKind::kService, unit.value,
                                          domain::service_snapshot((*row)->name, (*row)->service, checked.profile),
                                          "", std::nullopt, now_);
      if (!v) return v.error();
    }

    // Fjordvik's cooperation arenas: the school's resource team (public) and
    // the municipality's BTI team (internal).
    {
      domain::Arena team;
      team.municipality = fjordvik;
      team.name = "Ressursteam Fjordvik skole";
      team.purpose = "Lærere drøfter elever de undrer seg over med helsesykepleier og PPT, anonymt eller med "
                     "samtykke fra foreldrene.";
      team.level_from = 0;
      team.level_to = 2;
      team.frequency = "Annenhver tirsdag";
      team.children = domain::Attendance::kNo;
      team.parents = domain::Attendance::kWhenRelevant;
      team.how_to_bring = "Meld saken til rektor senest fredagen før møtet.";
      team.is_public = true;
      team.members = {{units_["skole"], "Fjordvik skole", true},
                      {units_["helsestasjon"], "Fjordvik helsestasjon og skolehelsetjeneste", true},
                      {units_["ppt"], "PPT Fjordregionen", false},
                      {units_["barnevern"], "Barneverntjenesten i Fjordregionen", false}};
      domain::Arena bti = team;
      bti.name = "BTI-team Fjordvik";
      bti.purpose = "Ledere fra tjenestene følger opp hvordan kommunen arbeider etter BTI-modellen.";
      bti.level_from = 2;
      bti.level_to = 3;
      bti.frequency = "Hver måned";
      bti.parents = domain::Attendance::kNo;
      bti.anonymous_cases = true;
      bti.log_cases = false;
      bti.is_public = false;
      bti.members = {{units_["oppvekst"], "Oppvekstkontoret i Fjordvik", true},
                     {units_["barnevern"], "Barneverntjenesten i Fjordregionen", true}};
      for (auto* a : {&team, &bti}) {
        auto id = store::insert_arena(tx_, *a, now_);
        if (!id) return id.error();
        a->id = *id;
        auto v = store::append_model_change(tx_, fjordvik, domain::ModelKind::kArena, *id, domain::arena_snapshot(*a),
                                            "", std::nullopt, now_);
        if (!v) return v.error();
      }
    }

    // Fjordvik's plan for preventive work and a transition routine that is
    // due for review (last reviewed 14 months ago).
    {
      const auto today = oslo_date(now_);
      domain::Plan plan;
      plan.municipality = fjordvik;
      plan.level = domain::PlanLevel::kMunicipality;
      plan.kind = domain::PlanKind::kPlan;
      plan.title = "Plan for forebyggende arbeid for barn og unge 2025–2028";
      plan.body = "### Mål\n\n- Alle barn skal ha en trygg voksen.\n- Tjenestene skal oppdage bekymring tidlig.\n\n"
                  "### Slik arbeider vi\n\nKommunen bruker BTI-modellen med handlingsveileder og stafettlogg.";
      plan.owner = "Kommunalsjef for oppvekst";
      plan.reviewed_on = sys_days{today} - days(30);
      plan.is_public = true;
      domain::Plan routine = plan;
      routine.level = domain::PlanLevel::kService;
      routine.kind = domain::PlanKind::kRoutine;
      routine.title = "Overgangsrutine barnehage–skole";
      routine.body = "1. Barnehagen inviterer foreldrene til samtale i januar.\n2. Med samtykke møter skolen barnehagen i mars.";
      routine.owner = "Rektor, Fjordvik skole";
      routine.reviewed_on = sys_days{today} - days(430);
      for (auto* p : {&plan, &routine}) {
        auto id = store::insert_plan(tx_, *p, now_);
        if (!id) return id.error();
        p->id = *id;
        auto v = store::append_model_change(tx_, fjordvik, domain::ModelKind::kPlan, *id, domain::plan_snapshot(*p), "",
                                            std::nullopt, now_);
        if (!v) return v.error();
      }
    }

    // Each municipality's measures catalogue (tiltaksoversikt), fictional.
    struct C { domain::MunicipalityId owner; const char* name; const char* description; int from, to; const char* unit;
               const char* request; };
    const C catalogue[] = {
        {fjordvik, "Foreldreveiledning i gruppe",
         "Samlinger for foreldre om samspill, grenser og det å være trygg voksen for barnet.", 1, 2, "helsestasjon",
         "Snakk med helsesykepleier eller ring helsestasjonen."},
        {fjordvik, "Samtaler med helsesykepleier",
         "Faste samtaler på skolen for barn og unge som trenger noen å snakke med.", 1, 2, "helsestasjon",
         "Eleven eller foreldrene kan ta kontakt direkte, eller skolen kan spørre med samtykke."},
        {fjordvik, "Fast voksen i friminuttene",
         "En kjent voksen som er sammen med barnet i friminuttene og hjelper inn i leken.", 1, 2, "skole",
         "Avtales med kontaktlæreren."},
        {fjordvik, "Leksehjelp med ekstra oppfølging",
         "Leksehjelp to ettermiddager i uken med en voksen som følger opp hvert barn.", 1, 1, "skole",
         "Avtales med kontaktlæreren."},
        {fjordvik, "Veiledning fra PPT", "PP-rådgiver veileder personalet rundt barnet.", 2, 3, "ppt",
         "Henvisning fra barnehagen eller skolen, med samtykke fra foreldrene."},
        {lauvasen, "Aktivitetsgruppe etter skoletid", "Fritidsgruppe for barn som trenger et trygt sted å være.", 1,
         2, "lauvasen_skole", "Ta kontakt med skolen."},
    };
    for (const C& c : catalogue) {
      domain::CatalogueMeasure m;
      m.municipality = c.owner;
      m.name = c.name;
      m.description = c.description;
      m.level_from = c.from;
      m.level_to = c.to;
      m.providers = {{units_[c.unit], ""}};
      m.how_to_request = c.request;
      m.target_group = c.to >= 2 ? "Barn og unge med behov for tettere oppfølging" : "Barn og foreldre";
      m.age_from = c.unit == std::string("skole") || c.unit == std::string("lauvasen_skole") ? 6 : 0;
      m.age_to = 16;
      m.evidence = c.unit == std::string("ppt") ? "Systemrettet arbeid etter opplæringsloven" : "";
      auto id = store::insert_catalogue_measure(tx_, m, now_);
      if (!id) return id.error();
      auto stored = store::find_catalogue_measure(tx_, *id);
      if (!stored || !*stored) return make_error(Errc::kInternal, "demo measure vanished");
      auto v = store::append_model_change(tx_, c.owner, domain::ModelKind::kMeasure, id->value,
                                          domain::measure_snapshot(**stored), "", std::nullopt, now_);
      if (!v) return v.error();
      ++report.catalogue_measures;
    }

    int seed = 1;
    for (const DemoPerson& p : kPeople) {
      const year_month_day birth{year{p.year}, month{static_cast<unsigned>(p.month)}, day{static_cast<unsigned>(p.day)}};
      const std::string national_id = std::string(p.key) == "iben" ? std::string(kDemoChildWithoutLog)
                                                                   : domain::make_synthetic_national_id(birth, seed * 37);
      ++seed;
      store::NewPerson np;
      np.given_name = p.given;
      np.family_name = p.family;
      const auto hash = keys_.lookup_hash(national_id);
      const auto sealed = keys_.seal(national_id);
      np.national_id_hash = store::Blob(hash.begin(), hash.end());
      np.national_id_sealed = store::Blob(sealed.begin(), sealed.end());
      char date[11];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", p.year, p.month, p.day);
      np.birth_date = std::string(date);
      auto id = store::insert_person(tx_, np, now_);
      if (!id) return id.error();
      people_[p.key] = *id;
    }

    const TimePoint long_ago = now_ - days(3 * 365);
    struct E { const char* who; const char* unit; const char* title; };
    for (const E& e : {E{"ingrid", "skole", "Kontaktlærer"}, E{"ole", "barnehage", "Pedagogisk leder"},
                       E{"sara", "helsestasjon", "Helsesykepleier"}, E{"jonas", "ppt", "PP-rådgiver"},
                       E{"mette", "barnevern", "Barnevernskonsulent"}, E{"ahmed", "nav", "Veileder"},
                       E{"liv", "oppvekst", "Oppvekstsjef"}, E{"randi", "oppvekst", "Personvernombud"},
                       E{"bjorn", "oppvekst", "BTI-koordinator"}, E{"gry", "lauvasen_skole", "BTI-koordinator"},
                       E{"kjell", "oppvekst", "Driftsoperatør"}}) {
      if (auto r = store::insert_employment(tx_, people_[e.who], units_[e.unit], e.title, long_ago, std::nullopt); !r) {
        return r.error();
      }
    }
    // Tone's employment ended last month: she keeps no rights in any log.
    if (auto r = store::insert_employment(tx_, people_["tone"], units_["skole"], "Kontaktlærer", long_ago,
                                          now_ - days(30));
        !r) {
      return r.error();
    }
    if (auto r = store::insert_municipal_role(tx_, people_["liv"], fjordvik, "admin", long_ago); !r) return r.error();
    // Each municipality's BTI coordinator edits and publishes its guide.
    if (auto r = store::insert_municipal_role(tx_, people_["bjorn"], fjordvik, "bti_coordinator", long_ago); !r) {
      return r.error();
    }
    if (auto r = store::insert_municipal_role(tx_, people_["gry"], lauvasen, "bti_coordinator", long_ago); !r) {
      return r.error();
    }
    if (auto r = store::insert_municipal_role(tx_, people_["randi"], fjordvik, "privacy_officer", long_ago); !r) {
      return r.error();
    }
    if (auto r = store::insert_operator_role(tx_, people_["kjell"], long_ago); !r) return r.error();
    // The child welfare service may use break-glass in Fjordvik's logs (an
    // emergency, the duty to inform it); Mette is designated for it.
    if (auto r = store::insert_break_glass_designation(tx_, people_["mette"], fjordvik, long_ago); !r) {
      return r.error();
    }

    for (auto [guardian, child] : {std::pair{"hanne", "nora"}, std::pair{"erik", "nora"}, std::pair{"amina", "leo"},
                                   std::pair{"maria", "sofie"}, std::pair{"thomas", "sofie"},
                                   std::pair{"kristin", "iben"}}) {
      if (auto r = store::insert_parental_responsibility(tx_, people_[guardian], people_[child], long_ago,
                                                         std::nullopt, now_);
          !r) {
        return r.error();
      }
    }

    // Family 1: Nora, level 2, held by the school; the health nurse takes
    // part; child welfare takes part hidden from the other participants.
    auto nora = open_log("nora", fjordvik, 2, "ingrid", "skole", {"hanne", "erik"},
                         {"skole", "helsestasjon", "barnevern"}, domain::CategorySet::all());
    if (!nora) return nora.error();
    if (auto r = add(*nora, "sara", "helsestasjon", domain::ParticipantRole::kContributor, false); !r) return r.error();
    if (auto r = add(*nora, "mette", "barnevern", domain::ParticipantRole::kReader, true); !r) return r.error();
    if (auto r = add(*nora, "tone", "skole", domain::ParticipantRole::kContributor, false); !r) return r.error();

    // Family 2: Leo, level 1, held by the kindergarten. Amina first consented
    // to the kindergarten only and withdrew that; her new consent adds PPT.
    domain::CategorySet basic_and_goals;
    basic_and_goals.add(InfoCategory::kBasic);
    basic_and_goals.add(InfoCategory::kGoalsMeasures);
    basic_and_goals.add(InfoCategory::kMeetings);
    auto leo = open_log("leo", fjordvik, 1, "ole", "barnehage", {"amina"}, {"barnehage"}, basic_and_goals);
    if (!leo) return leo.error();
    auto first = store::consents_of(tx_, *leo);
    if (!first) return first.error();
    if (auto r = store::insert_withdrawal(tx_, first->front().id, people_["amina"], people_["amina"], now_ - days(20)); !r) {
      return r.error();
    }
    if (auto r = consent(*leo, "amina", {"barnehage", "ppt"}, basic_and_goals, domain::ConsentMethod::kDigital,
                         std::nullopt, now_ - days(19));
        !r) {
      return r.error();
    }
    if (auto r = add(*leo, "jonas", "ppt", domain::ParticipantRole::kContributor, false); !r) return r.error();

    // Family 3: Sofie (14), level 3, held by the health station, with NAV and PPT.
    auto sofie = open_log("sofie", fjordvik, 3, "sara", "helsestasjon", {"maria", "thomas"},
                          {"helsestasjon", "nav", "ppt", "skole"}, domain::CategorySet::all());
    if (!sofie) return sofie.error();
    if (auto r = add(*sofie, "ahmed", "nav", domain::ParticipantRole::kReader, false); !r) return r.error();
    if (auto r = add(*sofie, "jonas", "ppt", domain::ParticipantRole::kContributor, false); !r) return r.error();
    report.logs = 3;
    report.people = static_cast<int>(people_.size());
    return {};
  }

 private:
  Result<void> consent(domain::LogId log, const char* by, std::initializer_list<const char*> units,
                       domain::CategorySet categories, domain::ConsentMethod method,
                       std::optional<domain::PersonId> attested_by, TimePoint at) {
    domain::Consent c;
    c.log = log;
    c.given_by = people_[by];
    c.given_as = domain::ConsenterRole::kGuardian;
    c.method = method;
    c.attested_by = attested_by;
    c.recorded_by = attested_by ? *attested_by : people_[by];
    c.given_at = at;
    c.valid_until = at + days(365);
    c.info_text_version = "2026-11";
    c.info_text_hash = "demo";
    for (const char* u : units) c.scope.units.insert(units_[u]);
    c.scope.categories = categories;
    auto id = store::insert_consent(tx_, c);
    if (!id) return id.error();
    return {};
  }

  Result<domain::LogId> open_log(const char* child, domain::MunicipalityId municipality, int level, const char* holder,
                                 const char* holder_unit, std::initializer_list<const char*> guardians,
                                 std::initializer_list<const char*> units, domain::CategorySet categories) {
    const TimePoint opened = now_ - days(60);
    auto log = store::insert_log(tx_, people_[child], municipality, level, people_[holder], "opened with consent", opened);
    if (!log) return log.error();
    for (const char* g : guardians) {
      if (auto r = consent(*log, g, units, categories, domain::ConsentMethod::kPaper, people_[holder], opened); !r) {
        return r.error();
      }
    }
    auto holder_id = participant(*log, holder, holder_unit, domain::ParticipantRole::kContributor, false, opened);
    if (!holder_id) return holder_id.error();
    if (auto r = store::insert_holder(tx_, *log, *holder_id, opened); !r) return r.error();
    for (const char* g : guardians) {
      if (auto r = participant(*log, g, nullptr, domain::ParticipantRole::kGuardian, false, opened); !r) return r.error();
    }
    if (auto r = participant(*log, child, nullptr, domain::ParticipantRole::kChild, false, opened); !r) return r.error();
    if (auto r = store::open_new_log(tx_, *log); !r) return r.error();
    holders_[log->value] = people_[holder];
    return *log;
  }

  Result<domain::ParticipantId> participant(domain::LogId log, const char* who, const char* unit,
                                            domain::ParticipantRole role, bool hidden, TimePoint at) {
    domain::Participant p;
    p.log = log;
    p.person = people_[who];
    p.role = role;
    if (unit != nullptr) p.unit = units_[unit];
    p.hidden = hidden;
    p.added_at = at;
    const auto added_by = holders_.contains(log.value) ? holders_[log.value] : people_[who];
    return store::insert_participant(tx_, p, added_by);
  }

  Result<void> add(domain::LogId log, const char* who, const char* unit, domain::ParticipantRole role, bool hidden) {
    auto id = participant(log, who, unit, role, hidden, now_ - days(50));
    if (!id) return id.error();
    return {};
  }

  Transaction& tx_;
  const crypto::DataKeys& keys_;
  TimePoint now_;
  std::map<std::string, domain::MunicipalityId> municipalities_;
  std::map<std::string, domain::UnitId> units_;
  std::map<std::string, domain::PersonId> people_;
  std::map<std::int64_t, domain::PersonId> holders_;
};

}  // namespace

Result<SeedReport> seed_demo(store::Database& db, const crypto::DataKeys& keys, const Clock& clock) {
  SeedReport report;
  auto r = db.transact(store::TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    Seeder seeder(tx, keys, clock.now());
    return seeder.run(report);
  });
  if (!r) return r.error();
  return report;
}

}  // namespace stafett::app
