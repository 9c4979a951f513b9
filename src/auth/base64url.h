#pragma once
// Base64url without padding (RFC 4648 §5, as JWS uses it, RFC 7515 §2).
// Why strict: a token must have exactly one spelling. The decoder refuses
// padding, whitespace, the `+`/`/` alphabet and non-zero trailing bits, so two
// different texts never decode to the same bytes (no signature malleability,
// no ambiguity between what was signed and what is read).
// Thread-safety: pure functions.
#include <optional>
#include <string>
#include <string_view>

namespace stafett::auth {

// Bytes (held in a std::string) as base64url without `=` padding.
std::string base64url_encode(std::string_view bytes);

// The bytes, or nullopt when `text` is not canonical unpadded base64url.
// The empty text decodes to no bytes.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace stafett::auth
