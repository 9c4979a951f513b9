#pragma once
// SQL for tool records (migration 0020-0021): a tool's form filled in by an
// employee, a draft until submitted, then the unit's until it is attached to
// a stafettlogg. The triggers keep a submitted record's answers for good.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "store/database.h"

namespace stafett::store {

struct ToolRecordRow {
  std::int64_t id = 0;
  domain::MunicipalityId municipality;
  domain::UnitId unit;
  std::string unit_name;
  domain::PersonId author;
  std::string author_name;
  std::string tool_key;
  std::optional<std::int64_t> guide_version;
  std::string tool;     // the tool as filled in (guide codec JSON)
  std::string answers;  // guide codec JSON
  bool submitted = false;
  std::string outcome;  // "", "closed", "in_unit", "attached"
  TimePoint created_at, updated_at;
  std::optional<TimePoint> submitted_at;
  std::optional<domain::LogId> log;
  std::optional<TimePoint> attached_at;
  std::string attached_by_name;
};

struct NewToolRecord {
  domain::MunicipalityId municipality;
  domain::UnitId unit;
  domain::PersonId author;
  std::string tool_key;
  std::optional<std::int64_t> guide_version;
  std::string tool;
  std::string answers;
  bool submit = false;
};

Result<std::int64_t> insert_tool_record(Transaction& tx, const NewToolRecord& record, TimePoint now);
Result<std::optional<ToolRecordRow>> find_tool_record(Transaction& tx, std::int64_t id);
// A draft's new answers and unit, and whether it is now submitted. Changes
// nothing (kConflict) when the record is no longer a draft.
Result<void> update_tool_record_draft(Transaction& tx, std::int64_t id, domain::UnitId unit, const std::string& answers,
                                      bool submit, TimePoint now);
Result<void> delete_tool_record_draft(Transaction& tx, std::int64_t id);
// "closed" or "in_unit" for a submitted record not attached to a log.
Result<void> set_tool_record_outcome(Transaction& tx, std::int64_t id, const std::string& outcome, TimePoint now);
// Once: kConflict when it is attached already or not submitted.
Result<void> attach_tool_record(Transaction& tx, std::int64_t id, domain::LogId log, domain::PersonId by,
                                TimePoint now);

// The submitted records of these units, and the drafts `author` wrote in them; newest first.
Result<std::vector<ToolRecordRow>> tool_records_of_units(Transaction& tx, const std::vector<domain::UnitId>& units,
                                                         domain::PersonId author);
// The records attached to a log, oldest first.
Result<std::vector<ToolRecordRow>> tool_records_of_log(Transaction& tx, domain::LogId log);

}  // namespace stafett::store
