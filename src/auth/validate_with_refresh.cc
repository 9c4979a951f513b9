#include "auth/validate_with_refresh.h"

#include <boost/json/object.hpp>
#include <string>

#include "auth/base64url.h"
#include "auth/strict_json.h"

namespace stafett::auth {
namespace {

// The header's `kid`. Read only after check_id_token() reported
// kUnknownKeyId, i.e. after it found the header well-formed; it decides
// nothing but whether another caller has already fetched that key.
std::string key_id_of(std::string_view token) {
  const auto decoded = base64url_decode(token.substr(0, token.find('.')));
  if (!decoded) return {};
  const auto header = parse_strict_json_object(*decoded);
  if (!header) return {};
  const auto* kid = header->if_contains("kid");
  return kid != nullptr && kid->is_string() ? std::string(kid->get_string()) : std::string();
}

Error refusal(TokenDefect defect) {
  return make_error(Errc::kForbidden,
                    "id_token refused: " + std::string(token_defect_name(defect)));
}

}  // namespace

Result<IdTokenClaims> validate_with_refresh(std::string_view token, JwksCache& keys,
                                            const TokenExpectations& expect, TimePoint now) {
  const auto current = keys.current();
  if (!current) return current.error();
  auto checked = check_id_token(token, **current, expect, now);
  if (checked) return std::move(*checked);
  if (checked.error() != TokenDefect::kUnknownKeyId) return refusal(checked.error());

  const auto refreshed = keys.refresh_for_unknown_kid(key_id_of(token));
  if (!refreshed) return refreshed.error();
  auto retried = check_id_token(token, **refreshed, expect, now);
  if (!retried) return refusal(retried.error());
  return std::move(*retried);
}

}  // namespace stafett::auth
