#pragma once
// validate_with_refresh(): the id_token check with the provider's current
// keys, and, when the token names a key we do not have (kUnknownKeyId, the
// provider rotated its keys), one rate-limited JWKS refresh and one retry.
// Why only once: a token whose kid is still unknown after the refresh is
// refused; retrying again would only let a token drive more fetches.
// Errors: a refusal is kForbidden "id_token refused: <token_defect_name>" as in
// validate_id_token(); a JWKS that cannot be had passes its error through.
// Thread-safety: as JwksCache (safe from many threads).
#include <string_view>

#include "auth/id_token.h"
#include "auth/jwks_cache.h"
#include "core/clock.h"
#include "core/result.h"

namespace stafett::auth {

Result<IdTokenClaims> validate_with_refresh(std::string_view token, JwksCache& keys,
                                            const TokenExpectations& expect, TimePoint now);

}  // namespace stafett::auth
