#pragma once
// HttpsGet: how auth fetches a document (discovery, JWKS) without knowing
// about sockets. Why a function and not http::https_get: auth sits below
// http in the layering; the composition root (cli) wires this to the real
// HTTPS client, and tests pass a fake that counts its calls.
// The function reports transport failures as an Error (kUnavailable); any
// HTTP status is a FetchedDocument, and the caller decides what it accepts.
// Thread-safety: a JwksCache calls it from whichever thread needs keys, so an
// HttpsGet must be safe to call from several threads.
#include <functional>
#include <string>

#include "core/result.h"

namespace stafett::auth {

struct FetchedDocument {
  int status = 0;
  std::string body;
};

using HttpsGet = std::function<Result<FetchedDocument>(const std::string& url)>;

}  // namespace stafett::auth
