#pragma once
// Encoding of application/x-www-form-urlencoded bodies (the reverse of
// parse_form_body() in query.h), as an OAuth token request needs them.
// Why percent-encode everything but RFC 3986's unreserved characters (and a
// space as %20, not '+'): every form decoder reads that the same way, so a
// code or secret containing '+', '&' or '=' arrives exactly as sent.
// Thread-safety: pure function.
#include <string>
#include <utility>
#include <vector>

namespace stafett::http {

// "k1=v1&k2=v2" in the given order; keys and values are encoded alike.
std::string form_urlencode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace stafett::http
