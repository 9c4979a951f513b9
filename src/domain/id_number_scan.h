#pragma once
// Free text in anonymous cases (the cooperation arena) must never carry a
// national identity number. This finds text that looks like one, so the form
// can refuse it before it is stored.
#include <string_view>

namespace stafett::domain {

// True when `text` holds 11 digits with valid check digits (see national_id.h),
// written together ("DDMMYYIIIKK") or as 6 + 5 digits split by one space, '.'
// or '-', and not part of a longer run of digits. Letters next to the digits
// do not hide it ("nr01018012345" is found); 11 digits with a wrong checksum
// (phone or order numbers) are not.
bool contains_national_id(std::string_view text);

}  // namespace stafett::domain
