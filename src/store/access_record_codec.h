#pragma once
// Reading an access record back from its canonical JSON (the inverse of
// domain::canonical): strict about keys and types, so a damaged row is an
// error, never a half-read record.
#include <string_view>

#include "core/result.h"
#include "domain/access_record.h"

namespace stafett::store {

// kInternal for anything domain::canonical could not have written.
Result<domain::AccessRecord> decode_access_record(std::string_view canonical);

}  // namespace stafett::store
