#include "store/entry_codec.h"

#include <boost/json.hpp>

namespace stafett::store {
namespace {

namespace json = boost::json;

Error damaged(const char* what) { return make_error(Errc::kInternal, std::string("damaged entry body: ") + what); }

Result<json::object> parse_object(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return damaged("not an object");
  return std::move(v.as_object());
}

Result<std::string> text(const json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return damaged(key);
  return std::string(it->value().as_string());
}

Result<domain::Date> date(const json::object& o, const char* key) {
  auto t = text(o, key);
  if (!t) return t.error();
  auto d = domain::date_from_code(*t);
  if (!d) return damaged(key);
  return *d;
}

Result<std::int64_t> number(const json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_int64()) return damaged(key);
  return it->value().as_int64();
}

}  // namespace

std::string encode(const domain::GoalBody& b) {
  return json::serialize(json::object{{"text", b.text}, {"status", domain::goal_status_code(b.status)}});
}

std::string encode(const domain::MeasureBody& b) {
  json::object o{{"title", b.title},
                 {"description", b.description},
                 {"responsible", b.responsible.value},
                 {"unit", b.unit.value},
                 {"start_date", domain::date_code(b.start_date)},
                 {"evaluation_date", domain::date_code(b.evaluation_date)},
                 {"status", domain::measure_status_code(b.status)},
                 {"status_reason", b.status_reason}};
  if (b.catalogue) o["catalogue_measure"] = b.catalogue->value;
  if (b.goals) {
    json::array goals;
    for (auto g : *b.goals) goals.push_back(g.value);
    o["goals"] = std::move(goals);
  }
  return json::serialize(o);
}

std::string encode(const domain::EvaluationBody& b) {
  json::object o{{"date", domain::date_code(b.date)},
                 {"observed", b.observed},
                 {"outcome", domain::outcome_code(b.outcome)}};
  if (b.next_evaluation_date) o["next_evaluation_date"] = domain::date_code(*b.next_evaluation_date);
  return json::serialize(o);
}

std::string encode(const domain::NoteBody& b) {
  return json::serialize(json::object{
      {"date", domain::date_code(b.date)}, {"type", domain::note_type_code(b.type)}, {"text", b.text}});
}

std::string encode(const domain::HighlightBody& b) { return json::serialize(json::object{{"text", b.text}}); }

Result<domain::NoteBody> decode_note(const std::string& s) {
  auto o = parse_object(s);
  if (!o) return o.error();
  auto d = date(*o, "date");
  auto type = text(*o, "type");
  auto t = text(*o, "text");
  if (!d || !type || !t) return damaged("note");
  auto nt = domain::note_type_from_code(*type);
  if (!nt) return damaged("note type");
  return domain::NoteBody{*d, *nt, *t};
}

Result<domain::HighlightBody> decode_highlight(const std::string& s) {
  auto o = parse_object(s);
  if (!o) return o.error();
  auto t = text(*o, "text");
  if (!t) return damaged("highlight");
  return domain::HighlightBody{*t};
}

std::string encode(const domain::TaskBody& b) {
  return json::serialize(json::object{{"title", b.title},
                                      {"assignee", b.assignee.value},
                                      {"due_date", domain::date_code(b.due_date)},
                                      {"done", b.done}});
}

Result<domain::TaskBody> decode_task(const std::string& s) {
  auto o = parse_object(s);
  if (!o) return o.error();
  auto title = text(*o, "title");
  auto assignee = number(*o, "assignee");
  auto due = date(*o, "due_date");
  auto done = o->find("done");
  if (!title || !assignee || !due || done == o->end() || !done->value().is_bool()) return damaged("task");
  return domain::TaskBody{*title, domain::ParticipantId{*assignee}, *due, done->value().as_bool()};
}

std::string encode(const domain::MeetingBody& b) {
  json::array invited, agenda, decisions;
  for (auto p : b.invited) invited.push_back(p.value);
  for (const auto& a : b.agenda) agenda.push_back(json::string(a));
  for (const auto& d : b.decisions) decisions.push_back(json::string(d));
  return json::serialize(json::object{{"starts_at", b.starts_at}, {"place", b.place}, {"video_link", b.video_link},
                                      {"invited", invited}, {"agenda", agenda}, {"minutes", b.minutes},
                                      {"decisions", decisions}});
}

Result<domain::MeetingBody> decode_meeting(const std::string& s) {
  auto o = parse_object(s);
  if (!o) return o.error();
  domain::MeetingBody b;
  auto starts = text(*o, "starts_at");
  auto place = text(*o, "place");
  auto video = text(*o, "video_link");
  auto minutes = text(*o, "minutes");
  if (!starts || !place || !video || !minutes) return damaged("meeting");
  b.starts_at = *starts;
  b.place = *place;
  b.video_link = *video;
  b.minutes = *minutes;
  for (const char* key : {"invited", "agenda", "decisions"}) {
    auto it = o->find(key);
    if (it == o->end() || !it->value().is_array()) return damaged(key);
    for (const auto& v : it->value().as_array()) {
      if (std::string_view(key) == "invited") {
        if (!v.is_int64()) return damaged(key);
        b.invited.push_back(domain::ParticipantId{v.as_int64()});
      } else {
        if (!v.is_string()) return damaged(key);
        (std::string_view(key) == "agenda" ? b.agenda : b.decisions).emplace_back(v.as_string());
      }
    }
  }
  return b;
}

Result<domain::GoalBody> decode_goal(const std::string& s) {
  auto o = parse_object(s);
  if (!o) return o.error();
  auto t = text(*o, "text");
  auto st = text(*o, "status");
  if (!t || !st) return damaged("goal");
  auto status = domain::goal_status_from_code(*st);
  if (!status) return damaged("goal status");
  return domain::GoalBody{*t, *status};
}

Result<domain::MeasureBody> decode_measure(const std::string& s) {
  auto o = parse_object(s);
  if (!o) return o.error();
  domain::MeasureBody b;
  auto title = text(*o, "title");
  auto description = text(*o, "description");
  auto responsible = number(*o, "responsible");
  auto unit = number(*o, "unit");
  auto start = date(*o, "start_date");
  auto evaluation = date(*o, "evaluation_date");
  auto status = text(*o, "status");
  auto reason = text(*o, "status_reason");
  if (!title || !description || !responsible || !unit || !start || !evaluation || !status || !reason) {
    return damaged("measure");
  }
  auto st = domain::measure_status_from_code(*status);
  if (!st) return damaged("measure status");
  b.title = *title;
  b.description = *description;
  b.responsible = domain::ParticipantId{*responsible};
  b.unit = domain::UnitId{*unit};
  b.start_date = *start;
  b.evaluation_date = *evaluation;
  b.status = *st;
  b.status_reason = *reason;
  if (o->contains("catalogue_measure")) {
    auto c = number(*o, "catalogue_measure");
    if (!c) return damaged("measure catalogue");
    b.catalogue = domain::CatalogueMeasureId{*c};
  }
  if (auto it = o->find("goals"); it != o->end()) {
    if (!it->value().is_array()) return damaged("measure goals");
    std::vector<domain::EntryId> goals;
    for (const auto& g : it->value().as_array()) {
      if (!g.is_int64()) return damaged("measure goals");
      goals.push_back(domain::EntryId{g.as_int64()});
    }
    b.goals = std::move(goals);
  }
  return b;
}

Result<domain::EvaluationBody> decode_evaluation(const std::string& s) {
  auto o = parse_object(s);
  if (!o) return o.error();
  auto d = date(*o, "date");
  auto observed = text(*o, "observed");
  auto outcome = text(*o, "outcome");
  if (!d || !observed || !outcome) return damaged("evaluation");
  auto oc = domain::outcome_from_code(*outcome);
  if (!oc) return damaged("evaluation outcome");
  domain::EvaluationBody b{*d, *observed, *oc, std::nullopt};
  if (o->contains("next_evaluation_date")) {
    auto next = date(*o, "next_evaluation_date");
    if (!next) return next.error();
    b.next_evaluation_date = *next;
  }
  return b;
}

}  // namespace stafett::store
